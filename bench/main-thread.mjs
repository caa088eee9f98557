/**
 * First visit, main thread by CPU time: a load-independent control for
 * Lighthouse's TBT. Lighthouse's mobile profile simulates a 4× slower CPU by
 * multiplying the wall-clock length of each task it saw; on a shared machine
 * a task preempted by other work looks many times longer than it is, so its
 * TBT swings by hundreds of milliseconds from run to run. Here the same page
 * load is traced in Chromium (playwright, fresh profile, no throttling) and
 * each main-thread task's *thread CPU time* (`tdur`) is taken instead:
 *   TBT (CPU, 4×) = Σ over tasks after first contentful paint of max(0, 4 × cpu − 50 ms),
 * Lighthouse's own formula with its own 4× factor, and the longest task's CPU
 * time. Same for the bare stack, in the same run.
 */
import { figure, repeat } from './stats.mjs';

const SLOWDOWN = 4;
const BLOCKING_MS = 50;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'];

/** The renderer main thread that painted the page: the CrRendererMain of the process with its FCP. */
function mainThread(events) {
  const fcp = events.filter((e) => e.name === 'firstContentfulPaint').at(-1);
  if (!fcp) return null;
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === fcp.pid,
  );
  return main ? { key: `${main.pid}:${main.tid}`, fcp: fcp.ts } : null;
}

async function sample(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    // Long enough for the storage layer to start and the first screen to settle.
    await page.waitForTimeout(3000);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = mainThread(events);
    if (main === null) throw new Error('no first contentful paint in the trace');
    const { fcp } = main;
    const on = events.filter((e) => `${e.pid}:${e.tid}` === main.key);
    const tasks = on
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= fcp)
      .map((e) => (e.tdur ?? 0) / 1000);
    return {
      tbt: tasks.reduce((sum, ms) => sum + Math.max(0, SLOWDOWN * ms - BLOCKING_MS), 0),
      longest: Math.max(0, ...tasks),
    };
  } finally {
    await context.close();
  }
}

export async function mainThreadCpu({ browser, urls, runs, budgetMs, log }) {
  const pairs = await repeat({ runs, budgetMs, label: 'main thread (CPU)', log }, async () => ({
    app: await sample(browser, urls.app),
    bare: await sample(browser, urls.bare),
  }));
  const section = 'first visit, main thread (CPU time)';
  return [
    figure({
      section,
      metric: 'TBT from CPU time (4×, after FCP)',
      unit: 'ms',
      samples: pairs.map((p) => p.app.tbt),
      baseline: pairs.map((p) => p.bare.tbt),
      baselineName: 'bare',
      target: '≤ 50 ms',
    }),
    figure({
      section,
      metric: 'longest task after FCP (CPU)',
      unit: 'ms',
      samples: pairs.map((p) => p.app.longest),
      baseline: pairs.map((p) => p.bare.longest),
      baselineName: 'bare',
      target: '≤ 12.5 ms (50 ms at 4×)',
    }),
  ];
}
