import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { ChoiceField, InputField } from '../../components/field';
import { TextField } from '../../components/text-field';
import type { SectionProps, SettingsModel } from './settings-model';

type RemoteKind = SettingsModel['remote']['kind'];
const REMOTE_KINDS: readonly RemoteKind[] = ['embedded', 'http'];
const MAX_DELAY_MS = 60_000;

/** The remote (embedded Partner Center or an HTTP sync server), its demo switches, and "Sync now". */
export function ConnectionSection(props: SectionProps) {
  const { m, model, actions } = props;
  return (
    <>
      <RemoteForm {...props} />
      {model.remote.kind === 'embedded' ? <EmbeddedSwitches {...props} /> : null}

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
    </>
  );
}

function RemoteForm({ m, model, actions, say }: SectionProps) {
  const http = model.remote.kind === 'http' ? model.remote : null;
  const [kind, setKind] = useState<RemoteKind>(model.remote.kind);
  const [url, setUrl] = useState(http?.baseUrl ?? '');
  const [token, setToken] = useState(http?.token ?? '');
  const [urlError, setUrlError] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const remote: SettingsModel['remote'] =
      kind === 'embedded' ? { kind } : { kind, baseUrl: url.trim(), token: token.trim() || null };
    const error = await actions.saveRemote(remote);
    setUrlError(error ? m.remoteUrlInvalid : null);
    if (!error) say({ text: m.remoteSaved });
  }

  return (
    <>
      <h2>{m.remoteSection}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ChoiceField
          name="remote"
          legend={m.remoteSection}
          hideLegend
          choices={REMOTE_KINDS}
          value={kind}
          labelOf={(k) => (k === 'embedded' ? m.remoteEmbedded : m.remoteHttp)}
          onChange={setKind}
        />
        {kind === 'http' ? (
          <div class="stack">
            <TextField
              id="remote-url"
              type="url"
              inputMode="url"
              autoComplete="url"
              label={m.remoteUrl}
              hint={m.remoteUrlHelp}
              value={url}
              onInput={setUrl}
              error={urlError}
            />
            <TextField
              id="remote-token"
              type="password"
              autoComplete="off"
              label={m.remoteToken}
              value={token}
              onInput={setToken}
              error={null}
            />
          </div>
        ) : null}
        <button type="submit" class="primary">
          {m.remoteSave}
        </button>
      </form>
    </>
  );
}

/** The embedded Partner Center's demo switches: unreachable, and a delay before each answer. */
function EmbeddedSwitches({ m, model, actions }: SectionProps) {
  const [delay, setDelay] = useState(String(model.embeddedDelayMs));
  const [delayError, setDelayError] = useState<string | null>(null);
  return (
    <div class="stack">
      <InputField
        id="embedded-offline"
        layout="check"
        label={m.embeddedOffline}
        hint={m.embeddedOfflineHelp}
        error={null}
        type="checkbox"
        checked={model.embeddedOffline}
        onChange={(e: TargetedEvent<HTMLInputElement>) =>
          void actions.setEmbedded({ embeddedOffline: e.currentTarget.checked })
        }
      />
      <InputField
        id="embedded-delay"
        label={m.embeddedDelay}
        error={delayError}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DELAY_MS}
        step={100}
        value={delay}
        onChange={(e: TargetedEvent<HTMLInputElement>) => {
          const raw = e.currentTarget.value;
          setDelay(raw);
          const n = Number(raw);
          if (!/^\d+$/.test(raw) || n > MAX_DELAY_MS) {
            setDelayError(m.embeddedDelayInvalid);
            return;
          }
          setDelayError(null);
          void actions.setEmbedded({ embeddedDelayMs: n });
        }}
      />
    </div>
  );
}
