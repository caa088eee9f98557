/**
 * Reads for the organization's screens (admins): one page of its users, one
 * page of its skills report, the report's counts, and the whole report in
 * chunks (CSV export, designations). They read the rows the store keeps
 * (`report-upkeep.ts`): a users page through the organization's directory
 * of its users' leaves (`user-leaves.ts`), which says which leaves hold it;
 * a report page in credit-day order through the counts, which say which days
 * (`reportDays`) hold it; so a page costs a leaf or two, or a day or two, of
 * rows whatever the size of the organization. Another sort or a search reads the
 * organization's days, about one record per day, and sorts in memory (the
 * last whole read kept while the days' revisions say it is current). The
 * status of a report row is decided here, on `today`, by the rules. Usable
 * inside `liveQuery`, like every query of the store; each read is one
 * read-only transaction, so its counts and rows agree.
 */
import type { CreditStatus } from '../rules';
import { reportRowOn } from '../rules/report';
import { clampPage, matches, pageOf, queryKey } from '../rules/org/paging';
import {
  queryReport,
  selectedPerDay,
  statusCountsOn,
  statusMatches,
  type ReportQuery,
  type ReportViewRow,
} from '../rules/org/report-rows';
import type { UsersQuery } from '../rules/org/users';
import type { AppDb } from './db';
import { dayKey } from './derived-tables';
import type { OrgUserRecord, ReportCount, ReportDay, ReportRecord, UserLeaf } from './records';
import { countOf, leafKey, leavesOfPage } from './user-leaves';

export type { OrgUserRecord };
/** A report row with whose it is, as the report screen shows it. */
export type OrgReportRow = ReportViewRow;

export interface UsersPage {
  /** The page's accounts, in name order (`nameOrderKey`). */
  users: OrgUserRecord[];
  /** 0-based, clamped into range. */
  page: number;
  /** How many the query selects. */
  total: number;
  /** How many accounts the organization has (deleted ones included). */
  everyone: number;
}

/** The rows of `leaves` (in order, some missing) in `list`, in order. */
function rowsIn(
  leaves: readonly (UserLeaf | undefined)[],
  list: UsersQuery['state'],
): OrgUserRecord[] {
  const rows: OrgUserRecord[] = [];
  for (const leaf of leaves)
    for (const row of leaf?.rows ?? []) if (row.lists.includes(list)) rows.push(row);
  return rows;
}

/**
 * One page of the organization's users: with no text, the directory says
 * which leaves hold it and every list's total, and those leaves are read
 * (`user-leaves.ts`); with text, every leaf is read and its rows matched by
 * name or email.
 */
export async function orgUsersPage(
  db: AppDb,
  orgId: string,
  query: UsersQuery,
  page: number,
  size: number,
): Promise<UsersPage> {
  return db.transaction('r', [db.userDirs, db.userLeaves], async () => {
    const dir = await db.userDirs.get(orgId);
    const everyone = countOf(dir, 'all');
    const text = queryKey(query.text);
    if (!dir) return { users: [], page: 0, total: 0, everyone };
    if (text === '') {
      const total = countOf(dir, query.state);
      const at = clampPage(page, size, total);
      const { keys, skip } = leavesOfPage(dir, query.state, at * size, size);
      const rows = rowsIn(await db.userLeaves.bulkGet(keys), query.state);
      return { users: rows.slice(skip, skip + size), page: at, total, everyone };
    }
    const leaves = await db.userLeaves.bulkGet(dir.leaves.map((l) => leafKey(orgId, l.first)));
    const selected = rowsIn(leaves, query.state).filter((u) => matches(u.search, text));
    const shown = pageOf(selected, page, size);
    return { users: shown.items, page: shown.page, total: shown.total, everyone };
  });
}

/** The organization's (credit day, removal day) counts. */
function countsOf(db: AppDb, orgId: string): Promise<ReportCount[]> {
  return db.reportCounts.where('orgId').equals(orgId).toArray();
}

