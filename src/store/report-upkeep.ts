/**
 * Keeps the organization's derived rows (`reportRows`, `reportCounts`,
 * `orgUsers`) equal to what `org-derived.ts` makes of the source tables, in
 * the same transaction as every change of a source — whichever code writes
 * it: an operation, the sync engine's settle, a test's raw `put`.
 *
 * A Dexie DBCore middleware, so no write path can forget it:
 * - every read-write transaction that includes a source table is widened to
 *   the sources and the derived tables (the refresh reads and writes them);
 * - after each write of a source, the profiles and accounts it touched are
 *   derived again: their old rows go, the new ones come, the counts move by
 *   the difference.
 * Import, demo and reset write everything at once: they derive all the rows
 * in one pass themselves (`callerWritesDerived`), so the writes of their
 * sources are not followed one by one. A schema upgrade's transaction is
 * left alone too; version 5's upgrade derives everything.
 */
import {
  Dexie,
  type DBCore,
  type DBCoreIndex,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Transaction,
} from 'dexie';
import { DEFAULT_POLICY } from '../rules';
import {
  countDeltas,
  deriveAll,
  profileKeyPrefix,
  reportRecords,
  userRecords,
} from './org-derived';
import type {
  Achievement,
  Association,
  LearningProfile,
  OrgUserRecord,
  ReportCount,
  ReportRecord,
  WorkAccount,
} from './records';

export const SOURCE_TABLES = ['accounts', 'associations', 'achievements', 'profiles'] as const;
export const DERIVED_TABLES = ['reportRows', 'reportCounts', 'orgUsers'] as const;
const SOURCES = new Set<string>(SOURCE_TABLES);

// Transactions whose caller writes the derived rows itself (import, demo, reset).
const callerWrites = new WeakSet<object>();

/** The caller derives and writes every derived row in this transaction (`writeAllDerived`). */
export function callerWritesDerived(tx: Transaction): void {
  callerWrites.add(tx.idbtrans);
}

/**
 * Dexie's zone (its current transaction, what `liveQuery` observes) is kept
 * by Dexie's own promises; a middleware that awaits native ones must enter
 * it again for each call below it.
 */
interface DexieZones {
  PSD: object;
  usePSD<T>(psd: object, fn: () => T): T;
}
const zones = Dexie.Promise as unknown as DexieZones;

const EQUAL: DBCoreKeyRange['type'] = 1;
const RANGE: DBCoreKeyRange['type'] = 2;

function isUpgrade(trans: DBCoreTransaction): boolean {
  return 'mode' in trans && trans.mode === 'versionchange';
}

/** Reads and writes of the derived rows inside one transaction, at the DBCore level. */
class Tables {
  private readonly psd = zones.PSD;

  constructor(
    private readonly core: DBCore,
    private readonly trans: DBCoreTransaction,
  ) {}

  /** `fn` in the transaction's zone. */
  run<T>(fn: () => T): T {
    return zones.usePSD(this.psd, fn);
  }

  private table(name: string): DBCoreTable {
    const table = this.core.table(name);
    return {
      ...table,
      mutate: (req) => this.run(() => table.mutate(req)),
      getMany: (req) => this.run(() => table.getMany(req)),
      query: (req) => this.run(() => table.query(req)),
    };
  }

  private index(table: DBCoreTable, keyPath: string): DBCoreIndex {
    const index = table.schema.getIndexByKeyPath(keyPath);
    if (!index) throw new Error(`${table.name} has no index ${keyPath}`);
    return index;
  }

  async equal<T>(name: string, keyPath: string, key: string): Promise<T[]> {
    const table = this.table(name);
    const range: DBCoreKeyRange = { type: EQUAL, lower: key, upper: key };
    const res = await table.query({
      trans: this.trans,
      values: true,
      query: { index: this.index(table, keyPath), range },
    });
    return res.result as T[];
  }

  async equalMany<T>(name: string, keyPath: string, keys: Iterable<string>): Promise<T[]> {
    const parts = await Promise.all([...keys].map((k) => this.equal<T>(name, keyPath, k)));
    return parts.flat();
  }

