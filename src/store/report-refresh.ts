/**
 * The work of `report-upkeep.ts`, loaded on the first write of a source (a
 * first visit that writes none never downloads it): derive the touched
 * profiles' and accounts' rows again, or all of them, inside the writing
 * transaction, at the DBCore level below Dexie's table API.
 */
import {
  Dexie,
  type DBCore,
  type DBCoreIndex,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreRangeType,
  type DBCoreTable,
  type DBCoreTransaction,
} from 'dexie';
import { DEFAULT_POLICY } from '../rules';
import {
  changedDays,
  countDeltas,
  derivedRows,
  reportRecords,
  userOrderOf,
  userRecords,
} from './org-derived';
import type {
  Achievement,
  Association,
  LearningProfile,
  OrgUserRecord,
  ReportCount,
  ReportDay,
  ReportRecord,
  UserDir,
  UserLeaf,
  WorkAccount,
} from './records';
import { DERIVED_TABLES, dayKey, type Touched } from './derived-tables';
import { changeLeaves, leafKeysOf } from './user-leaves';

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

// Dexie's DBCoreRangeType is a const enum its types declare but its code does
// not export: under isolatedModules its members are written as their values.
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment */
const EQUAL = 1 as DBCoreRangeType.Equal;
const RANGE = 2 as DBCoreRangeType.Range;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

