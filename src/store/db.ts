/**
 * The one schema file: every `db.version(n).stores()` of the app's database,
 * with its upgrade functions beside it (Dexie's own habit).
 *
 * Version 1 shipped first, then 2 to 6; version 7 is what the app opens now. A database
 * left at version 1 on a device is upgraded in place by `upgradeToV2` the
 * first time the new code opens it (test/store/migration.test.ts).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { DB_NAME, DB_VERSION } from './db-name';
import { DERIVED_TABLES } from './derived-tables';
import { reportDayCodec } from './report-day-codec';
import { reportUpkeep } from './report-upkeep';
import type {
  Achievement,
  Association,
  CatalogRecord,
  LearningProfile,
  Organization,
  OutboxEntry,
  Person,
  ReconcileDue,
  ReportCount,
  ReportDay,
  Settings,
  SyncNews,
  UserDir,
  UserLeaf,
  WorkAccount,
} from './records';

export { DB_NAME };

/**
 * A Dexie database typed by its tables: `Rows` names each table's row type,
 * `Keys` the primary key of the tables not keyed by `id`. Shared with the
 * embedded Partner Center's database (src/sync/partner-center-db.ts).
 */
export type DexieOf<Rows, Keys extends { [T in keyof Rows]?: keyof Rows[T] } = object> = Dexie & {
  [T in keyof Rows]: EntityTable<
    Rows[T],
    Extract<T extends keyof Keys ? Keys[T] : 'id', keyof Rows[T]>
  >;
};

export type AppDb = DexieOf<
  {
    organizations: Organization;
    people: Person;
    accounts: WorkAccount;
    profiles: LearningProfile;
    achievements: Achievement;
    associations: Association;
    outbox: OutboxEntry;
    settings: Settings;
    catalog: CatalogRecord;
    syncNews: SyncNews;
    reconcileDue: ReconcileDue;
    reportDays: ReportDay;
    reportCounts: ReportCount;
    userLeaves: UserLeaf;
    userDirs: UserDir;
  },
  {
    settings: 'key';
    syncNews: 'key';
    reconcileDue: 'accountId';
    reportDays: 'key';
    reportCounts: 'key';
    userLeaves: 'key';
    userDirs: 'key';
  }
>;

