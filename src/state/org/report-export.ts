/**
 * The skills report's CSV export of a whole selection, read a chunk at a time
 * from the store's kept rows (`orgReportChunks`): the text is built in parts,
 * progress is told after each chunk, and an abort stops it before the next.
 * Loaded on the first export: an organization screen that never exports, and
 * a first visit, never download the CSV code.
 */
import { csvLines, csvStart } from '../../rules/org/csv';
import { reportCsvRecords, type CsvLabels, type ReportQuery } from '../../rules/org/report-rows';
import type { AppDb } from '../../store';
import { orgReportChunks, orgReportPage } from '../../store/queries-org';

/** How the whole report is exported: its words, and how far it has got. */
export interface ReportExportOptions {
  labels: CsvLabels;
  /** After each chunk: rows done of the selection's total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the export before its next chunk. */
  signal?: AbortSignal;
  /** Rows per chunk (default 10,000: fewer, larger reads; still a moving bar). */
  chunkSize?: number;
}

/** A finished export: the CSV text in parts (the BOM and header first), and how many rows. */
export interface ReportExport {
  parts: string[];
  rows: number;
}

/** A task boundary between chunks: the progress is painted, Cancel can be pressed. */
const painted = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

export async function exportReportCsv(
  db: AppDb,
  orgId: string,
  today: string,
  query: ReportQuery,
  { labels, onProgress, signal, chunkSize }: ReportExportOptions,
): Promise<ReportExport> {
  const { total } = await orgReportPage(db, orgId, today, query, 0, 1);
  const parts = [csvStart(labels.header)];
  let rows = 0;
  onProgress?.(0, total);
  const chunks = orgReportChunks(db, orgId, today, query, {
    size: chunkSize ?? 10_000,
    ...(signal ? { signal } : {}),
  });
  for await (const chunk of chunks) {
    parts.push(csvLines(reportCsvRecords(chunk, labels)));
    rows += chunk.length;
    onProgress?.(rows, Math.max(total, rows));
    await painted();
  }
  signal?.throwIfAborted();
  return { parts, rows };
}
