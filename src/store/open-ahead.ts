/**
 * A returning visit opens the app's database with the bare IndexedDB API as
 * the page's first step, before Dexie's code has arrived: the origin's
 * backing store and the database's metadata are read while the code
 * downloads, and Dexie's own open, moments later, finds them ready.
 *
 * With the account the page's hint names, it also reads the rows home shows
 * first (the settings, the account, its person's profiles, their links and
 * achievements: `HomeRows`), in one read-only transaction, while Dexie's
 * code is still on its way. Whichever comes first is home's first answer:
 * the view made of these rows (store/queries-me `meViewOf`), or the data
 * state's live query, which takes over in any case.
 *
 * It never creates a database: where none exists yet, the open's upgrade is
 * aborted, so Dexie still makes it from nothing. Rows are read only from a
 * database at the schema version this code knows (`DB_VERSION`). Its
 * connection is let go after `holdMs` (Dexie has opened by then), or at once
 * when another connection asks for a newer version (an update must not be
 * blocked).
 */
import { DB_NAME, DB_VERSION } from './db-name';
import type { MeRows } from './queries-me';
import type {
  Achievement,
  Association,
  LearningProfile,
  Organization,
  Person,
  Settings,
  WorkAccount,
} from './records';

/**
 * What home shows first, as the database held it when read ahead: home's
 * rows (no other account a profile is linked to), and the settings' record,
 * if any (defaults fill the rest).
 */
export type HomeRows = Omit<MeRows, 'others'> & { settings: Partial<Settings> | undefined };

export interface OpenAheadOptions {
  /** The database (the app's by default). */
  name?: string;
  /** How long the connection is held at most. */
  holdMs?: number;
  /** The account whose home rows are read (none: only the open). */
  accountId?: string | null;
}

/**
 * Opens the database ahead; with `accountId`, answers that account's home
 * rows, or null when none were read (no database at this version, no such
 * account, a failure).
 */
export function openAhead({
  name = DB_NAME,
  holdMs = 5_000,
  accountId = null,
}: OpenAheadOptions = {}): Promise<HomeRows | null> {
  return new Promise((answer) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      answer(null);
      return; // No IndexedDB here (or not in this context): Dexie will say so.
    }
    request.onupgradeneeded = () => {
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      // The abort above, or a failure Dexie's own open will meet and report.
      event.preventDefault();
      answer(null);
    };
    request.onsuccess = () => {
      const db = request.result;
      const close = () => {
        db.close();
      };
      db.onversionchange = close;
      setTimeout(close, holdMs);
      // Dexie keeps IndexedDB's version at ten times its own.
      if (accountId === null || db.version !== DB_VERSION * 10) answer(null);
      // Dexie's reads will meet (and report) whatever failed here.
      else
        readHome(db, accountId).then(answer, () => {
          answer(null);
        });
    };
  });
}

async function readHome(db: IDBDatabase, accountId: string): Promise<HomeRows | null> {
  const tx = db.transaction(
    ['settings', 'accounts', 'organizations', 'people', 'profiles', 'associations', 'achievements'],
    'readonly',
  );
  const ask = <T>(store: string, read: (s: IDBObjectStore) => IDBRequest) =>
    new Promise<T>((resolve, reject) => {
      const asked = read(tx.objectStore(store));
      asked.onsuccess = () => {
        resolve(asked.result as T);
      };
      asked.onerror = () => {
        reject(asked.error ?? new Error('read failed'));
      };
    });
  const [settings, account] = await Promise.all([
    ask<Partial<Settings> | undefined>('settings', (s) => s.get('device')),
    ask<WorkAccount | undefined>('accounts', (s) => s.get(accountId)),
  ]);
  if (!account) return null;
  const [org, person, profiles] = await Promise.all([
    ask<Organization | undefined>('organizations', (s) => s.get(account.orgId)),
    ask<Person | undefined>('people', (s) => s.get(account.personId)),
    ask<LearningProfile[]>('profiles', (s) => s.index('personId').getAll(account.personId)),
  ]);
  // Per profile, in the profiles' (id) order: the order of Dexie's `anyOf`.
  const ofProfiles = <T>(store: string) =>
    Promise.all(
      profiles.map((p) => ask<T[]>(store, (s) => s.index('profileId').getAll(p.id))),
    ).then((lists) => lists.flat());
  const [links, achievements] = await Promise.all([
    ofProfiles<Association>('associations'),
    ofProfiles<Achievement>('achievements'),
  ]);
  return { settings, account, org, person, profiles, links, achievements };
}
