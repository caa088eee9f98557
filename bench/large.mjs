/**
 * `npm run bench -- --large`: the 100,000-person / 1,000,000-achievement
 * world (one organization; 10 achievements a person), to show how cost grows
 * from the default 10,000 / 100,000. An export of it would be some 300 MB,
 * over the import's 64 MB limit (src/store/import-limit.ts), so it is written
 * as the import writes (transactions marked `callerWritesDerived`, chunked
 * bulkAdd) as the generator streams it, in batches of people with all their
 * rows, a transaction each, with their derived rows (the store's
 * `derivedRows`), against raw IndexedDB adds of the same stream (the source
 * rows only, a transaction per batch alike). Then, on it: home from the service worker (vs the bare
 * build), home's read (myView) vs raw index reads, and the organization's
 * first users page and report page vs the same reads on a 10,000-person
 * world written the same way (the cost should barely grow with the
 * organization). `BENCH_LARGE_CHECK=1` also compares the kept rows with a
 * derivation of the whole world at once (not timed; slow at 100,000).
 */
import { diskContext, waitForController } from './browser.mjs';
import {
  HOME_READY,
  PHONE,
  SETTLE_MS,
  bareHome,
  harness,
  homeBesideBare,
  settle,
  timeToSelector,
} from './app-data.mjs';
import { installProbes } from './probes.mjs';
import { figure } from './stats.mjs';

/** The world the large one is compared with: the default data set's size. */
const SMALL = 10_000;
const SMALL_DB = 'bench-large-small';
const APP_DB = 'mcid-link';

export async function largeWorld({ urls, runs, log, people = 100_000 }) {
  const section = `large world (${people / 1000}k people, ${people / 100}k ach.)`;
  const bare = await bareHome(urls);
  const context = await diskContext(PHONE);
  await context.addInitScript(installProbes);
  try {
    const page = await context.newPage();
    await page.goto(urls.app);
    await waitForController(page);
    await page.close();
    log(`large world: raw IndexedDB write`);
    const raw = await harness(context, urls, 'largeWorld', { kind: 'raw', people });
    log(`large world: store write (${raw.rows} rows raw in ${Math.round(raw.ms)} ms)`);
    const check = process.env.BENCH_LARGE_CHECK === '1';
    const store = await harness(context, urls, 'largeWorld', { kind: 'store', people, check });
    log(`large world: ${store.rows} rows by the store in ${Math.round(store.ms)} ms`);
    if (store.problems && store.problems.length > 0)
      throw new Error(`large world: derived rows differ: ${store.problems.join('; ')}`);
    // Its store compacts for longer after 2.4M rows than after the import's.
    log(`large world: home (after ${(2 * SETTLE_MS) / 1000} s for the store to settle)`);
    await settle(2 * SETTLE_MS);
    await timeToSelector(context, urls.app, HOME_READY); // warm-up, not counted
    const home = await homeBesideBare(context, urls.app, bare, runs.home);
    const read = { store: [], raw: [] };
    const someone = `a${Math.floor(people / 2)}`;
    for (let i = 0; i < runs.start; i++) {
      read.raw.push(
        (await harness(context, urls, 'homeRead', { kind: 'raw', accountId: someone })).ms,
      );
      read.store.push(
        (await harness(context, urls, 'homeRead', { kind: 'store', accountId: someone })).ms,
      );
    }
    log(`large world: the organization's pages, and a ${SMALL / 1000}k world to compare`);
    await harness(context, urls, 'largeWorld', { kind: 'store', people: SMALL, name: SMALL_DB });
    const pages = { users: { large: [], small: [] }, report: { large: [], small: [] } };
    const facts = {};
    for (let i = 0; i <= runs.start; i++) {
      for (const what of /** @type {const} */ (['users', 'report'])) {
        const small = await harness(context, urls, 'orgRead', {
          what,
          how: 'page',
          name: SMALL_DB,
        });
        const big = await harness(context, urls, 'orgRead', { what, how: 'page', name: APP_DB });
        if (i === 0) continue; // warm-up, not counted
        pages[what].small.push(small.ms);
        pages[what].large.push(big.ms);
        facts[what] = { total: big.total, smallTotal: small.total };
      }
    }
    await harness(context, urls, 'deleteDb', SMALL_DB);
    return {
      rows: [
        figure({
          section,
          metric: `bulk write ${(raw.rows / 1e6).toFixed(2)}M rows (as import, + ${(store.derived.reportRows / 1e6).toFixed(2)}M derived)`,
          unit: 'ms',
          samples: [store.ms],
          baseline: [raw.ms],
          baselineName: 'raw IDB, a tx per 5,000 people, the same rows',
          target: '≤ 1.2×',
        }),
        figure({
          section,
          metric: 'home shows data (warm, SW)',
          unit: 'ms',
          samples: home.app,
          baseline: home.baseline,
          baselineName: 'bare button+Dexie read',
          target: '≤ 1.5×',
        }),
        figure({
          section,
          metric: "home's read (myView), one person",
          unit: 'ms',
          samples: read.store,
          baseline: read.raw,
          baselineName: 'raw index reads',
        }),
        figure({
          section,
          metric: `users page (first page), ${people / 1000}k users`,
          unit: 'ms',
          samples: pages.users.large,
          baseline: pages.users.small,
          baselineName: `same read, ${SMALL / 1000}k users`,
          target: '≤ 200 ms',
        }),
        figure({
          section,
          metric: `report page (first page), ${people / 100}k ach.`,
          unit: 'ms',
          samples: pages.report.large,
          baseline: pages.report.small,
          baselineName: `same read, ${SMALL / 100}k ach.`,
          target: '≤ 200 ms',
        }),
      ],
      extra: {
        rows: store.rows,
        sourceRows: raw.rows,
        derived: store.derived,
        progressReports: store.progress,
        checked: store.problems !== null,
        orgPages: facts,
      },
    };
  } finally {
    await context.close();
    await bare.close();
  }
}
