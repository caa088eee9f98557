/**
 * The CSV export of the whole selection (issue 17): read through the store a
 * chunk at a time, with progress, cancellable, and the same text as the
 * rules' CSV of `queryReport` over the whole report.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/rules/org/csv';
import {
  DEFAULT_REPORT_QUERY,
  queryReport,
  reportCsvRecords,
  type CsvLabels,
  type ReportQuery,
} from '../../src/rules/org/report-rows';
import { createAppState, type AppState } from '../../src/state/app-state';
import { account, cert, learn, link, seed, storedReport } from '../rules/org/fixtures';

const NOW = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

const labels: CsvLabels = {
  header: ['Name', 'Email', 'Exam', 'Title', 'Completed', 'Linked', 'From', 'Until', 'Status'],
  status: {
    counted: 'Counted',
    pending: 'Pending',
    'scheduled-removal': 'Leaving',
    removed: 'Removed',
  },
  endReason: { unlinked: 'unlinked', moved: 'moved', 'account-deleted': 'deleted' },
};

let app: AppState | null = null;
afterEach(() => {
  app?.dispose();
  app = null;
});

/** 30 people in A, some moved or deleted, each with a few achievements on several days. */
async function world() {
  const n = (i: number) => String(i).padStart(2, '0');
  const ids = Array.from({ length: 30 }, (_, i) => `u${n(i)}`);
  const db = await seed({
    accounts: ids.map((id, i) =>
      account(id, 'a', {
        displayName: i % 4 === 0 ? `山田 ${n(i)}` : `User ${n(i)}`,
        deletedOn: i % 7 === 3 ? '2026-11-10' : null,
      }),
    ),
    associations: ids.map((id, i) =>
      i % 7 === 3
        ? link(`p-${id}`, id, '2026-01-01', '2026-11-10', 'account-deleted')
        : i % 5 === 1
          ? link(`p-${id}`, id, '2026-02-01', '2026-11-20', 'moved')
          : link(`p-${id}`, id, '2026-03-01'),
    ),
    achievements: ids.flatMap((id, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, k) =>
        cert(
          `${id}-${String(k)}`,
          `p-${id}`,
          ['AZ-104', 'SC-300', 'AI-102', 'PL-300'][k] ?? '',
          `2026-0${String(3 + k)}-1${String(i % 9)}`,
        ),
      ),
    ),
    profiles: ids.map((id) => learn(`p-${id}`)),
  });
  app = createAppState(db, { now: () => NOW });
  return { db, app };
}

describe('exportReport', () => {
  it('equals the rules’ CSV of the whole selection, for indexed and sorted-in-memory queries', async () => {
    const { db, app: s } = await world();
    const all = await storedReport(db, 'a', TODAY, 500);
    expect(all.length).toBeGreaterThan(60);
    const queries: ReportQuery[] = [
      DEFAULT_REPORT_QUERY,
      { text: '', status: 'all', sort: 'name', dir: 'desc' },
      { text: '', status: 'scheduled-removal', sort: 'countsUntil', dir: 'asc' },
      { text: '', status: 'current', sort: 'code', dir: 'desc' },
      { text: '', status: 'all', sort: 'status', dir: 'desc' },
      { text: '山田', status: 'current', sort: 'completedOn', dir: 'asc' },
    ];
    for (const query of queries) {
      const progress: [number, number][] = [];
      const done = await s.exportReport('a', query, {
        labels,
        chunkSize: 7,
        onProgress: (d, t) => progress.push([d, t]),
      });
      if (!done.ok) throw new Error(done.code);
      const selected = queryReport(all, query);
      expect(done.value.parts.join(''), JSON.stringify(query)).toBe(
        toCsv(labels.header, reportCsvRecords(selected, labels)),
      );
      expect(done.value.rows).toBe(selected.length);
      // Progress from 0 up to every row, never past the total, never backwards.
      expect(progress[0]).toEqual([0, selected.length]);
      expect(progress.at(-1)).toEqual([selected.length, selected.length]);
      expect(progress.every(([d, t], i) => d <= t && d >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
      if (selected.length > 14) expect(progress.length).toBeGreaterThan(2);
    }
  });

  it('stops when cancelled, before the next chunk, and answers CANCELLED', async () => {
    const { app: s } = await world();
    const stop = new AbortController();
    const seen: number[] = [];
    const done = await s.exportReport(
      'a',
      { ...DEFAULT_REPORT_QUERY, status: 'all' },
      {
        labels,
        chunkSize: 5,
        signal: stop.signal,
        onProgress: (d) => {
          seen.push(d);
          if (d >= 10) stop.abort();
        },
      },
    );
    expect(done).toEqual({ ok: false, code: 'CANCELLED' });
    expect(seen).toEqual([0, 5, 10]);
  });
});
