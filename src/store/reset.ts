/** Clearing the device's data: the "reset" action, and the first step of the demo and of import. */
import type { AppDb } from './db';
import { guardQuota } from './storage';

/**
 * Clears every table, outbox included, in one transaction. `keepSettings`
 * keeps the device settings (language, remote) for the demo loader.
 */
export async function resetAll(db: AppDb, options: { keepSettings?: boolean } = {}): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        if (options.keepSettings && table.name === 'settings') continue;
        await table.clear();
      }
    }),
  );
}
