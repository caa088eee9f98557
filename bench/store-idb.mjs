/* global window, document -- these functions run inside the page (playwright evaluate) */
/**
 * Store, in Chromium's real IndexedDB (the harness page imports src/store):
 *  - bulk load of the large set (100,000 achievements, 10,000 each of people,
 *    accounts, profiles; 9,992 associations) through the store's importJson,
 *    against the same rows written with raw IDBObjectStore.add in one
 *    transaction; with --detail also the store's write alone (Dexie bulkAdd in
 *    one transaction), to tell validation from writing;
 *  - the organization's skills report (orgSkillsReport, 10,000 users) against
 *    a raw getAll of the tables it reads (accounts by orgId, associations,
 *    achievements) in one transaction; and the users list (orgUsers) likewise,
 *    since opening the organization screen reads both.
 * Runs alternate store/raw so that drift hits both alike.
 */
import { figure, repeat } from './stats.mjs';

export async function storeInChromium({ browser, urls, runs, budgetMs, detail, log }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(urls.harness);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const call = (name, arg) =>
    page.evaluate(([n, a]) => /** @type {any} */ (window).bench[n](a), [name, arg]);

  const counts = await call('largeCounts');
  const kinds = detail ? ['raw', 'store', 'store-write'] : ['raw', 'store'];
  const bulk = { store: [], 'store-write': [], raw: [] };
  await repeat(
    { runs: runs.bulk, budgetMs: budgetMs.bulk, label: 'store bulk', log },
    async (i) => {
      for (const kind of kinds) {
        // The first store load stays: the skills report runs on it.
        bulk[kind].push((await call('bulk', { kind, keep: kind === 'store' && i === 0 })).ms);
      }
    },
  );
  await call('report', 'store'); // warm-up, not counted
  await call('report', 'raw');
  const report = { store: [], raw: [] };
  const users = { store: [], raw: [] };
  let rows = 0;
  const reads = { runs: runs.report, budgetMs: budgetMs.report, label: 'store reads', log };
  await repeat(reads, async () => {
    report.raw.push((await call('report', 'raw')).ms);
    const s = await call('report', 'store');
    report.store.push(s.ms);
    rows = s.rows;
    users.raw.push((await call('users', 'raw')).ms);
    users.store.push((await call('users', 'store')).ms);
  });
  await call('cleanup');
  await context.close();

  const section = 'store (Chromium IndexedDB)';
  return {
    rows: [
      figure({
        section,
        metric: 'bulk load 100k ach. (importJson)',
        unit: 'ms',
        samples: bulk.store,
        baseline: bulk.raw,
        baselineName: 'raw IDB 1 tx',
        target: '≤ 1.5×',
      }),
      ...(detail
        ? [
            figure({
              section,
              metric: '  of which the write (Dexie bulkAdd)',
              unit: 'ms',
              samples: bulk['store-write'],
              baseline: bulk.raw,
              baselineName: 'raw IDB 1 tx',
            }),
          ]
        : []),
      figure({
        section,
        metric: 'skills report, 10k users',
        unit: 'ms',
        samples: report.store,
        baseline: report.raw,
        baselineName: 'raw getAll',
        target: '≤ 2×',
      }),
      figure({
        section,
        metric: 'users list, 10k users',
        unit: 'ms',
        samples: users.store,
        baseline: users.raw,
        baselineName: 'raw getAll',
      }),
    ],
    extra: { largeSet: counts, reportRows: rows },
  };
}
