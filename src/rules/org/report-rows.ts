/**
 * The skills report as the organization view shows it: the rules' rows
 * (rules.skillsReport) joined with whose they are, filtered, sorted, and
 * turned into CSV records. The figures themselves come from the rules
 * module; nothing here decides a date.
 */
import type { CreditStatus, EndReason, ReportRow } from '..';
import { creditStatusOn, reportOrderKey } from '../report';
import { matches, nameOrderKey, queryKey, searchKey } from './paging';

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

// Order of a status when sorting: what counts first, then what is coming or going.
const STATUS_ORDER: Record<CreditStatus, number> = {
  counted: 0,
  pending: 1,
  'scheduled-removal': 2,
  removed: 3,
};

/** Whether a row of `status` is in the list `filter` selects. */
export function statusMatches(status: CreditStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  // "Current": what the report shows today or will show (removed rows are history).
  if (filter === 'current') return status !== 'removed';
  return status === filter;
}

/**
 * The value a row sorts by for `key` (strings compare by code units): what
 * a store indexes, so that its pages come in this same order. "No end"
 * sorts after any end; names sort by `nameOrderKey`.
 */
export function sortValue(row: ReportViewRow, key: Exclude<ReportSortKey, 'status'>): string {
  switch (key) {
    case 'name':
      return nameOrderKey(row.displayName, row.email);
    case 'code':
      return row.code;
    case 'completedOn':
      return row.completedOn;
    case 'countsFrom':
      return row.countsFrom;
    case 'countsUntil':
      return row.countsUntil ?? '\uffff';
  }
}

const str = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);

/**
 * The rows the query selects, in its order: by the sort key, then in the
 * rules' order (`reportOrderKey`), both reversed for "descending" — a total
 * order, so a page read through an index is the same page.
 */
export function queryReport(rows: readonly ReportViewRow[], query: ReportQuery): ReportViewRow[] {
  const text = queryKey(query.text);
  const selected = rows.filter(
    (r) => statusMatches(r.status, query.status) && (text === '' || matches(keyOf(r), text)),
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  const { sort } = query;
  // Each row's keys made once, not once per comparison (100,000 rows); a
  // name's key once per person, not once per row.
  const names = new Map<string, string>();
  const keyOfRow = (row: ReportViewRow): string => {
    if (sort === 'status') return '';
    if (sort !== 'name') return sortValue(row, sort);
    const person = `${row.displayName}\u0000${row.email}`;
    let key = names.get(person);
    if (key === undefined) {
      key = sortValue(row, 'name');
      names.set(person, key);
    }
    return key;
  };
  const decorated = selected.map((row) => ({
    row,
    key: keyOfRow(row),
    rank: STATUS_ORDER[row.status],
    order: reportOrderKey(row),
  }));
  decorated.sort(
    (a, b) =>
      sign * ((sort === 'status' ? a.rank - b.rank : str(a.key, b.key)) || str(a.order, b.order)),
  );
  return decorated.map((d) => d.row);
}

export function statusCounts(rows: readonly ReportRow[]): Record<CreditStatus, number> {
  const counts = noCounts();
  for (const r of rows) counts[r.status]++;
  return counts;
}

function noCounts(): Record<CreditStatus, number> {
  return { counted: 0, pending: 0, 'scheduled-removal': 0, removed: 0 };
}

/**
 * The status counts on `today` from how many rows share each (credit day,
 * removal day) pair: equal to `statusCounts` of the rows themselves, without
 * reading them.
 */
export function statusCountsOn(
  pairs: readonly { countsFrom: string; countsUntil: string | null; n: number }[],
  today: string,
): Record<CreditStatus, number> {
  const counts = noCounts();
  for (const p of pairs) counts[creditStatusOn(today, p.countsFrom, p.countsUntil)] += p.n;
  return counts;
}

/**
 * Per credit day, in day order, how many rows the status list `filter`
 * selects on `today`, from the counts per (credit day, removal day): where
 * each day's rows fall in the report sorted by credit day. Days with none
 * are left out.
 */
export function selectedPerDay(
  pairs: readonly { countsFrom: string; countsUntil: string | null; n: number }[],
  today: string,
  filter: StatusFilter,
): { countsFrom: string; n: number }[] {
  const perDay = new Map<string, number>();
  for (const p of pairs) {
    if (!statusMatches(creditStatusOn(today, p.countsFrom, p.countsUntil), filter)) continue;
    perDay.set(p.countsFrom, (perDay.get(p.countsFrom) ?? 0) + p.n);
  }
  return [...perDay]
    .filter(([, n]) => n > 0)
    .map(([countsFrom, n]) => ({ countsFrom, n }))
    .sort((a, b) => str(a.countsFrom, b.countsFrom));
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
