/**
 * A returning visit opens the app's database with the bare IndexedDB API as
 * the page's first step (src/early.ts, which the shell's head runs as soon
 * as it arrives), before Dexie's code has arrived: the origin's
 * backing store and the database's metadata are read while the code
 * downloads, and Dexie's own open, moments later, finds them ready.
 *
 * With the account the page's hint names, it also reads the rows home shows
 * first (the settings, the account, its person's profiles, their links and
 * achievements: `HomeRows`), in one read-only transaction, while Dexie's
 * code is still on its way; with the keys the last visit's read found
 * (`HomeKeys`), all at once. Whichever comes first is home's first answer:
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

/**
 * What home's read asks for beyond the account: its organization, its
 * person and the person's profiles (removed ones too, in id order), as the
 * last visit's read found them (`homeKeysOf`). Only a guess: the read checks
 * it against the account and the profiles it finds.
 */
export interface HomeKeys {
  accountId: string;
  orgId: string;
  personId: string;
  profileIds: string[];
}

export interface OpenAheadOptions {
  /** The database (the app's by default). */
  name?: string;
  /** How long the connection is held at most. */
  holdMs?: number;
  /** The account whose home rows are read (none: only the open). */
  accountId?: string | null;
  /** The keys the last visit's read found for that account (none: the read finds them). */
  keys?: HomeKeys | null;
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
  keys = null,
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
        readHome(db, accountId, keys).then(answer, () => {
          answer(null);
        });
    };
  });
}

type Ask = <T>(store: string, read: (s: IDBObjectStore) => IDBRequest) => Promise<T>;

/** Every link (or achievement) of the profiles, per profile in the profiles' (id) order: the order of Dexie's `anyOf`. */
function ofProfiles<T>(ask: Ask, store: string, profileIds: readonly string[]): Promise<T[]> {
  return Promise.all(
    profileIds.map((id) => ask<T[]>(store, (s) => s.index('profileId').getAll(id))),
  ).then((lists) => lists.flat());
}

type KeyedRows = Omit<HomeRows, 'settings' | 'account'>;

/** The rows the keys name, asked for all at once. */
function readByKeys(ask: Ask, keys: HomeKeys): Promise<KeyedRows> {
  return Promise.all([
    ask<Organization | undefined>('organizations', (s) => s.get(keys.orgId)),
    ask<Person | undefined>('people', (s) => s.get(keys.personId)),
    ask<LearningProfile[]>('profiles', (s) => s.index('personId').getAll(keys.personId)),
    ofProfiles<Association>(ask, 'associations', keys.profileIds),
    ofProfiles<Achievement>(ask, 'achievements', keys.profileIds),
  ]).then(([org, person, profiles, links, achievements]) => ({
    org,
    person,
    profiles,
    links,
    achievements,
  }));
}

/** Whether rows read by `keys` are the account's: the keys still name its organization, person and profiles. */
function fits(keys: HomeKeys, account: WorkAccount, rows: KeyedRows): boolean {
  return (
    account.orgId === keys.orgId &&
    account.personId === keys.personId &&
    rows.profiles.length === keys.profileIds.length &&
    rows.profiles.every((p, i) => p.id === keys.profileIds[i])
  );
}

/**
 * Three rounds, each asking with what the last answered (the account names
 * its person, the person's profiles are the keys of the rest, asked for as
 * the last visit's keys would be); one where those keys still hold. A round is a
 * trip through the page's main thread, which a returning visit keeps busy
 * with its scripts: ~5-15 ms each there, against ~0.5 ms on a quiet page.
 */
async function readHome(
  db: IDBDatabase,
  accountId: string,
  keys: HomeKeys | null,
): Promise<HomeRows | null> {
  const tx = db.transaction(
    ['settings', 'accounts', 'organizations', 'people', 'profiles', 'associations', 'achievements'],
    'readonly',
  );
  const ask: Ask = <T>(store: string, read: (s: IDBObjectStore) => IDBRequest) =>
    new Promise<T>((resolve, reject) => {
      const asked = read(tx.objectStore(store));
      asked.onsuccess = () => {
        resolve(asked.result as T);
      };
      asked.onerror = () => {
        reject(asked.error ?? new Error('read failed'));
      };
    });
  const head = Promise.all([
    ask<Partial<Settings> | undefined>('settings', (s) => s.get('device')),
    ask<WorkAccount | undefined>('accounts', (s) => s.get(accountId)),
  ]);
  const guess = keys?.accountId === accountId ? keys : null;
  const guessed = guess && readByKeys(ask, guess);
  // Answered whatever the account turns out to be (not awaited when it is gone).
  guessed?.catch(() => undefined);
  const [settings, account] = await head;
  if (!account) return null;
  if (guess && guessed) {
    const rows = await guessed;
    if (fits(guess, account, rows)) return { settings, account, ...rows };
  }
  // No keys, or they no longer hold: the person's profiles, then all by their keys.
  const profiles = await ask<LearningProfile[]>('profiles', (s) =>
    s.index('personId').getAll(account.personId),
  );
  return { settings, account, ...(await readByKeys(ask, homeKeysOf({ account, profiles }))) };
}

/** The keys of what `rows` hold: the next visit's read asks for them all at once. */
export function homeKeysOf(rows: Pick<HomeRows, 'account' | 'profiles'>): HomeKeys {
  return {
    accountId: rows.account.id,
    orgId: rows.account.orgId,
    personId: rows.account.personId,
    profileIds: rows.profiles.map((p) => p.id),
  };
}
