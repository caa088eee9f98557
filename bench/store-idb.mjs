/* global window, document -- these functions run inside the page (playwright evaluate) */
/**
 * Store, in Chromium's real IndexedDB (the harness page imports src/store):
 *  - bulk load of the large set (100,000 achievements, 10,000 each of people,
 *    accounts, profiles; 9,992 associations) through the store's importJson,
 *    which also writes the organization's derived rows (report rows, counts,
 *    users: issue 17), against the file's rows alone written with raw
 *    IDBObjectStore.add in one transaction; with --detail also the file's
 *    rows through Dexie bulkAdd alone, to tell validation and derivation from
 *    writing;
 *  - the organization's reads on that database: the first page of the users
 *    list and of the skills report (default query) through the kept rows
 *    (orgUsersPage, orgReportPage), and the whole report as CSV text
 *    (orgReportChunks), each against the derive-on-read baseline — the reads
 *    as they were before issue 17 (bench/derive-on-read.mjs: the whole
 *    organization derived by the rules, then the old screen's query).
 * Runs alternate store/baseline so that drift hits both alike; each bulk
 * load has a browser context (an IndexedDB backing store) of its own, with
 * its profile on disk (browser.mjs `diskContext`).
 */
import { diskContext } from './browser.mjs';
import { figure, repeat } from './stats.mjs';

const READS = [
  ['users', () => 'users page (first page, default query), 10k users'],
  ['report', () => 'report page (first page, default query), 100k ach.'],
  ['report-name', () => 'report page sorted by name (first page), 100k ach.'],
  ['csv', (n) => `report CSV export, whole organization (${n} rows, orgReportChunks + CSV text)`],
];

export async function storeInChromium({ urls, runs, budgetMs, detail, log }) {
  const context = await diskContext();
  const page = await context.newPage();
  await page.goto(urls.harness);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const call = (name, arg) =>
    page.evaluate(([n, a]) => /** @type {any} */ (window).bench[n](a), [name, arg]);

  const counts = await call('largeCounts');
  const kinds = detail ? ['store', 'raw', 'store-write'] : ['store', 'raw'];
  const bulk = { store: [], 'store-write': [], raw: [] };
  /**
   * Every load but the kept one in a fresh context: an origin's databases
   * share one IndexedDB backing store, so a load after another one's
   * database was deleted paid for cleaning up after it (whichever ran
   * second was slower).
   */
  const inFreshContext = async (arg) => {
    const fresh = await diskContext();
    try {
      const p = await fresh.newPage();
      await p.goto(urls.harness);
      await p.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      return await p.evaluate((a) => /** @type {any} */ (window).bench.bulk(a), arg);
    } finally {
      await fresh.close();
    }
  };
  await repeat(
    { runs: runs.bulk, budgetMs: budgetMs.bulk, label: 'store bulk', log },
    async (i) => {
      for (const kind of kinds) {
        // The first store load stays (in the reads' own, so far empty context): the organization's reads run on it.
        const keep = kind === 'store' && i === 0;
        const sample = keep ? await call('bulk', { kind, keep }) : await inFreshContext({ kind });
        bulk[kind].push(sample.ms);
      }
    },
  );
  const samples = Object.fromEntries(READS.map(([what]) => [what, { page: [], derive: [] }]));
  const facts = {};
  for (const [what] of READS) {
    // Warm-up, not counted.
    await call('orgRead', { what, how: 'page' });
    await call('orgRead', { what, how: 'derive' });
  }
  const reads = { runs: runs.report, budgetMs: budgetMs.report, label: 'org reads', log };
  await repeat(reads, async () => {
    for (const [what] of READS) {
      samples[what].derive.push((await call('orgRead', { what, how: 'derive' })).ms);
      const s = await call('orgRead', { what, how: 'page' });
      samples[what].page.push(s.ms);
      facts[what] = { shown: s.shown, total: s.total, chars: s.chars };
    }
  });
  await call('cleanup');
  await context.close();

  const section = 'store (Chromium IndexedDB)';
  return {
    rows: [
      figure({
        section,
        metric: 'bulk load 100k ach. (importJson, + derived rows)',
        unit: 'ms',
        samples: bulk.store,
        baseline: bulk.raw,
        baselineName: "raw IDB 1 tx, the file's rows",
        target: '≤ 1.2×',
      }),
      ...(detail
        ? [
            figure({
              section,
              metric: "  of which the file's rows (Dexie bulkAdd)",
              unit: 'ms',
              samples: bulk['store-write'],
              baseline: bulk.raw,
              baselineName: "raw IDB 1 tx, the file's rows",
            }),
          ]
        : []),
      ...READS.map(([what, metric]) =>
        figure({
          section,
          metric: metric(facts[what]?.total?.toLocaleString('en') ?? '?'),
          unit: 'ms',
          samples: samples[what].page,
          baseline: samples[what].derive,
          baselineName: 'derive on read',
          target: what === 'users' || what === 'report' ? '≤ 200 ms' : undefined,
        }),
      ),
    ],
    extra: { largeSet: counts, orgReads: facts },
  };
}
