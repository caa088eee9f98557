import type { ReportSortKey, ReportViewRow, SortDir } from '../../../rules/org/report-rows';
import { useOrgWords } from './org-words';

interface ReportTableProps {
  rows: readonly ReportViewRow[];
  sort: ReportSortKey;
  dir: SortDir;
  onSort: (key: ReportSortKey) => void;
}

type Col = { key: ReportSortKey; label: (c: ColLabels) => string };
type ColLabels = ReturnType<typeof useOrgWords>['t']['report']['cols'];

const COLS: readonly Col[] = [
  { key: 'name', label: (c) => c.person },
  { key: 'code', label: (c) => c.achievement },
  { key: 'completedOn', label: (c) => c.completedOn },
  { key: 'countsFrom', label: (c) => c.countsFrom },
  { key: 'countsUntil', label: (c) => c.countsUntil },
  { key: 'status', label: (c) => c.status },
];

/**
 * One page of the report. Column headers are sort buttons with aria-sort on
 * the header cell; the person's cell is the row header. On a phone the table
 * scrolls sideways inside its own focusable region.
 */
export function ReportTable({ rows, sort, dir, onSort }: ReportTableProps) {
  const { t, date } = useOrgWords();
  const r = t.report;
  return (
    <div class="table-scroll" role="region" aria-label={r.tableLabel} tabIndex={0}>
      <table class="report-table" data-testid="report-table">
        <thead>
          <tr>
            {COLS.map((col) => {
              const label = col.label(r.cols);
              const active = col.key === sort;
              return (
                <th
                  key={col.key}
                  scope="col"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    class="sort"
                    onClick={() => {
                      onSort(col.key);
                    }}
                  >
                    {label}
                    <span aria-hidden="true" class="sort-mark">
                      {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.achievementId}:${row.accountId}:${row.startedOn}`}
              data-status={row.status}
            >
              <th scope="row">
                {row.displayName}
                <span class="muted small block mono">{row.email}</span>
              </th>
              <td>
                <span class="mono">{row.code}</span>
                <span class="muted small block">{row.title}</span>
              </td>
              <td>
                <time dateTime={row.completedOn}>{date(row.completedOn)}</time>
              </td>
              <td>
                <time dateTime={row.countsFrom}>{date(row.countsFrom)}</time>
              </td>
              <td>
                {row.countsUntil === null ? (
                  r.stillCounts
                ) : (
                  <time dateTime={row.countsUntil}>{date(row.countsUntil)}</time>
                )}
                {row.endedOn !== null && row.endReason !== null ? (
                  <span class="muted small block">
                    {r.linkEnded(r.reasons[row.endReason], date(row.endedOn))}
                  </span>
                ) : null}
              </td>
              <td>
                <span class={`pill pill-${row.status}`}>{r.statuses[row.status]}</span>
                {row.status === 'pending' ? (
                  <span class="small block">{r.arrives(date(row.countsFrom))}</span>
                ) : null}
                {row.status === 'scheduled-removal' && row.countsUntil !== null ? (
                  <span class="small block">{r.leaves(date(row.countsUntil))}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