  async prefixed<T>(name: string, prefix: string): Promise<T[]> {
    const table = this.table(name);
    const range: DBCoreKeyRange = {
      type: RANGE,
      lower: prefix,
      upper: `${prefix}\uffff`,
      lowerOpen: false,
      upperOpen: false,
    };
    const res = await table.query({
      trans: this.trans,
      values: true,
      query: { index: table.schema.primaryKey, range },
    });
    return res.result as T[];
  }

  async all<T>(name: string): Promise<T[]> {
    const table = this.table(name);
    const range: DBCoreKeyRange = {
      type: RANGE,
      lower: this.core.MIN_KEY,
      upper: this.core.MAX_KEY,
      lowerOpen: false,
      upperOpen: false,
    };
    const res = await table.query({
      trans: this.trans,
      values: true,
      query: { index: table.schema.primaryKey, range },
    });
    return res.result as T[];
  }

  async get<T>(name: string, keys: readonly string[]): Promise<T[]> {
    if (keys.length === 0) return [];
    const rows = (await this.table(name).getMany({ trans: this.trans, keys: [...keys] })) as (
      T | undefined
    )[];
    return rows.filter((r): r is T => r !== undefined);
  }

  async put(name: string, values: readonly object[]): Promise<void> {
    if (values.length === 0) return;
    await this.checked(this.table(name).mutate({ type: 'put', trans: this.trans, values }));
  }

  async delete(name: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.checked(
      this.table(name).mutate({ type: 'delete', trans: this.trans, keys: [...keys] }),
    );
  }

  async clear(name: string): Promise<void> {
    const range: DBCoreKeyRange = {
      type: RANGE,
      lower: this.core.MIN_KEY,
      upper: this.core.MAX_KEY,
      lowerOpen: false,
      upperOpen: false,
    };
    await this.checked(this.table(name).mutate({ type: 'deleteRange', trans: this.trans, range }));
  }

  private async checked(res: ReturnType<DBCoreTable['mutate']>): Promise<void> {
    const { numFailures, failures } = await res;
    if (numFailures > 0) throw Object.values(failures)[0] ?? new Error('derived write failed');
  }
}

/** What a write of a source touched: the profiles and accounts to derive again. */
interface Touched {
  profiles: Set<string>;
  accounts: Set<string>;
}

function collect(table: string, rows: readonly unknown[], touched: Touched): void {
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    if (table === 'accounts') touched.accounts.add((row as WorkAccount).id);
    else if (table === 'profiles') touched.profiles.add((row as LearningProfile).id);
    else if (table === 'achievements') touched.profiles.add((row as Achievement).profileId);
    else if (table === 'associations') {
      touched.profiles.add((row as Association).profileId);
      touched.accounts.add((row as Association).accountId);
    }
  }
}

