import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { LANGS, isLang, type Lang } from '../../../i18n';
import {
  settings as settingsMessages,
  type SettingsMessages,
} from '../../../i18n/messages/settings';

/** What the Settings screen shows; the container maps the app state to it. */
export interface SettingsModel {
  lang: Lang;
  remote: { kind: 'embedded' } | { kind: 'http'; baseUrl: string; token: string | null };
  embeddedOffline: boolean;
  embeddedDelayMs: number;
  sync: { draining: boolean; needsSignIn: boolean; pending: number };
  storage: { usage: number; quota: number } | null;
  persisted: 'granted' | 'denied' | 'unsupported' | null;
  /** The running import's step; null when none runs. */
  importProgress:
    { phase: 'reading' | 'checking' } | { phase: 'writing'; done: number; total: number } | null;
}

/** What the Settings screen can ask for; each returns a message to announce. */
export interface SettingsActions {
  setLang: (lang: Lang) => void;
  saveRemote: (remote: SettingsModel['remote']) => Promise<string | null>;
  setEmbedded: (patch: { embeddedOffline?: boolean; embeddedDelayMs?: number }) => Promise<void>;
  syncNow: () => void;
  loadDemo: () => Promise<void>;
  exportData: () => Promise<string>;
  importFile: (
    file: File,
  ) => Promise<{ ok: true; count: number } | { ok: false; issues: string[] }>;
  reset: () => Promise<void>;
  persist: () => Promise<void>;
  eraseAll: () => Promise<void>;
  confirm: (question: string) => boolean;
}

export function SettingsView({
  model,
  actions,
}: {
  model: SettingsModel;
  actions: SettingsActions;
}) {
  const m = settingsMessages[model.lang];
  const [status, setStatus] = useState<{
    text: string;
    error?: boolean;
    details?: string[];
  } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setStatus({ text: m.working });
    try {
      await task();
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="screen-title" class="settings">
      <h1 id="screen-title">{m.title}</h1>
      <p class="status-line" role="status" aria-live="polite" data-testid="settings-status">
        {status && !status.error ? status.text : ''}
      </p>
      {status?.error ? (
        <div role="alert" class="error-box">
          <p>{status.text}</p>
          {status.details ? (
            <ul>
              {status.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <LanguageSection m={m} lang={model.lang} onChange={actions.setLang} />
      <RemoteSection
        m={m}
        model={model}
        actions={actions}
        onSaved={(text) => {
          setStatus({ text });
        }}
      />

      <h2>{m.syncSection}</h2>
      <p data-testid="sync-state">
        {model.sync.needsSignIn
          ? m.syncNeedsSignIn
          : model.sync.draining
            ? m.syncDraining
            : m.syncIdle}
      </p>
      <button type="button" onClick={actions.syncNow} disabled={model.sync.draining}>
        {m.syncNow}
      </button>

      <h2>{m.dataSection}</h2>
      <div class="stack">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            void run(async () => {
              await actions.loadDemo();
              setStatus({ text: m.demoLoaded });
            });
          }}
        >
          {m.loadDemo}
        </button>
        <div>
          <button
            type="button"
            disabled={busy}
            aria-describedby="export-help"
            onClick={() => {
              void run(async () => {
                const file = await actions.exportData();
                setStatus({ text: m.exported(file) });
              });
            }}
          >
            {m.exportData}
          </button>
          <p id="export-help" class="help">
            {m.exportHelp}
          </p>
        </div>
        <div>
          <label for="import-file">{m.importData}</label>
          <p id="import-help" class="help">
            {m.importHelp}
          </p>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            aria-describedby="import-help"
            disabled={busy}
            onChange={(event: TargetedEvent<HTMLInputElement>) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (!file || !actions.confirm(m.importConfirm)) {
                input.value = '';
                return;
              }
              void run(async () => {
                const result = await actions.importFile(file);
                input.value = '';
                if (result.ok) setStatus({ text: m.imported(result.count) });
                else setStatus({ text: m.importFailed, error: true, details: result.issues });
              });
            }}
          />
          {model.importProgress ? (
            <ImportProgressBar progress={model.importProgress} lang={model.lang} m={m} />
          ) : null}
        </div>
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => {
            if (!actions.confirm(m.resetConfirm)) return;
            void run(async () => {
              await actions.reset();
              setStatus({ text: m.resetDone });
            });
          }}
        >
          {m.reset}
        </button>
      </div>

      <h2>{m.storageSection}</h2>
      <p data-testid="storage-use">
        {model.storage
          ? m.storageUse(
              formatBytes(model.storage.usage, model.lang),
              formatBytes(model.storage.quota, model.lang),
            )
          : m.storageUnknown}
      </p>
      {model.persisted === 'granted' ? (
        <p>{m.persistGranted}</p>
      ) : (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              void run(actions.persist);
            }}
          >
            {m.persist}
          </button>
          {model.persisted === 'denied' ? <p>{m.persistDenied}</p> : null}
          {model.persisted === 'unsupported' ? <p>{m.persistUnsupported}</p> : null}
        </>
      )}

      <h2>{m.privacySection}</h2>
      <p id="erase-help" class="help">
        {m.eraseHelp}
      </p>
      <button
        type="button"
        class="danger"
        aria-describedby="erase-help"
        disabled={busy}
        onClick={() => {
          if (!actions.confirm(m.eraseConfirm)) return;
          void run(async () => {
            await actions.eraseAll();
            setStatus({ text: m.erased });
          });
        }}
      >
        {m.eraseAll}
      </button>
    </section>
  );
}

