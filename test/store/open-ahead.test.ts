/**
 * The page's first chunk opens the database ahead of Dexie (store/open-ahead):
 * it must create nothing, and must never stand in the way of Dexie's open or
 * of an update's new version.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/store';
import { openAhead } from '../../src/store/open-ahead';

const names = async () => (await indexedDB.databases()).map((d) => d.name);
const opened = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(async () => {
  vi.useRealTimers();
  for (const name of await names()) if (name) indexedDB.deleteDatabase(name);
});

describe('openAhead', () => {
  it('creates no database where none exists, and Dexie then makes it from nothing', async () => {
    openAhead('ahead-none');
    await opened();
    expect(await names()).not.toContain('ahead-none');
    const db = openDb('ahead-none');
    await db.open();
    expect(db.tables.length).toBeGreaterThan(0);
    db.close();
  });

  it('lets Dexie open beside it, and gives way at once to a newer version', async () => {
    const made = openDb('ahead-kept');
    await made.open();
    const version = made.verno;
    made.close();

    openAhead('ahead-kept', 60_000);
    await opened();
    const db = openDb('ahead-kept');
    await db.open();
    expect(db.verno).toBe(version);
    db.close();

    // An update's upgrade is not blocked by the connection held ahead.
    const blocked = vi.fn();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open('ahead-kept', version * 10 + 1);
      request.onblocked = blocked;
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    expect(upgraded).toBe(version * 10 + 1);
    expect(blocked).not.toHaveBeenCalled();
  });

  it('lets its connection go after the hold, with nothing asking for it', async () => {
    const made = openDb('ahead-held');
    await made.open();
    made.close();
    const close = vi.spyOn(IDBDatabase.prototype, 'close');
    openAhead('ahead-held', 30);
    await opened();
    expect(close).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });
});
