import { SyncNewsPanel } from '../../components/sync-news';
import { useEffect, useState } from 'preact/hooks';
import { useShell } from '../../context';
import { useData } from '../../data-context';
import { formatRuleDay } from '../../../i18n/format';
import { describeCode } from '../../../i18n/describe';
import { settings as settingsMessages } from '../../../i18n/messages/settings';
import { downloadText } from '../../components/download';
import type { AppState } from '../../../state/app-state';
import { importIssueLines } from './import-issues';
import { SettingsView, type SettingsActions, type SettingsModel } from './settings-view';

/** Settings: maps the data state to the view and its actions to the state's. */
export function SettingsScreen() {
  const shell = useShell();
  const app = useData();
  const [storage, setStorage] = useState<SettingsModel['storage']>(null);
  const [persisted, setPersisted] = useState<SettingsModel['persisted']>(null);
  useEffect(() => {
    if (!app) return;
    void app.storage().then(setStorage);
  }, [app]);

  const settings = app?.settings.value ?? null;
  if (!app || !settings) {
    return <p aria-busy="true">{shell.messages.value.common.loading}</p>;
  }
  const model: SettingsModel = {
    lang: shell.lang.value,
    remote: settings.remote,
    embeddedOffline: settings.embeddedOffline,
    embeddedDelayMs: settings.embeddedDelayMs,
    sync: { ...app.sync.value, pending: app.queuedCount.value },
    storage,
    persisted,
    importProgress: app.importProgress.value,
  };
  return (
    <>
      <SettingsView model={model} actions={actionsFor(app, shell, setPersisted, setStorage)} />
      <SyncNewsPanel />
    </>
  );
}

function actionsFor(
  app: AppState,
  shell: ReturnType<typeof useShell>,
  setPersisted: (p: SettingsModel['persisted']) => void,
  setStorage: (s: SettingsModel['storage']) => void,
): SettingsActions {
  const fail = (result: { ok: false; code: string; nextAllowedOn?: string }) => {
    const m = shell.messages.value;
    const date = result.nextAllowedOn
      ? formatRuleDay(result.nextAllowedOn, shell.lang.value, {
          timeZone: shell.timeZone,
          from: true,
        })
      : null;
    throw new Error(describeCode(m, result.code, date, shell.policy));
  };
  return {
    setLang: shell.chooseLang,
    saveRemote: async (remote) => {
      if (remote.kind === 'http' && !isHttpUrl(remote.baseUrl)) return 'invalid-url';
      const result = await app.updateSettings({ remote });
      return result.ok ? null : result.code;
    },
    setEmbedded: async (patch) => {
      const result = await app.updateSettings(patch);
      if (!result.ok) fail(result);
    },
    syncNow: () => {
      app.syncNow();
    },
    loadDemo: async () => {
      const result = await app.loadDemo();
      if (!result.ok) fail(result);
    },
    exportData: async () => {
      const result = await app.exportJson();
      if (!result.ok) return fail(result);
      const name = `mcid-link-export-${app.today()}.json`;
      downloadText(result.value, name, 'application/json');
      return name;
    },
    importFile: async (file) => {
      // The state checks the size before reading: a huge file is never read into memory.
      const result = await app.importFile(file);
      if (result.ok) return { ok: true, count: result.value };
      if (!result.issues)
        return {
          ok: false,
          issues: [describeCode(shell.messages.value, result.code, null, shell.policy)],
        };
      const lang = shell.lang.value;
      return {
        ok: false,
        issues: importIssueLines(settingsMessages[lang], lang, result.issues, result.totalIssues),
      };
    },
    reset: async () => {
      const result = await app.reset();
      if (!result.ok) fail(result);
    },
    persist: async () => {
      setPersisted(await app.persist());
      setStorage(await app.storage());
    },
    eraseAll: async () => {
      await app.eraseDevice();
    },
    confirm: (question) => window.confirm(question),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
