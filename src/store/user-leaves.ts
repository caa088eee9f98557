/**
 * How the store lays out an organization's users list (schema v7): its rows,
 * in list order (`OrgUserRecord.order`), cut into leaves of about 32 rows, one
 * record each, and one directory record that lists the leaves with each
 * list's count in each.
 *
 * A row whose order hashes to a boundary starts a leaf (content-defined
 * cutting, as in rsync or prolly trees). The cut depends only on which rows
 * there are, not on the writes that brought them, so what the upkeep leaves is
 * record for record what a derivation of everything makes, and tests compare
 * them as they compare the report's days.
 *
 * Why leaves: IndexedDB's cost is per record and per index entry. Version 6
 * kept a record per account with an index entry per list it was in: 10,000
 * records and ~40,000 entries, about 1 s of a ~13 s import, against ~0.1 s
 * for ~310 leaves (measured in Chromium, one transaction each).
 */
import type { UserList } from '../rules/org/users';
import type { OrgUserRecord, UserDir, UserLeaf, UserLeafEntry } from './records';

/** A leaf's mean size in rows: ~24 KB, well under the 64 KB above which Chromium writes a value as a blob. */
const MEAN_LEAF_ROWS = 32;

/**
 * FNV-1a over the UTF-16 code units, then MurmurHash3's finalizer: FNV's
 * low bits alone depend only on the low bits of each character (400 orders
 * like `name 123` gave no boundary at all).
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Whether a row with this order starts a leaf (the first row of an organization always does). */
export function startsLeaf(order: string): boolean {
  return hash(order) % MEAN_LEAF_ROWS === 0;
}

/** `UserLeaf.key`: one organization's leaf by the order of its first row. */
export function leafKey(orgId: string, first: string): string {
  return `${orgId}\u0000${first}`;
}

