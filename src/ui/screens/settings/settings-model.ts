import type { Lang } from '../../../i18n';
import type { SettingsMessages } from '../../../i18n/messages/settings';

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
    | { phase: 'reading' | 'checking' }
    | { phase: 'writing' | 'report'; done: number; total: number }
    | null;
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

/** The screen's one status line: what was done, or what went wrong (with details). */
export interface SettingsStatus {
  text: string;
  error?: boolean;
  details?: string[];
}

/**
 * One thing a button or input asks for: `work` runs (after `confirm` is
 * answered yes, when given), then the words it returns, or `done`, are
 * announced; a thrown error is shown in the alert.
 */
export interface SettingsTask {
  work: () => Promise<unknown>;
  done?: string;
  confirm?: string;
}

/** What every section gets from the screen. */
export interface SectionProps {
  m: SettingsMessages;
  model: SettingsModel;
  actions: SettingsActions;
  /** True while a task runs: the buttons that start one are disabled. */
  busy: boolean;
  perform: (task: SettingsTask) => void;
  say: (status: SettingsStatus) => void;
}
