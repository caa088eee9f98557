import type { TargetedEvent } from 'preact';
import { SearchField } from '../../components/search-field';
import { useMemo, useState } from 'preact/hooks';
import { toCsv } from '../../../rules/org/csv';
import { pageOf, type PageSize } from '../../../rules/org/paging';
import {
  DEFAULT_REPORT_QUERY,
  STATUS_FILTERS,
  queryReport,
  reportCsvRecords,
  statusCounts,
  type ReportQuery,
  type ReportSortKey,
} from '../../../rules/org/report-rows';
import { Notice } from '../../components/notice';
import { downloadText } from '../../components/download';
import { useOrgWords } from './org-words';
import { Pager } from './pager';
import { ReportTable } from './report-table';
import type { ReportData } from './view-model';

/** The skills report: what counts, what is coming, what is leaving; filter, sort, export. */
export function ReportView({ data }: { data: ReportData }) {
  const { t, num, policy } = useOrgWords();
  const r = t.report;
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_REPORT_QUERY);
  const [pageNo, setPageNo] = useState(0);
  const [size, setSize] = useState<PageSize>(50);
  const [exported, setExported] = useState<string | null>(null);

  const counts = useMemo(() => statusCounts(data.report), [data.report]);
  const selected = useMemo(() => queryReport(data.report, query), [data.report, query]);
  const page = pageOf(selected, pageNo, size);

  const change = (patch: Partial<ReportQuery>) => {
    setQuery({ ...query, ...patch });
    setPageNo(0);
    setExported(null);
  };
  const sortBy = (key: ReportSortKey) => {
    change({ sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc' });
  };
  const exportCsv = () => {
    const text = toCsv(
      r.csvHeader,
      reportCsvRecords(selected, { header: r.csvHeader, status: r.statuses, endReason: r.reasons }),
    );
    downloadText(text, r.fileName(data.today), 'text/csv;charset=utf-8');
    setExported(r.exported(num(selected.length)));
  };

  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">{r.heading}</h2>
      <p class="muted">{r.intro(policy)}</p>
      <dl class="summary" aria-label={r.summary} data-testid="report-summary">
        {(['counted', 'pending', 'scheduled-removal', 'removed'] as const).map((s) => (
          <div key={s} data-status={s}>
            <dt>{r.statuses[s]}</dt>
            <dd>{num(counts[s])}</dd>
          </div>
        ))}
      </dl>
      <div class="filters">
        <SearchField
          id="report-filter"
          label={r.filter}
          value={query.text}
          onInput={(text) => {
            change({ text });
          }}
        />
        <div class="field">
          <label for="report-status">{r.status}</label>
          <select
            id="report-status"
            value={query.status}
            onChange={(e: TargetedEvent<HTMLSelectElement>) => {
              const status = STATUS_FILTERS.find((f) => f === e.currentTarget.value);
              if (status) change({ status });
            }}
          >
            {STATUS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {r.statusFilter[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={exportCsv} disabled={selected.length === 0}>
          {r.export}
        </button>
      </div>
      <p class="results" role="status" data-testid="report-count">
        {r.results(num(selected.length))}
      </p>
      {exported ? (
        <Notice tone="ok" focus={false} testId="export-result">
          <p>{exported}</p>
        </Notice>
      ) : null}
      {page.items.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <ReportTable rows={page.items} sort={query.sort} dir={query.dir} onSort={sortBy} />
      )}
      <Pager
        id="report-pager"
        page={page}
        size={size}
        onPage={setPageNo}
        onSize={(s) => {
          setSize(s);
          setPageNo(0);
        }}
      />
    </section>
  );
}