/** Derives the touched profiles' report rows and the touched accounts' users rows again. */
async function refresh(t: Tables, touched: Touched): Promise<void> {
  const profileIds = new Set(touched.profiles);
  for (const l of await t.equalMany<Association>('associations', 'accountId', touched.accounts)) {
    profileIds.add(l.profileId);
  }
  const [links, achievements, oldRows] = await Promise.all([
    t.equalMany<Association>('associations', 'profileId', profileIds),
    t.equalMany<Achievement>('achievements', 'profileId', profileIds),
    Promise.all(
      [...profileIds].map((p) => t.prefixed<ReportRecord>('reportRows', profileKeyPrefix(p))),
    ),
  ]);
  const accountIds = new Set([...touched.accounts, ...links.map((l) => l.accountId)]);
  const accounts = await t.get<WorkAccount>('accounts', [...accountIds]);

  // The report's rows and counts.
  const old = oldRows.flat();
  const rows = reportRecords({ accounts, associations: links, achievements }, DEFAULT_POLICY);
  await t.delete(
    'reportRows',
    old.map((r) => r.id),
  );
  await t.put('reportRows', rows);
  const deltas = countDeltas(rows, old);
  const current = new Map(
    (await t.get<ReportCount>('reportCounts', [...deltas.keys()])).map((c) => [c.key, c.n]),
  );
  const counts = [...deltas.values()].map((d) => ({ ...d, n: (current.get(d.key) ?? 0) + d.n }));
  await t.put(
    'reportCounts',
    counts.filter((c) => c.n > 0),
  );
  await t.delete(
    'reportCounts',
    counts.filter((c) => c.n <= 0).map((c) => c.key),
  );

  // The users list's rows.
  const accountLinks = await t.equalMany<Association>('associations', 'accountId', accountIds);
  const linkedProfiles = [...new Set(accountLinks.map((l) => l.profileId))];
  const endedProfiles = new Set(
    accountLinks.filter((l) => l.endedOn !== null).map((l) => l.profileId),
  );
  const [profiles, endedAchievements] = await Promise.all([
    t.get<LearningProfile>('profiles', linkedProfiles),
    t.equalMany<Achievement>(
      'achievements',
      'profileId',
      [...endedProfiles].filter((p) => !profileIds.has(p)),
    ),
  ]);
  const users = userRecords(
    accounts,
    {
      associations: accountLinks,
      achievements: [...achievements, ...endedAchievements],
      profiles,
    },
    DEFAULT_POLICY,
  );
  await t.put('orgUsers', users);
  const gone = [...accountIds].filter((id) => !accounts.some((a) => a.id === id));
  await t.delete('orgUsers', gone);
}

/** Derives every row again from the sources (after a source table was cleared). */
async function rebuild(t: Tables): Promise<void> {
  const [accounts, associations, achievements, profiles] = await Promise.all([
    t.all<WorkAccount>('accounts'),
    t.all<Association>('associations'),
    t.all<Achievement>('achievements'),
    t.all<LearningProfile>('profiles'),
  ]);
  const derived = deriveAll({ accounts, associations, achievements, profiles }, DEFAULT_POLICY);
  await Promise.all(DERIVED_TABLES.map((name) => t.clear(name)));
  await t.put('reportRows', derived.reports);
  await t.put('reportCounts', derived.counts);
  await t.put('orgUsers', derived.users);
}

function keysOf(table: DBCoreTable, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>) {
  if (req.type === 'delete') return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  return req.keys ?? (extract ? req.values.map(extract) : []);
}

export const reportUpkeep: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ReportUpkeep',
  create(down: DBCore): Partial<DBCore> {
    const derivedHere = DERIVED_TABLES.every((name) =>
      down.schema.tables.some((t) => t.name === name),
    );
    if (!derivedHere) return {};
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => SOURCES.has(s));
        const all = widen ? [...new Set([...stores, ...SOURCE_TABLES, ...DERIVED_TABLES])] : stores;
        return down.transaction(all, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SOURCES.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const { trans } = req;
            if (isUpgrade(trans) || callerWrites.has(trans)) return table.mutate(req);
            const t = new Tables(down, trans);
            if (req.type === 'deleteRange') {
              const res = await table.mutate(req);
              await rebuild(t);
              return res;
            }
            const touched: Touched = { profiles: new Set(), accounts: new Set() };
            // The rows as they were: a change may move a row away from what it touched.
            if (req.type !== 'add') {
              const keys = keysOf(table, req);
              collect(name, await t.run(() => table.getMany({ trans, keys })), touched);
            }
            const res = await t.run(() => table.mutate(req));
            if (req.type !== 'delete') collect(name, req.values, touched);
            await refresh(t, touched);
            return res;
          },
        };
      },
    };
  },
};

/**
 * Writes every derived row of `sources` (import and demo, which hold all of
 * their data in memory): the caller cleared the derived tables and marked the
 * transaction with `callerWritesDerived`.
 */
export function derivedRows(sources: Parameters<typeof deriveAll>[0]): {
  reportRows: ReportRecord[];
  reportCounts: ReportCount[];
  orgUsers: OrgUserRecord[];
} {
  const { reports, counts, users } = deriveAll(sources, DEFAULT_POLICY);
  return { reportRows: reports, reportCounts: counts, orgUsers: users };
}
