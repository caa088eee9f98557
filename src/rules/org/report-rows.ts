/**
 * The skills report as the organization view shows it: the rules' rows
 * (rules.skillsReport) joined with whose they are, filtered, sorted, and
 * turned into CSV records. The figures themselves come from the rules
 * module; nothing here decides a date.
 */
import type { CreditStatus, EndReason, ReportRow } from '..';
import { matches, queryKey, searchKey } from './paging';

/** A report row with whose it is: the store's `OrgReportRow`. */
export interface ReportViewRow extends ReportRow {
  displayName: string;
  email: string;
}

export type StatusFilter = CreditStatus | 'current' | 'all';
export type ReportSortKey =
  'name' | 'code' | 'completedOn' | 'countsFrom' | 'countsUntil' | 'status';
export type SortDir = 'asc' | 'desc';

export interface ReportQuery {
  text: string;
  status: StatusFilter;
  sort: ReportSortKey;
  dir: SortDir;
}

export const DEFAULT_REPORT_QUERY: ReportQuery = {
  text: '',
  status: 'current',
  sort: 'countsFrom',
  dir: 'asc',
};

export const STATUS_FILTERS: readonly StatusFilter[] = [
  'current',
  'counted',
  'pending',
  'scheduled-removal',
  'removed',
  'all',
];

/**
 * The store's rows as the screens use them. They are not copied: with
 * 100,000 achievements a copy of every row costs more than the screen's
 * whole filter step (bench/org-bench.bench.mjs).
 */
export function reportViewRows(rows: readonly ReportViewRow[]): readonly ReportViewRow[] {
  return rows;
}

// The text a row is searched by, made on the first search that needs it and
// kept with the row object (a new query result brings new objects).
const searchKeys = new WeakMap<ReportViewRow, string>();

function keyOf(row: ReportViewRow): string {
  let key = searchKeys.get(row);
  if (key === undefined) {
    key = searchKey(row.displayName, row.email, row.code, row.title);
    searchKeys.set(row, key);
  }
  return key;
}

function statusMatches(status: CreditStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  // "Current": what the report shows today or will show (removed rows are history).
  if (filter === 'current') return status !== 'removed';
  return status === filter;
}

// Order of a status when sorting: what counts first, then what is coming or going.
const STATUS_ORDER: Record<CreditStatus, number> = {
  counted: 0,
  pending: 1,
  'scheduled-removal': 2,
  removed: 3,
};

const collator = new Intl.Collator(['ja', 'en'], { sensitivity: 'base', numeric: true });

const str = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);

/**
 * By name in the reader's collation, then email. The collator runs over the
 * distinct names only (10,000 people, not 100,000 rows), and each row looks
 * its rank up once: the sort itself then compares numbers.
 */
function sortByName(rows: readonly ReportViewRow[], sign: number): ReportViewRow[] {
  const names = [...new Set(rows.map((r) => r.displayName))].sort(collator.compare);
  const rank = new Map(names.map((n, i) => [n, i]));
  return rows
    .map((row) => ({ row, rank: rank.get(row.displayName) ?? 0 }))
    .sort((a, b) => sign * (a.rank - b.rank || str(a.row.email, b.row.email)))
    .map((d) => d.row);
}

function compareBy(
  key: Exclude<ReportSortKey, 'name'>,
): (a: ReportViewRow, b: ReportViewRow) => number {
  switch (key) {
    case 'code':
      return (a, b) => str(a.code, b.code);
    case 'completedOn':
      return (a, b) => str(a.completedOn, b.completedOn);
    case 'countsFrom':
      return (a, b) => str(a.countsFrom, b.countsFrom);
    // Still counting with no end sorts after any end date.
    case 'countsUntil':
      return (a, b) => str(a.countsUntil ?? '\uffff', b.countsUntil ?? '\uffff');
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  }
}

/** The rows the query selects, in its order; ties keep the rules' stable order. */
export function queryReport(rows: readonly ReportViewRow[], query: ReportQuery): ReportViewRow[] {
  const text = queryKey(query.text);
  const selected = rows.filter(
    (r) => statusMatches(r.status, query.status) && (text === '' || matches(keyOf(r), text)),
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  if (query.sort === 'name') return sortByName(selected, sign);
  const compare = compareBy(query.sort);
  return selected.sort((a, b) => sign * compare(a, b));
}

export function statusCounts(rows: readonly ReportRow[]): Record<CreditStatus, number> {
  const counts: Record<CreditStatus, number> = {
    counted: 0,
    pending: 0,
    'scheduled-removal': 0,
    removed: 0,
  };
  for (const r of rows) counts[r.status]++;
  return counts;
}

export interface CsvLabels {
  header: readonly string[];
  status: Record<CreditStatus, string>;
  endReason: Record<EndReason, string>;
}

/**
 * One CSV record per row: name, email, code, title, completed, linked,
 * counts from, counts until, status, link ended, why. Dates stay ISO
 * (YYYY-MM-DD), which every spreadsheet reads as a date.
 */
export function reportCsvRecords(
  rows: readonly ReportViewRow[],
  labels: CsvLabels,
): (string | null)[][] {
  return rows.map((r) => [
    r.displayName,
    r.email,
    r.code,
    r.title,
    r.completedOn,
    r.startedOn,
    r.countsFrom,
    r.countsUntil,
    labels.status[r.status],
    r.endedOn,
    r.endReason === null ? null : labels.endReason[r.endReason],
  ]);
}
