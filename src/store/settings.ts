/** The device settings row: read with defaults, changed by a patch. */
import type { AppDb } from './db';
import type { Settings } from './records';
import { guardQuota } from './storage';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze<Settings>({
  key: 'device',
  language: null,
  currentAccountId: null,
  remote: { kind: 'embedded' },
  embeddedOffline: false,
  embeddedDelayMs: 0,
});

export async function getSettings(db: AppDb): Promise<Settings> {
  return settingsOf(await db.settings.get('device'));
}

/** The device's settings from their record (or none): defaults fill what it lacks. */
export function settingsOf(row: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...row, key: 'device' };
}

export async function updateSettings(
  db: AppDb,
  patch: Partial<Omit<Settings, 'key'>>,
): Promise<Settings> {
  return guardQuota(() =>
    db.transaction('rw', db.settings, async () => {
      const next: Settings = { ...(await getSettings(db)), ...patch, key: 'device' };
      await db.settings.put(next);
      return next;
    }),
  );
}
