import type { Page } from 'playwright-core';

/**
 * The rows of one of the app's IndexedDB tables, read with plain IndexedDB
 * in the page (no app code, whatever version the database is at).
 */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('mcid-link');
      req.onsuccess = () => {
        ok(req.result);
      };
      req.onerror = () => {
        fail(req.error ?? new Error('open'));
      };
    });
    try {
      return await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => {
          ok(req.result);
        };
        req.onerror = () => {
          fail(req.error ?? new Error('read'));
        };
      });
    } finally {
      db.close();
    }
  }, table) as Promise<T[]>;
}