/** Every table of the current schema, in the order export and import walk them. */
export const TABLE_NAMES = [
  'organizations',
  'people',
  'accounts',
  'profiles',
  'achievements',
  'associations',
  'outbox',
  'settings',
  'catalog',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Version 1 of the schema: the indexes each screen and the sync engine query by. */
export const SCHEMA_V1 = {
  organizations: 'id',
  people: 'id',
  accounts: 'id, orgId, personId, email',
  profiles: 'id, personId, kind, mcid',
  achievements: 'id, profileId, completedOn',
  associations: 'id, profileId, accountId, [profileId+accountId], pendingActionId',
  outbox: 'id, &seq, state, accountId, [profile.id+seq]',
  settings: 'key',
} as const;

/**
 * Version 2 (only the tables that change):
 * - `catalog`: the designation catalog the organization view edits (issue 7);
 * - `accounts.[orgId+email]`: the duplicate-email check of "add a user" is one
 *   index lookup instead of a scan of the organization.
 */
export const SCHEMA_V2 = {
  accounts: 'id, orgId, personId, email, [orgId+email]',
  catalog: 'id',
} as const;

/**
 * Version 3: `syncNews`, what the pulls of the remote's state changed and when
 * the last one read it (issue 16). Device state like the outbox's progress,
 * not data: export and import leave it out (not in TABLE_NAMES), reset clears it.
 */
export const SCHEMA_V3 = {
  syncNews: 'key',
} as const;

/**
 * Version 4: `reconcileDue`, the accounts a drain could not reconcile, so the
 * next drain does even if the worker that missed them was stopped (the chaos
 * run found them forgotten). Device state like the outbox's progress, not
 * data: export leaves it out (not in TABLE_NAMES); reset and import clear it.
 */
export const SCHEMA_V4 = {
  reconcileDue: 'accountId',
} as const;

/**
 * Version 5: what the organization's screens read, kept by the store in the
 * same transaction as each change (`report-upkeep.ts`), so that a screen
 * reads one page through an index instead of deriving the whole report
 * (issue 17). Derived data, not exported (not in TABLE_NAMES): import, demo
 * and the newest version's upgrade derive it from the sources.
 * - `reportRows`: one index per sort of the report, each ending with the
 *   rules' order so that ties keep it;
 * - `reportCounts`: per (credit day, removal day), the status counts of any day;
 * - `orgUsers`: `*lists`, one multi-entry key per list an account is in, in
 *   name order.
 * Derived with the rules' policy of this version: a change of the policy's
 * numbers ships with a new version whose upgrade derives them again.
 */
export const SCHEMA_V5 = {
  reportRows:
    'id, [orgId+countsFrom+order], [orgId+untilKey+order], [orgId+nameKey+order], [orgId+code+order], [orgId+completedOn+order]',
  reportCounts: 'key, orgId',
  orgUsers: 'id, orgId, *lists',
} as const;

/**
 * Version 6 (issue 17, the import within 1.2× of a raw write): the report's
 * rows are kept a credit day per record (`reportDays`) instead of a record
 * with five sort indexes per row, and each users list's count is kept
 * (`userCounts`). IndexedDB's cost is per record and per index entry: with
 * 100,000 achievements version 5 wrote 600,000 index entries beside the file's
 * rows. A page in credit-day order reads its days by key; another sort or a
 * search reads the organization's days (about a record per day) and sorts in
 * memory, kept while `[orgId+rev]` (a hash of each day) says they are the
 * same. `orgUsers` loses the `orgId` index nothing read.
 */
export const SCHEMA_V6 = {
  reportRows: null,
  reportDays: 'key, [orgId+rev]',
  userCounts: 'key',
  orgUsers: 'id, *lists',
} as const;

/**
 * Version 7 (issue 17, the import within 1.2× of a raw write, run after run):
 * the users list's rows are cut into leaves of about 32 (`userLeaves`), with
 * a directory per organization that counts each list in each leaf
 * (`userDirs`), instead of a record per account with an index entry per list
 * it is in (`orgUsers`, `userCounts`): the 10k import's users went from 10,000
 * records and ~40,000 index entries (~1 s) to ~310 records (~0.1 s). A
 * page reads the directory, then the one or two leaves that hold it
 * (`user-leaves.ts`).
 */
export const SCHEMA_V7 = {
  orgUsers: null,
  userCounts: null,
  userLeaves: 'key',
  userDirs: 'key',
} as const;

/** The upgrade to version 7 (from versions 3 to 6): derive the organization's rows from what the device holds. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const [accounts, associations, achievements, profiles] = await Promise.all([
    tx.table<WorkAccount, string>('accounts').toArray(),
    tx.table<Association, string>('associations').toArray(),
    tx.table<Achievement, string>('achievements').toArray(),
    tx.table<LearningProfile, string>('profiles').toArray(),
  ]);
  // The derivation is its own chunk (a first visit never upgrades data it does not have).
  const { derivedRows } = await Dexie.waitFor(import('./org-derived'));
  const derived = derivedRows({ accounts, associations, achievements, profiles });
  for (const name of DERIVED_TABLES) {
    const table = tx.table(name);
    await table.clear();
    await table.bulkAdd(derived[name]);
  }
}

/**
 * The v1 → v2 transform. Version 1 stored emails and domains as typed, so
 * `Ann@Contoso.example` and `ann@contoso.example` could both exist and the new
 * `[orgId+email]` lookup would miss one: emails and domains become lower case.
 * Outbox rows gain `dismissedAt: null` (v1 had no way to dismiss a refusal).
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Organization, string>('organizations')
    .toCollection()
    .modify((org) => {
      org.domains = [...new Set(org.domains.map((d) => d.trim().toLowerCase()))];
    });
  await tx
    .table<WorkAccount, string>('accounts')
    .toCollection()
    .modify((account) => {
      account.email = account.email.trim().toLowerCase();
    });
  await tx
    .table<OutboxEntry, string>('outbox')
    .toCollection()
    .modify((entry) => {
      entry.dismissedAt ??= null;
    });
}

/** The database as version 1 shipped it. Only migration tests and tools open this. */
export function openDbV1(name: string): AppDb {
  const db = new Dexie(name) as AppDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}

/**
 * The schema as each version with an upgrade leaves it: the versions' changes
 * merged. Dexie reads an installed database's schema from the database itself
 * and only needs the versions that have an upgrade to run (Dexie 3+): a
 * version 3 to 6 database opens at version 7 by version 7's diff and
 * upgrade, a version 1 database runs version 2's upgrade first. Declaring
 * every version cost a first visit ~17 ms of the main thread (each
 * `stores()` call parses every version declared before it); two take ~3 ms.
 */
const SCHEMA_AT_V2 = { ...SCHEMA_V1, ...SCHEMA_V2 };
/** The current schema (every table of version 7): the bench's raw baseline makes the same stores. */
export const SCHEMA_AT_V7 = {
  ...SCHEMA_AT_V2,
  ...SCHEMA_V3,
  ...SCHEMA_V4,
  ...SCHEMA_V5,
  ...SCHEMA_V6,
  ...SCHEMA_V7,
};

/** The app's database at the current version (`DB_VERSION`, 7), its derived rows kept by `reportUpkeep`. */
export function openDb(name: string = DB_NAME): AppDb {
  const db = new Dexie(name) as AppDb;
  db.version(2).stores(SCHEMA_AT_V2).upgrade(upgradeToV2);
  // The derived rows are made by the newest version's upgrade (from a v3 to v6 database alike).
  db.version(DB_VERSION).stores(SCHEMA_AT_V7).upgrade(upgradeToV7);
  db.use(reportDayCodec);
  db.use(reportUpkeep);
  return db;
}

/**
 * Another tab or the service worker opened a newer version (or deletes the
 * database): IndexedDB waits until every older connection closes. We close at
 * once, without Dexie's auto-reopen (which would bring the old schema back),
 * and tell the caller so the UI can ask for a reload. Later calls on this `db`
 * fail with `DatabaseClosedError` instead of acting on a stale schema.
 */
export function onVersionChange(
  db: AppDb,
  callback: (info: { newVersion: number | null }) => void,
): () => void {
  // Dexie fires the newest subscriber first; `false` stops the chain before
  // Dexie's default handler, which would re-enable auto-open.
  const handler = (event: IDBVersionChangeEvent): false => {
    db.close({ disableAutoOpen: true });
    // IndexedDB versions are Dexie's times ten.
    callback({ newVersion: event.newVersion === null ? null : event.newVersion / 10 });
    return false;
  };
  db.on('versionchange', handler);
  return () => {
    db.on('versionchange').unsubscribe(handler);
  };
}