/** Ascending by `order` (code units, as IndexedDB compares strings): the users' leaves and the report's days. */
export function byOrder(a: { order: string }, b: { order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}

function leafOf(orgId: string, rows: OrgUserRecord[]): UserLeaf {
  return { key: leafKey(orgId, rows[0]?.order ?? ''), orgId, rows };
}

/** A leaf as the directory lists it. */
function entryOf(leaf: UserLeaf): UserLeafEntry {
  const n: Partial<Record<UserList, number>> = {};
  for (const row of leaf.rows) for (const list of row.lists) n[list] = (n[list] ?? 0) + 1;
  return { first: leaf.rows[0]?.order ?? '', n };
}

/** Cuts one organization's rows, in order, into leaves. */
function cut(orgId: string, rows: readonly OrgUserRecord[]): UserLeaf[] {
  const leaves: UserLeaf[] = [];
  let current: OrgUserRecord[] = [];
  for (const row of rows) {
    if (current.length > 0 && startsLeaf(row.order)) {
      leaves.push(leafOf(orgId, current));
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) leaves.push(leafOf(orgId, current));
  return leaves;
}

/** The users list's records of every organization of `users` (all of each one's rows). */
export function userLayout(users: readonly OrgUserRecord[]): {
  userLeaves: UserLeaf[];
  userDirs: UserDir[];
} {
  const byOrg = new Map<string, OrgUserRecord[]>();
  for (const u of users) {
    const rows = byOrg.get(u.orgId);
    if (rows) rows.push(u);
    else byOrg.set(u.orgId, [u]);
  }
  const userLeaves: UserLeaf[] = [];
  const userDirs: UserDir[] = [];
  for (const [orgId, rows] of byOrg) {
    const leaves = cut(orgId, rows.sort(byOrder));
    userLeaves.push(...leaves);
    userDirs.push({ key: orgId, leaves: leaves.map(entryOf) });
  }
  return { userLeaves, userDirs };
}

/** The index of the leaf that holds (or would hold) `order`: the last whose first row is not after it, else the first. */
export function leafAt(dir: UserDir, order: string): number {
  let lo = 0;
  let hi = dir.leaves.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((dir.leaves[mid]?.first ?? '') <= order) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many rows of `list` the directory counts. */
export function countOf(dir: UserDir | undefined, list: UserList): number {
  let n = 0;
  for (const leaf of dir?.leaves ?? []) n += leaf.n[list] ?? 0;
  return n;
}

/**
 * The leaves that hold rows `at` to `at + size - 1` of `list`, and how many of
 * the list's rows come before the first of them.
 */
export function leavesOfPage(
  dir: UserDir,
  list: UserList,
  at: number,
  size: number,
): { keys: string[]; skip: number } {
  const keys: string[] = [];
  let before = 0;
  let skip = 0;
  for (const leaf of dir.leaves) {
    const n = leaf.n[list] ?? 0;
    if (n > 0 && before + n > at && before < at + size) {
      if (keys.length === 0) skip = at - before;
      keys.push(leafKey(dir.key, leaf.first));
    }
    before += n;
    if (before >= at + size) break;
  }
  return { keys, skip };
}

/** A stretch of an organization's leaves a change rewrites: indexes `from` to `to` of its directory. */
interface LeafRun {
  from: number;
  to: number;
}

/**
 * The runs of leaves a change at `orders` rewrites: each leaf that holds (or
 * would hold) one of them, with the leaf before it, into which it merges if
 * the row that starts it goes. A run so starts with the organization's first
 * leaf or with one the change leaves as it is.
 */
function runsOf(dir: UserDir, orders: Iterable<string>): LeafRun[] {
  if (dir.leaves.length === 0) return [{ from: 0, to: -1 }];
  const hit = new Set<number>();
  for (const order of orders) {
    const i = leafAt(dir, order);
    hit.add(i);
    if (i > 0) hit.add(i - 1);
  }
  const runs: LeafRun[] = [];
  for (const i of [...hit].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  }
  return runs;
}

/** The keys of the leaves a change at `orders` reads and rewrites. */
export function leafKeysOf(dir: UserDir, orders: Iterable<string>): string[] {
  const keys: string[] = [];
  for (const run of runsOf(dir, orders)) {
    for (let i = run.from; i <= run.to; i++)
      keys.push(leafKey(dir.key, dir.leaves[i]?.first ?? ''));
  }
  return keys;
}

/** What a change of an organization's users list writes. */
export interface LeafChange {
  /** The directory after it; null when the organization has no users left. */
  dir: UserDir | null;
  put: UserLeaf[];
  gone: string[];
}

/**
 * An organization's users list after the rows with `removed` orders go and
 * `added` come (an order in both is replaced): `dir` as stored (empty leaves
 * when there is none), `held` the leaves of `runsOf(dir, orders)` as stored,
 * by key. Only the leaves that differ are written.
 */
export function changeLeaves(
  dir: UserDir,
  held: ReadonlyMap<string, UserLeaf>,
  removed: ReadonlySet<string>,
  added: readonly OrgUserRecord[],
): LeafChange {
  const orgId = dir.key;
  const runs = runsOf(dir, [...removed, ...added.map((u) => u.order)]);
  const addedTo = new Map<LeafRun, OrgUserRecord[]>();
  for (const row of added) {
    const i = dir.leaves.length === 0 ? 0 : leafAt(dir, row.order);
    const run = runs.find((r) => r.from <= i && i <= Math.max(r.from, r.to)) ?? runs[0];
    if (!run) continue;
    const rows = addedTo.get(run);
    if (rows) rows.push(row);
    else addedTo.set(run, [row]);
  }
  const replaced = new Set([...removed, ...added.map((u) => u.order)]);
  const entries = [...dir.leaves];
  const put: UserLeaf[] = [];
  const gone: string[] = [];
  // From the last run back, so that the earlier runs' indexes still hold.
  for (const run of [...runs].reverse()) {
    const oldKeys: string[] = [];
    const rows: OrgUserRecord[] = [];
    for (let i = run.from; i <= run.to; i++) {
      const key = leafKey(orgId, dir.leaves[i]?.first ?? '');
      oldKeys.push(key);
      for (const row of held.get(key)?.rows ?? []) if (!replaced.has(row.order)) rows.push(row);
    }
    rows.push(...(addedTo.get(run) ?? []));
    const leaves = cut(orgId, rows.sort(byOrder));
    const newKeys = new Set(leaves.map((l) => l.key));
    for (const leaf of leaves) {
      const was = held.get(leaf.key);
      if (!was || JSON.stringify(was.rows) !== JSON.stringify(leaf.rows)) put.push(leaf);
    }
    for (const key of oldKeys) if (!newKeys.has(key)) gone.push(key);
    entries.splice(run.from, run.to - run.from + 1, ...leaves.map(entryOf));
  }
  return { dir: entries.length > 0 ? { key: orgId, leaves: entries } : null, put, gone };
}

/** An account's users-list order: its name's order key, then its id. */
export function userOrder(nameKey: string, accountId: string): string {
  return `${nameKey}\u0000${accountId}`;
}
