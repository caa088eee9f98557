import { OptionsSelect } from '../../components/options-select';
import { SearchField } from '../../components/search-field';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeCode } from '../../../i18n/describe';
import {
  DEFAULT_REPORT_QUERY,
  STATUS_FILTERS,
  type ReportQuery,
  type ReportSortKey,
} from '../../../rules/org/report-rows';
import { Notice, type NoticeTone } from '../../components/notice';
import { downloadText } from '../../components/download';
import { useOrgWords } from './org-words';
import { Pager, useListPage, usePaging } from './pager';
import { ReportTable } from './report-table';
import { SectionLoading } from './section-loading';
import type { ReportData } from './view-model';

/** How far a running export has got. */
interface Exporting {
  done: number;
  total: number;
}

/** The skills report: what counts, what is coming, what is leaving; filter, sort, export. */
export function ReportView({ data }: { data: ReportData }) {
  const { t, m, num, policy } = useOrgWords();
  const r = t.report;
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_REPORT_QUERY);
  const paging = usePaging();
  const [exported, setExported] = useState<{ tone: NoticeTone; text: string } | null>(null);
  const [exporting, setExporting] = useState<Exporting | null>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the screen stops an export that is still reading.
  useEffect(
    () => () => {
      running.current?.abort();
    },
    [],
  );

  const { page, loading } = useListPage(data.reads.reportPage, query, paging);

  const change = (patch: Partial<ReportQuery>) => {
    setQuery({ ...query, ...patch });
    paging.first();
    setExported(null);
  };
  const sortBy = (key: ReportSortKey) => {
    change({ sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc' });
  };
  const exportCsv = async (total: number) => {
    const controller = new AbortController();
    running.current = controller;
    setExported(null);
    setExporting({ done: 0, total });
    const outcome = await data.reads.exportReport(query, {
      labels: { header: r.csvHeader, status: r.statuses, endReason: r.reasons },
      onProgress: (done, all) => {
        if (!controller.signal.aborted) setExporting({ done, total: all });
      },
      signal: controller.signal,
    });
    if (running.current !== controller) return;
    running.current = null;
    setExporting(null);
    if (outcome.ok) {
      downloadText(outcome.parts, r.fileName(data.today), 'text/csv;charset=utf-8');
      setExported({ tone: 'ok', text: r.exported(num(outcome.rows)) });
    } else if (outcome.code === 'CANCELLED') {
      setExported({ tone: 'info', text: r.exportCancelled });
    } else {
      setExported({ tone: 'error', text: describeCode(m, outcome.code, null, policy) });
    }
  };
  const cancelExport = () => {
    running.current?.abort();
  };

  if (!page) return <SectionLoading />;
  return (
    <section
      class="card"
      aria-labelledby="report-title"
      aria-busy={loading ? 'true' : undefined}
      data-testid="report-section"
    >
      <h2 id="report-title">{r.heading}</h2>
      <p class="muted">{r.intro(policy)}</p>
      <dl class="summary" aria-label={r.summary} data-testid="report-summary">
        {(['counted', 'pending', 'scheduled-removal', 'removed'] as const).map((s) => (
          <div key={s} data-status={s}>
            <dt>{r.statuses[s]}</dt>
            <dd>{num(page.counts[s])}</dd>
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
          <OptionsSelect
            id="report-status"
            value={query.status}
            options={STATUS_FILTERS}
            labelOf={(f) => r.statusFilter[f]}
            onChange={(status) => {
              change({ status });
            }}
          />
        </div>
        <button
          type="button"
          onClick={() => void exportCsv(page.total)}
          disabled={page.total === 0 || exporting !== null}
        >
          {r.export}
        </button>
      </div>
      <div class="export-progress" data-testid="export-progress">
        {exporting ? (
          <>
            <progress
              max={Math.max(1, exporting.total)}
              value={exporting.done}
              aria-label={r.exportProgress}
            />
            <button type="button" class="small" onClick={cancelExport}>
              {r.cancelExport}
            </button>
          </>
        ) : null}
        <p class="small" role="status" aria-live="polite" data-testid="export-status">
          {exporting ? r.exporting(num(exporting.done), num(exporting.total)) : ''}
        </p>
      </div>
      <p class="results" role="status" data-testid="report-count">
        {r.results(num(page.total))}
      </p>
      {exported ? (
        <Notice tone={exported.tone} focus={false} testId="export-result">
          <p>{exported.text}</p>
        </Notice>
      ) : null}
      {page.rows.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <ReportTable rows={page.rows} sort={query.sort} dir={query.dir} onSort={sortBy} />
      )}
      <Pager id="report-pager" at={page} shown={page.rows.length} paging={paging} />
    </section>
  );
}