/** The four status counts of the organization's report on `today`. */
export async function orgReportCounts(
  db: AppDb,
  orgId: string,
  today: string,
): Promise<Record<CreditStatus, number>> {
  return statusCountsOn(await countsOf(db, orgId), today);
}

/** A stored row as the screen shows it: the rules' row on `today` with whose it is. */
function viewRow(record: ReportRecord, today: string): ReportViewRow {
  return { ...reportRowOn(record, today), displayName: record.displayName, email: record.email };
}

/** The rows of `days` (in the order given) the status list selects, in the query's direction. */
function rowsOfDays(
  days: readonly (ReportDay | undefined)[],
  today: string,
  query: ReportQuery,
): ReportViewRow[] {
  const out: ReportViewRow[] = [];
  for (const day of days) {
    if (!day) continue;
    const rows = query.dir === 'asc' ? day.rows : [...day.rows].reverse();
    for (const record of rows) {
      const row = viewRow(record, today);
      if (statusMatches(row.status, query.status)) out.push(row);
    }
  }
  return out;
}

/**
 * The organization's rows as last read whole, kept while its days' revisions
 * (the `[orgId+rev]` index: a hash of each day) are the same: turning the
 * pages of a name-sorted report of 100,000 rows, or typing a search, reads
 * the index's keys, not the rows again. One organization, one day, one
 * query's selection at a time.
 */
interface WholeReport {
  orgId: string;
  revs: string;
  days: ReportDay[];
  today: string | null;
  rows: ReportViewRow[];
  selection: { key: string; rows: ReportViewRow[] } | null;
}
let whole: WholeReport | null = null;

/**
 * Every key `[orgId, rev]` of one organization: `[orgId]` is below them all,
 * `[orgId, []]` above (an array sorts after any string).
 */
function orgRange(orgId: string): [unknown[], unknown[]] {
  return [[orgId], [orgId, []]];
}

/** Every row of the organization as the screen shows them on `today`, in credit-day order. */
async function allRows(db: AppDb, orgId: string, today: string): Promise<WholeReport> {
  return db.transaction('r', db.reportDays, async () => {
    const keys = await db.reportDays
      .where('[orgId+rev]')
      .between(...orgRange(orgId))
      .keys();
    const revs = keys.map((k) => (Array.isArray(k) ? String(k[1]) : '')).join(' ');
    if (whole?.orgId !== orgId || whole.revs !== revs) {
      const days = await db.reportDays
        .where('key')
        .between(dayKey(orgId, ''), dayKey(orgId, '\uffff'))
        .toArray();
      whole = { orgId, revs, days, today: null, rows: [], selection: null };
    }
    if (whole.today !== today) {
      whole.rows = rowsOfDays(whole.days, today, ALL_IN_DAY_ORDER);
      whole.today = today;
      whole.selection = null;
    }
    return whole;
  });
}

const ALL_IN_DAY_ORDER: ReportQuery = { text: '', status: 'all', sort: 'countsFrom', dir: 'asc' };

/** What `query` selects of the whole report, in its order (the last selection kept). */
async function selectAll(
  db: AppDb,
  orgId: string,
  today: string,
  query: ReportQuery,
): Promise<ReportViewRow[]> {
  const report = await allRows(db, orgId, today);
  const key = JSON.stringify([query.text, query.status, query.sort, query.dir]);
  if (report.selection?.key !== key) {
    report.selection = { key, rows: queryReport(report.rows, query) };
  }
  return report.selection.rows;
}

/**
 * Whether the page is read by days in credit-day order. A search, or another
 * sort, reads the organization's rows and sorts them instead — still
 * without deriving anything.
 */
function walksDays(query: ReportQuery): boolean {
  return queryKey(query.text) === '' && query.sort === 'countsFrom';
}

