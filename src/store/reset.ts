/** Clearing the device's data: the "reset" action, and the first step of the demo and of import. */
import type { AppDb } from './db';
import { callerWritesDerived } from './report-upkeep';
import { guardQuota } from './storage';

/** Clears the tables; call inside a rw transaction on all of them. */
export async function clearTables(db: AppDb, keepSettings = false): Promise<void> {
  for (const table of db.tables) {
    if (keepSettings && table.name === 'settings') continue;
    await table.clear();
  }
}

/**
 * Clears every table, outbox included, in one transaction. `keepSettings`
 * keeps the device settings (language, remote) for the demo loader.
 */
export async function resetAll(db: AppDb, options: { keepSettings?: boolean } = {}): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.tables, (tx) => {
      // Every table goes, the derived ones with the rest: nothing to follow.
      callerWritesDerived(tx);
      return clearTables(db, options.keepSettings);
    }),
  );
}
