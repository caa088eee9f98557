/**
 * Reads for the organization's screens (admins): one page of its users, one
 * page of its skills report, the report's counts, and the whole report in
 * chunks (CSV export, designations). They read the rows the store keeps
 * (`report-upkeep.ts`), through an index in the order the screen shows, so
 * a page of 50 costs about 50 rows whatever the size of the organization.
 * The status of a report row is decided here, on `today`, by the rules.
 * Usable inside `liveQuery`, like every query of the store.
 */
import type { CreditStatus } from '../rules';
import { reportRowOn } from '../rules/report';
import { clampPage, matches, pageOf, queryKey } from '../rules/org/paging';
import {
  countSelected,
  queryReport,
  statusCountsOn,
  statusMatches,
  type ReportQuery,
  type ReportSortKey,
  type ReportViewRow,
} from '../rules/org/report-rows';
import type { UsersQuery } from '../rules/org/users';
import type { AppDb } from './db';
import type { OrgUserRecord, ReportRecord } from './records';

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

function listRange(orgId: string, list: UsersQuery['state']): [string, string] {
  const prefix = `${orgId}\u0000${list}\u0000`;
  return [prefix, `${prefix}\uffff`];
}

/**
 * One page of the organization's users: with no text, through the `lists`
 * index (its count is the total); with text, the organization's accounts
 * are read and matched by name or email.
 */
export async function orgUsersPage(
  db: AppDb,
  orgId: string,
  query: UsersQuery,
  page: number,
  size: number,
): Promise<UsersPage> {
  const everyoneRange = listRange(orgId, 'all');
  const counted = db.orgUsers
    .where('lists')
    .between(...everyoneRange)
    .count();
  const text = queryKey(query.text);
  if (text === '') {
    const list = () => db.orgUsers.where('lists').between(...listRange(orgId, query.state));
    const read = (at: number) =>
      list()
        .offset(at * size)
        .limit(size)
        .toArray();
    // The counts and the page asked for, read at once; a page past the end, again.
    const asked = Math.max(0, Math.floor(page));
    const [everyone, listed, users] = await Promise.all([
      counted,
      query.state === 'all' ? null : list().count(),
      read(asked),
    ]);
    const total = listed ?? everyone;
    const at = clampPage(asked, size, total);
    return { users: at === asked ? users : await read(at), page: at, total, everyone };
  }
  const everyone = await counted;
  const inList = listRange(orgId, query.state)[0];
  const selected = (
    await db.orgUsers
      .where('lists')
      .between(...everyoneRange)
      .toArray()
  ).filter((u) => matches(u.search, text) && u.lists.some((l) => l.startsWith(inList)));
  const shown = pageOf(selected, page, size);
  return { users: shown.items, page: shown.page, total: shown.total, everyone };
}

/** The four status counts of the organization's report on `today`. */
export async function orgReportCounts(
  db: AppDb,
  orgId: string,
  today: string,
): Promise<Record<CreditStatus, number>> {
  return statusCountsOn(await db.reportCounts.where('orgId').equals(orgId).toArray(), today);
}

/** A stored row as the screen shows it: the rules' row on `today` with whose it is. */
function viewRow(record: ReportRecord, today: string): ReportViewRow {
  return { ...reportRowOn(record, today), displayName: record.displayName, email: record.email };
}

type IndexedSort = Exclude<ReportSortKey, 'status'>;

/**
 * Every key `[orgId, value, order]` of one organization: `[orgId]` is below
 * them all, `[orgId, []]` above (an array sorts after any string).
 */
function orgRange(orgId: string): [unknown[], unknown[]] {
  return [[orgId], [orgId, []]];
}
type ReportCollection = ReturnType<AppDb['reportRows']['toCollection']>;

/**
 * The index that keeps each sort's order (its value, then the rules' order),
 * and the stored value it sorts by (the rules' `sortValue` of the row).
 */