/** The credit days the query selects rows of, in its order, with how many each. */
function daysInOrder(pairs: readonly ReportCount[], today: string, query: ReportQuery) {
  const days = selectedPerDay(pairs, today, query.status);
  return query.dir === 'asc' ? days : days.reverse();
}

export interface ReportPage {
  rows: ReportViewRow[];
  /** 0-based, clamped into range. */
  page: number;
  /** How many rows the query selects. */
  total: number;
  /** The organization's rows per status on `today`, whatever the query. */
  counts: Record<CreditStatus, number>;
}

/**
 * One page of the organization's skills report on `today`, equal to that page
 * of `queryReport` over the whole report (test/store/org-derived.property.test.ts).
 */
export async function orgReportPage(
  db: AppDb,
  orgId: string,
  today: string,
  query: ReportQuery,
  page: number,
  size: number,
): Promise<ReportPage> {
  return db.transaction('r', [db.reportCounts, db.reportDays], async () => {
    if (!walksDays(query)) {
      const [counts, selected] = await Promise.all([
        orgReportCounts(db, orgId, today),
        selectAll(db, orgId, today, query),
      ]);
      const shown = pageOf(selected, page, size);
      return { rows: shown.items, page: shown.page, total: shown.total, counts };
    }
    const pairs = await countsOf(db, orgId);
    const days = daysInOrder(pairs, today, query);
    const total = days.reduce((n, d) => n + d.n, 0);
    const at = clampPage(Math.max(0, Math.floor(page)), size, total);
    // The days that hold the page's rows: from the one its first row is in.
    const start = at * size;
    const keys: string[] = [];
    let before = 0;
    let skip = 0;
    for (const day of days) {
      if (before >= start + size) break;
      if (before + day.n > start) {
        if (keys.length === 0) skip = start - before;
        keys.push(dayKey(orgId, day.countsFrom));
      }
      before += day.n;
    }
    const rows = rowsOfDays(await db.reportDays.bulkGet(keys), today, query);
    return {
      rows: rows.slice(skip, skip + size),
      page: at,
      total,
      counts: statusCountsOn(pairs, today),
    };
  });
}

export interface ChunkOptions {
  /** Rows per chunk. */
  size?: number;
  /** Stops reading before the next chunk. */
  signal?: AbortSignal;
}

/**
 * Every row the query selects, in its order, a chunk at a time: the CSV
 * export of a whole organization and the designations' points read these.
 * In credit-day order each chunk is its own short read of the next days
 * (the days are listed once, from the counts), so the page stays responsive
 * between chunks and a change in between does not restart the export.
 */
export async function* orgReportChunks(
  db: AppDb,
  orgId: string,
  today: string,
  query: ReportQuery,
  options: ChunkOptions = {},
): AsyncGenerator<ReportViewRow[], void, undefined> {
  const size = Math.max(1, options.size ?? 2000);
  if (!walksDays(query)) {
    const selected = await selectAll(db, orgId, today, query);
    for (let i = 0; i < selected.length; i += size) {
      options.signal?.throwIfAborted();
      yield selected.slice(i, i + size);
    }
    return;
  }
  const days = daysInOrder(await countsOf(db, orgId), today, query);
  // Rows read but not yet given: a chunk is `size` rows, whatever the days hold.
  let held: ReportViewRow[] = [];
  let next = 0;
  while (next < days.length) {
    options.signal?.throwIfAborted();
    // Whole days, enough for a chunk (at least one day).
    const keys: string[] = [];
    let n = held.length;
    for (; next < days.length && (keys.length === 0 || n < size); next++) {
      const day = days[next];
      if (!day) break;
      keys.push(dayKey(orgId, day.countsFrom));
      n += day.n;
    }
    held = held.concat(rowsOfDays(await db.reportDays.bulkGet(keys), today, query));
    while (held.length >= size) {
      yield held.slice(0, size);
      held = held.slice(size);
      if (held.length >= size) options.signal?.throwIfAborted();
    }
  }
  if (held.length > 0) yield held;
}