function LanguageSection(props: {
  m: SettingsMessages;
  lang: Lang;
  onChange: (lang: Lang) => void;
}) {
  const { m } = props;
  return (
    <>
      <h2>{m.languageSection}</h2>
      <fieldset class="choices">
        <legend class="visually-hidden">{m.languageSection}</legend>
        {LANGS.map((lang) => (
          <label key={lang} lang={lang}>
            <input
              type="radio"
              name="lang"
              value={lang}
              checked={props.lang === lang}
              onChange={(e: TargetedEvent<HTMLInputElement>) => {
                const value = e.currentTarget.value;
                if (isLang(value)) props.onChange(value);
              }}
            />{' '}
            {lang === 'ja' ? '日本語' : 'English'}
          </label>
        ))}
      </fieldset>
      <p class="help">{m.languageHelp}</p>
    </>
  );
}

function RemoteSection(props: {
  m: SettingsMessages;
  model: SettingsModel;
  actions: SettingsActions;
  onSaved: (text: string) => void;
}) {
  const { m, model, actions } = props;
  const [kind, setKind] = useState(model.remote.kind);
  const [url, setUrl] = useState(model.remote.kind === 'http' ? model.remote.baseUrl : '');
  const [token, setToken] = useState(
    model.remote.kind === 'http' ? (model.remote.token ?? '') : '',
  );
  const [urlError, setUrlError] = useState<string | null>(null);
  const [delay, setDelay] = useState(String(model.embeddedDelayMs));
  const [delayError, setDelayError] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const remote: SettingsModel['remote'] =
      kind === 'embedded' ? { kind } : { kind, baseUrl: url.trim(), token: token.trim() || null };
    const error = await actions.saveRemote(remote);
    setUrlError(error ? m.remoteUrlInvalid : null);
    if (!error) props.onSaved(m.remoteSaved);
  }

  return (
    <>
      <h2>{m.remoteSection}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset class="choices">
          <legend class="visually-hidden">{m.remoteSection}</legend>
          <label>
            <input
              type="radio"
              name="remote"
              checked={kind === 'embedded'}
              onChange={() => {
                setKind('embedded');
              }}
            />{' '}
            {m.remoteEmbedded}
          </label>
          <label>
            <input
              type="radio"
              name="remote"
              checked={kind === 'http'}
              onChange={() => {
                setKind('http');
              }}
            />{' '}
            {m.remoteHttp}
          </label>
        </fieldset>
        {kind === 'http' ? (
          <div class="stack">
            <label for="remote-url">{m.remoteUrl}</label>
            <input
              id="remote-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              value={url}
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? 'remote-url-error remote-url-help' : 'remote-url-help'}
              onInput={(e: TargetedEvent<HTMLInputElement>) => {
                setUrl(e.currentTarget.value);
              }}
            />
            <p id="remote-url-help" class="help">
              {m.remoteUrlHelp}
            </p>
            {urlError ? (
              <p id="remote-url-error" class="field-error">
                {urlError}
              </p>
            ) : null}
            <label for="remote-token">{m.remoteToken}</label>
            <input
              id="remote-token"
              type="password"
              autoComplete="off"
              value={token}
              onInput={(e: TargetedEvent<HTMLInputElement>) => {
                setToken(e.currentTarget.value);
              }}
            />
          </div>
        ) : null}
        <button type="submit" class="primary">
          {m.remoteSave}
        </button>
      </form>
      {model.remote.kind === 'embedded' ? (
        <div class="stack">
          <label class="switch">
            <input
              type="checkbox"
              checked={model.embeddedOffline}
              aria-describedby="embedded-offline-help"
              onChange={(e: TargetedEvent<HTMLInputElement>) =>
                void actions.setEmbedded({ embeddedOffline: e.currentTarget.checked })
              }
            />{' '}
            {m.embeddedOffline}
          </label>
          <p id="embedded-offline-help" class="help">
            {m.embeddedOfflineHelp}
          </p>
          <label for="embedded-delay">{m.embeddedDelay}</label>
          <input
            id="embedded-delay"
            type="number"
            inputMode="numeric"
            min={0}
            max={60000}
            step={100}
            value={delay}
            aria-invalid={delayError ? true : undefined}
            aria-describedby={delayError ? 'embedded-delay-error' : undefined}
            onChange={(e: TargetedEvent<HTMLInputElement>) => {
              const raw = e.currentTarget.value;
              setDelay(raw);
              const n = Number(raw);
              if (!/^\d+$/.test(raw) || n > 60000) {
                setDelayError(m.embeddedDelayInvalid);
                return;
              }
              setDelayError(null);
              void actions.setEmbedded({ embeddedDelayMs: n });
            }}
          />
          {delayError ? (
            <p id="embedded-delay-error" class="field-error">
              {delayError}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function formatBytes(n: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: digits }).format(value)} ${units[unit] ?? 'B'}`;
}

/** The import's step in words (announced once per step) and its rows on a progress bar. */
function ImportProgressBar({
  progress,
  lang,
  m,
}: {
  progress: NonNullable<SettingsModel['importProgress']>;
  lang: Lang;
  m: SettingsMessages;
}) {
  const words = {
    reading: m.importReading,
    checking: m.importChecking,
    writing: m.importWriting,
  }[progress.phase];
  const count = (n: number) => n.toLocaleString(lang);
  const rows =
    progress.phase === 'writing' ? m.importRows(count(progress.done), count(progress.total)) : null;
  return (
    <div class="import-progress" data-testid="import-progress">
      <p id="import-step" aria-live="polite">
        {words}
      </p>
      {/* No value while the file is read and checked: an indeterminate bar. */}
      <progress
        aria-label={m.importProgress}
        max={progress.phase === 'writing' ? Math.max(1, progress.total) : undefined}
        value={progress.phase === 'writing' ? progress.done : undefined}
        aria-valuetext={rows ?? words}
      />
      {rows ? <p class="help">{rows}</p> : null}
    </div>
  );
}
