/**
 * `npm run bench -- --large`: the 100,000-person / 1,000,000-achievement
 * world (one organization; 10 achievements a person), to show how cost grows
 * from the default 10,000 / 100,000. An export of it would be some 300 MB,
 * over the import's 64 MB limit (src/store/import-limit.ts), so it is written
 * through the import's own write loop (store/transfer writeTables: chunked
 * bulkAdd in one transaction) as the generator streams it, against raw
 * IndexedDB adds of the same stream. Then, on it: home from the service
 * worker (vs the bare build) and home's read (myView) vs raw index reads.
 */
import { waitForController } from './browser.mjs';
import { HOME_READY, PHONE, bareBaseline, harness, timeToSelector } from './app-data.mjs';
import { installProbes } from './probes.mjs';
import { figure } from './stats.mjs';

export async function largeWorld({ browser, urls, runs, log, people = 100_000 }) {
  const section = `large world (${people / 1000}k people, ${people / 100}k ach.)`;
  const bare = await bareBaseline(browser, urls, { start: runs.start });
  const context = await browser.newContext(PHONE);
  await context.addInitScript(installProbes);
  try {
    const page = await context.newPage();
    await page.goto(urls.app);
    await waitForController(page);
    await page.close();
    log(`large world: raw IndexedDB write`);
    const raw = await harness(context, urls, 'largeWorld', { kind: 'raw', people });
    log(`large world: store write (${raw.rows} rows raw in ${Math.round(raw.ms)} ms)`);
    const store = await harness(context, urls, 'largeWorld', { kind: 'store', people });
    log(`large world: home (${store.rows} rows by the store in ${Math.round(store.ms)} ms)`);
    await timeToSelector(context, urls.app, HOME_READY); // warm-up, not counted
    const home = [];
    for (let i = 0; i < runs.start; i++)
      home.push(await timeToSelector(context, urls.app, HOME_READY));
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
    return {
      rows: [
        figure({
          section,
          metric: `bulk write ${(store.rows / 1e6).toFixed(2)}M rows (import's write loop)`,
          unit: 'ms',
          samples: [store.ms],
          baseline: [raw.ms],
          baselineName: 'raw IDB 1 tx',
          target: '≤ 1.2×',
        }),
        figure({
          section,
          metric: 'home shows data (warm, SW)',
          unit: 'ms',
          samples: home,
          baseline: bare.start,
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
      ],
      extra: { rows: store.rows, progressReports: store.progress },
    };
  } finally {
    await context.close();
  }
}