const SORTS: Record<IndexedSort, { index: string; value: (r: ReportRecord) => string }> = {
  countsFrom: { index: '[orgId+countsFrom+order]', value: (r) => r.countsFrom },
  countsUntil: { index: '[orgId+untilKey+order]', value: (r) => r.untilKey },
  name: { index: '[orgId+nameKey+order]', value: (r) => r.nameKey },
  code: { index: '[orgId+code+order]', value: (r) => r.code },
  completedOn: { index: '[orgId+completedOn+order]', value: (r) => r.completedOn },
};

function sortedRows(
  db: AppDb,
  orgId: string,
  sort: IndexedSort,
  dir: ReportQuery['dir'],
): ReportCollection {
  const rows = db.reportRows.where(SORTS[sort].index).between(...orgRange(orgId), true, true);
  return dir === 'desc' ? rows.reverse() : rows;
}

/** Every row of the organization, as the screen shows them on `today`. */
async function allRows(db: AppDb, orgId: string, today: string): Promise<ReportViewRow[]> {
  const records = await sortedRows(db, orgId, 'countsFrom', 'asc').toArray();
  return records.map((r) => viewRow(r, today));
}

/**
 * Whether the page is read by walking an index in the query's order. A
 * search, or a sort by status (which depends on the day), reads the
 * organization's rows and sorts them instead — still without deriving
 * anything.
 */
function walksIndex(query: ReportQuery): query is ReportQuery & { sort: IndexedSort } {
  return queryKey(query.text) === '' && query.sort !== 'status';
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
  if (!walksIndex(query)) {
    const [counts, all] = await Promise.all([
      orgReportCounts(db, orgId, today),
      allRows(db, orgId, today),
    ]);
    const shown = pageOf(queryReport(all, query), page, size);
    return { rows: shown.items, page: shown.page, total: shown.total, counts };
  }
  const read = async (at: number) => {
    let rows = sortedRows(db, orgId, query.sort, query.dir);
    if (query.status !== 'all') {
      rows = rows.filter((r) => statusMatches(viewRow(r, today).status, query.status));
    }
    const records = await rows
      .offset(at * size)
      .limit(size)
      .toArray();
    return records.map((r) => viewRow(r, today));
  };
  // The counts and the page asked for, read at once; a page past the end, again.
  const asked = Math.max(0, Math.floor(page));
  const [counts, rows] = await Promise.all([orgReportCounts(db, orgId, today), read(asked)]);
  const total = countSelected(counts, query.status);
  const at = clampPage(asked, size, total);
  return { rows: at === asked ? rows : await read(at), page: at, total, counts };
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
 * Each chunk is its own short read (from the last row's index key on), so the
 * page stays responsive between chunks and a change in between does not
 * restart the export.
 */
export async function* orgReportChunks(
  db: AppDb,
  orgId: string,
  today: string,
  query: ReportQuery,
  options: ChunkOptions = {},
): AsyncGenerator<ReportViewRow[], void, undefined> {
  const size = Math.max(1, options.size ?? 2000);
  if (!walksIndex(query)) {
    const selected = queryReport(await allRows(db, orgId, today), query);
    for (let i = 0; i < selected.length; i += size) {
      options.signal?.throwIfAborted();
      yield selected.slice(i, i + size);
    }
    return;
  }
  const { index, value } = SORTS[query.sort];
  let after: [string, string, string] | null = null;
  for (;;) {
    options.signal?.throwIfAborted();
    const where = db.reportRows.where(index);
    const [lo, hi] = orgRange(orgId);
    // From the last row read on, that row excluded.
    const range =
      query.dir === 'asc'
        ? where.between(after ?? lo, hi, after === null, true)
        : where.between(lo, after ?? hi, true, after === null).reverse();
    const records: ReportRecord[] = await range.limit(size).toArray();
    if (records.length === 0) return;
    const last = records[records.length - 1];
    if (last) after = [orgId, value(last), last.order];
    const rows = records
      .map((r) => viewRow(r, today))
      .filter((r) => statusMatches(r.status, query.status));
    if (rows.length > 0) yield rows;
    if (records.length < size) return;
  }
}
