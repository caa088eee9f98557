/**
 * A returning visit opens the app's database with the bare IndexedDB API as
 * the page's first step, before Dexie's code has arrived: the origin's
 * backing store and the database's metadata are read while the code
 * downloads, and Dexie's own open, moments later, finds them ready.
 *
 * It never creates a database: where none exists yet, the open's upgrade is
 * aborted, so Dexie still makes it from nothing. Its connection is let go
 * after `holdMs` (Dexie has opened by then), or at once when another
 * connection asks for a newer version (an update must not be blocked).
 */
import { DB_NAME } from './db-name';

export function openAhead(name: string = DB_NAME, holdMs = 5_000): void {
  let request: IDBOpenDBRequest;
  try {
    request = indexedDB.open(name);
  } catch {
    return; // No IndexedDB here (or not in this context): Dexie will say so.
  }
  request.onupgradeneeded = () => {
    request.transaction?.abort();
  };
  request.onerror = (event) => {
    // The abort above, or a failure Dexie's own open will meet and report.
    event.preventDefault();
  };
  request.onsuccess = () => {
    const db = request.result;
    const close = () => {
      db.close();
    };
    db.onversionchange = close;
    setTimeout(close, holdMs);
  };
}
