import type { TargetedEvent } from 'preact';
import { type Lang } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import type { SettingsMessages } from '../../../i18n/messages/settings';
import { InputField } from '../../components/field';
import { ActionButton } from './action-button';
import type { SectionProps, SettingsModel } from './settings-model';

/** The demo data, export, import, reset, and the storage this device gives the app. */
export function DataSection(section: SectionProps) {
  const { m, model, actions } = section;
  const exportAll = { work: async () => m.exported(await actions.exportData()) };
  const reset = { work: actions.reset, done: m.resetDone, confirm: m.resetConfirm };
  return (
    <>
      <h2>{m.dataSection}</h2>
      <div class="stack">
        <ActionButton section={section} task={{ work: actions.loadDemo, done: m.demoLoaded }}>
          {m.loadDemo}
        </ActionButton>
        <ActionButton section={section} task={exportAll} id="export" help={m.exportHelp}>
          {m.exportData}
        </ActionButton>
        <ImportField {...section} />
        <ActionButton section={section} task={reset} danger>
          {m.reset}
        </ActionButton>
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
          <ActionButton section={section} task={{ work: actions.persist }}>
            {m.persist}
          </ActionButton>
          {model.persisted === 'denied' ? <p>{m.persistDenied}</p> : null}
          {model.persisted === 'unsupported' ? <p>{m.persistUnsupported}</p> : null}
        </>
      )}
    </>
  );
}

/** Import replaces everything, so it asks first; a refused file's problems go to the alert. */
function ImportField({ m, model, actions, busy, perform, say }: SectionProps) {
  return (
    <div>
      <InputField
        id="import-file"
        label={m.importData}
        hint={m.importHelp}
        error={null}
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(event: TargetedEvent<HTMLInputElement>) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (!file || !actions.confirm(m.importConfirm)) {
            input.value = '';
            return;
          }
          perform({
            work: async () => {
              const result = await actions.importFile(file);
              input.value = '';
              if (result.ok) return m.imported(result.count);
              say({ text: m.importFailed, error: true, details: result.issues });
            },
          });
        }}
      />
      {model.importProgress ? (
        <ImportProgressBar progress={model.importProgress} lang={model.lang} m={m} />
      ) : null}
    </div>
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
  return `${formatNumber(value, lang, { maximumFractionDigits: digits })} ${units[unit] ?? 'B'}`;
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
    report: m.importReport,
  }[progress.phase];
  const count = (n: number) => formatNumber(n, lang);
  const counted = progress.phase === 'writing' || progress.phase === 'report' ? progress : null;
  const rows = counted ? m.importRows(count(counted.done), count(counted.total)) : null;
  return (
    <div class="import-progress" data-testid="import-progress">
      <p id="import-step" aria-live="polite">
        {words}
      </p>
      {/* No value while the file is read and checked: an indeterminate bar. */}
      <progress
        aria-label={m.importProgress}
        max={counted ? Math.max(1, counted.total) : undefined}
        value={counted ? counted.done : undefined}
        aria-valuetext={rows ?? words}
      />
      {rows ? <p class="help">{rows}</p> : null}
    </div>
  );
}