/** Reads and writes of the derived rows inside one transaction, at the DBCore level. */
export class Tables {
  constructor(
    private readonly core: DBCore,
    private readonly trans: DBCoreTransaction,
    /** The transaction's zone, taken when the write came in. */
    private readonly psd: object = zones.PSD,
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

  /** The rows of `name` whose primary key is between `lower` and `upper`. */
  private async between<T>(name: string, lower: unknown, upper: unknown): Promise<T[]> {
    const table = this.table(name);
    const range: DBCoreKeyRange = { type: RANGE, lower, upper, lowerOpen: false, upperOpen: false };
    const res = await table.query({
      trans: this.trans,
      values: true,
      query: { index: table.schema.primaryKey, range },
    });
    return res.result as T[];
  }

  all<T>(name: string): Promise<T[]> {
    return this.between(name, this.core.MIN_KEY, this.core.MAX_KEY);
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
      lower: this.core.MIN_KEY as unknown,
      upper: this.core.MAX_KEY as unknown,
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

/** The profiles whose report rows a write touching `touched` may change, read now. */
async function profilesOf(t: Tables, touched: Touched): Promise<Set<string>> {
  const profileIds = new Set(touched.profiles);
  for (const l of await t.equalMany<Association>('associations', 'accountId', touched.accounts)) {
    profileIds.add(l.profileId);
  }
  return profileIds;
}

/** The sources of the profiles' report rows as they are now, and those rows. */
async function reportOf(t: Tables, profileIds: ReadonlySet<string>) {
  const [links, achievements] = await Promise.all([
    t.equalMany<Association>('associations', 'profileId', profileIds),
    t.equalMany<Achievement>('achievements', 'profileId', profileIds),
  ]);
  const accounts = await t.get<WorkAccount>('accounts', [
    ...new Set(links.map((l) => l.accountId)),
  ]);
  const rows = reportRecords({ accounts, associations: links, achievements }, DEFAULT_POLICY);
  return { links, achievements, accounts, rows };
}

const same = (a: readonly ReportRecord[], b: readonly ReportRecord[]) =>
  a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** What the derived rows were made of before a write: its touched profiles' report rows, and the accounts it wrote. */
export interface Before {
  profileIds: ReadonlySet<string>;
  /** The touched profiles' report rows (what the days hold of them, as the kept rows equal the derivation). */
  rows: readonly ReportRecord[];
  /** The accounts the write changed, as they were (null: none); the others are as they are now. */
  accounts: ReadonlyMap<string, WorkAccount | null>;
}

/**
 * Derives the touched profiles' report rows and the touched accounts' users
 * rows again, after the write.
 */
export async function refresh(t: Tables, touched: Touched, before: Before): Promise<void> {
  const profileIds = new Set([...before.profileIds, ...(await profilesOf(t, touched))]);
  const { links, achievements, accounts: linked, rows } = await reportOf(t, profileIds);

  // The report's days and counts, by the difference.
  if (!same(before.rows, rows)) {
    const keys = new Set([...before.rows, ...rows].map((r) => dayKey(r.orgId, r.countsFrom)));
    const held = await t.get<ReportDay>('reportDays', [...keys]);
    const days = changedDays(new Map(held.map((d) => [d.key, d])), before.rows, rows);
    await t.put('reportDays', days.put);
    await t.delete('reportDays', days.gone);
    await moveCounts<ReportCount>(t, 'reportCounts', countDeltas(rows, before.rows));
  }

  // The users list's rows.
  const accountIds = new Set([...touched.accounts, ...links.map((l) => l.accountId)]);
  // The links' accounts were read with the report's rows: only the others now.
  const read = new Set(linked.map((a) => a.id));
  const [others, accountLinks] = await Promise.all([
    t.get<WorkAccount>(
      'accounts',
      [...accountIds].filter((id) => !read.has(id)),
    ),
    t.equalMany<Association>('associations', 'accountId', accountIds),
  ]);
  const accounts = [...linked, ...others];
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
  const now = new Map(accounts.map((a) => [a.id, a]));
  const was = [...accountIds].flatMap((id) => {
    const account = before.accounts.has(id) ? before.accounts.get(id) : now.get(id);
    return account ? [account] : [];
  });
  await moveUsers(t, was, users);
}

/**
 * Replaces the users rows of the accounts `was` (where they were: their
 * organization and order before the write) with `users`, leaf by leaf.
 */
async function moveUsers(
  t: Tables,
  was: readonly WorkAccount[],
  users: readonly OrgUserRecord[],
): Promise<void> {
  const changes = new Map<string, { removed: Set<string>; added: OrgUserRecord[] }>();
  const of = (orgId: string) => {
    let change = changes.get(orgId);
    if (!change) changes.set(orgId, (change = { removed: new Set(), added: [] }));
    return change;
  };
  for (const account of was) of(account.orgId).removed.add(userOrderOf(account));
  for (const user of users) of(user.orgId).added.push(user);
  if (changes.size === 0) return;
  const dirs = new Map(
    (await t.get<UserDir>('userDirs', [...changes.keys()])).map((d) => [d.key, d]),
  );
  const plans = [...changes].map(([orgId, { removed, added }]) => {
    const dir = dirs.get(orgId) ?? { key: orgId, leaves: [] };
    const keys = leafKeysOf(dir, [...removed, ...added.map((u) => u.order)]);
    return { dir, removed, added, keys };
  });
  const held = new Map(
    (
      await t.get<UserLeaf>(
        'userLeaves',
        plans.flatMap((p) => p.keys),
      )
    ).map((l) => [l.key, l]),
  );
  const put: UserLeaf[] = [];
  const gone: string[] = [];
  const putDirs: UserDir[] = [];
  const goneDirs: string[] = [];
  for (const plan of plans) {
    const change = changeLeaves(plan.dir, held, plan.removed, plan.added);
    put.push(...change.put);
    gone.push(...change.gone);
    const stored = dirs.get(plan.dir.key);
    if (change.dir === null) {
      if (stored) goneDirs.push(stored.key);
    } else if (JSON.stringify(change.dir) !== JSON.stringify(stored)) putDirs.push(change.dir);
  }
  await t.delete('userLeaves', gone);
  await t.put('userLeaves', put);
  await t.delete('userDirs', goneDirs);
  await t.put('userDirs', putDirs);
}

/** Adds each delta to its stored count; a count that reaches zero goes. */
async function moveCounts<C extends { key: string; n: number }>(
  t: Tables,
  table: 'reportCounts',
  deltas: ReadonlyMap<string, C>,
): Promise<void> {
  if (deltas.size === 0) return;
  const current = new Map((await t.get<C>(table, [...deltas.keys()])).map((c) => [c.key, c.n]));
  const counts = [...deltas.values()].map((d) => ({ ...d, n: (current.get(d.key) ?? 0) + d.n }));
  await t.put(
    table,
    counts.filter((c) => c.n > 0),
  );
  await t.delete(
    table,
    counts.filter((c) => c.n <= 0).map((c) => c.key),
  );
}

/** Derives every row again from the sources (after a source table was cleared). */
export async function rebuild(t: Tables): Promise<void> {
  const [accounts, associations, achievements, profiles] = await Promise.all([
    t.all<WorkAccount>('accounts'),
    t.all<Association>('associations'),
    t.all<Achievement>('achievements'),
    t.all<LearningProfile>('profiles'),
  ]);
  const derived = derivedRows({ accounts, associations, achievements, profiles }, DEFAULT_POLICY);
  await Promise.all(DERIVED_TABLES.map((name) => t.clear(name)));
  await Promise.all(DERIVED_TABLES.map((name) => t.put(name, derived[name])));
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

function keysOf(
  table: DBCoreTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
): unknown[] {
  if (req.type === 'delete') return req.keys as unknown[];
  const extract = table.schema.primaryKey.extractKey;
  const keys = req.keys as unknown[] | undefined;
  return keys ?? (extract ? req.values.map((v) => extract(v) as unknown) : []);
}

/**
 * One write of a source and what follows it, in the writing transaction: the
 * report rows of the profiles it touches are derived before and after it, and
 * the days move by the difference; the touched accounts' users rows are
 * derived again; a clear derives everything again.
 */
export async function writeAndFollow(
  down: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  psd: object,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const t = new Tables(down, trans, psd);
  if (req.type === 'deleteRange') {
    const res = await t.run(() => table.mutate(req));
    await rebuild(t);
    return res;
  }
  const touched: Touched = { profiles: new Set(), accounts: new Set() };
  // The rows as they were: a change may move a row away from what it touched.
  // An account's are read even for an add: its users row is found by its old name.
  const accounts = new Map<string, WorkAccount | null>();
  if (req.type !== 'add' || table.name === 'accounts') {
    const keys = keysOf(table, req);
    const old = await t.run(() => table.getMany({ trans, keys }));
    collect(table.name, old, touched);
    if (table.name === 'accounts') {
      keys.forEach((key, i) =>
        accounts.set(String(key), (old[i] as WorkAccount | undefined) ?? null),
      );
    }
  }
  if (req.type !== 'delete') collect(table.name, req.values, touched);
  // The touched profiles' report rows before the write: the rows the days hold of them.
  const profileIds = await profilesOf(t, touched);
  const { rows } = await reportOf(t, profileIds);
  const res = await t.run(() => table.mutate(req));
  await refresh(t, touched, { profileIds, rows, accounts });
  return res;
}
