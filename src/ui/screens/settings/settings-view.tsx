import { useState } from 'preact/hooks';
import { settings as settingsMessages } from '../../../i18n/messages/settings';
import { ConnectionSection } from './connection-section';
import { DataSection } from './data-section';
import { LanguageSection } from './language-section';
import { PrivacySection } from './privacy-section';
import type {
  SectionProps,
  SettingsActions,
  SettingsModel,
  SettingsStatus,
  SettingsTask,
} from './settings-model';

export type { SettingsActions, SettingsModel } from './settings-model';

/**
 * Settings: the language, the connection, the data and privacy sections
 * (one file each), and the one status line and alert they all report to.
 */
export function SettingsView({
  model,
  actions,
}: {
  model: SettingsModel;
  actions: SettingsActions;
}) {
  const m = settingsMessages[model.lang];
  const [status, setStatus] = useState<SettingsStatus | null>(null);
  const [busy, setBusy] = useState(false);

  async function run({ work, done }: SettingsTask) {
    setBusy(true);
    setStatus({ text: m.working });
    try {
      const said = await work();
      const text = typeof said === 'string' ? said : done;
      if (text !== undefined) setStatus({ text });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  const section: SectionProps = {
    m,
    model,
    actions,
    busy,
    perform: (task) => {
      if (task.confirm !== undefined && !actions.confirm(task.confirm)) return;
      void run(task);
    },
    say: setStatus,
  };

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

      <LanguageSection {...section} />
      <ConnectionSection {...section} />
      <DataSection {...section} />
      <PrivacySection {...section} />
    </section>
  );
}
