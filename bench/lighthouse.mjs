/**
 * Page load: Lighthouse (node API, default mobile profile: simulated slow 4G
 * and 4× CPU slowdown on an emulated phone) against Debian's Chromium, for
 * the app and for the bare build. Each sample is two fresh browser profiles:
 * in one, a first visit (storage reset); in the other, the page is opened
 * until the service worker controls it (a person's first visit, without
 * Lighthouse), then a repeat visit with disableStorageReset so the worker
 * serves it.
 *
 * The repeat visit used to follow the first visit's audit in the same
 * browser. Its renderer then still held what that audit's accessibility
 * check (axe-core, run over the page) left behind, and one task of ~100 ms
 * ran before the page committed (107 ms in the trace read: V8 walking its
 * heap, then deoptimising): TBT 278–474 ms, Performance 88–94. Without the
 * accessibility category, or with the repeat visit in a browser of its own,
 * it gave TBT 0–75 ms and 100 (2026-12-07). A returning visitor's browser
 * has run no axe-core.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, waitForController } from './browser.mjs';
import { figure, repeat } from './stats.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

async function audit(port, url, repeat) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    disableStorageReset: repeat,
  });
  if (!result) throw new Error('Lighthouse gave no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const num = (a) => lhr.audits[a]?.numericValue ?? null;
  // What kept a category under 100, for the note in the README.
  const misses = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${c}:${ref.id}`),
  );
  // Which elements moved (CLS) and which one was the LCP, for whoever fixes them.
  const items = (a) => /** @type {any} */ (lhr.audits[a]?.details)?.items ?? [];
  const shifts = items('layout-shifts').map(
    (i) => `${i.node?.selector ?? '?'} (${Number(i.score ?? 0).toFixed(3)})`,
  );
  const lcpElement = items('largest-contentful-paint-element')
    .flatMap((i) => i.items ?? [i])
    .map((i) => i.node?.selector)
    .find(Boolean);
  // Where the main-thread time went (TBT), by script, for the same reason.
  const bootup = items('bootup-time')
    .slice(0, 3)
    .map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(i.total ?? 0)} ms`);
  return {
    bootup,
    shifts,
    lcpElement: lcpElement ?? null,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    misses,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

async function warm(port, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const page = await context.newPage();
  await page.goto(url);
  await waitForController(page);
  await page.close();
  await browser.close();
}

/** `run` with a fresh browser profile's port; the browser is closed after. */
async function inFreshBrowser(run) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  try {
    return await run(chrome.port);
  } finally {
    chrome.kill();
  }
}

async function sample(url) {
  const first = await inFreshBrowser((port) => audit(port, url, false));
  const repeat = await inFreshBrowser(async (port) => {
    await warm(port, url);
    return audit(port, url, true);
  });
  return { first, repeat };
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART): such a sample is retaken. */
async function retried(url, log) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sample(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  lighthouse sample failed (${String(error)}); again`);
    }
  }
}

export async function pageLoad({ urls, runs, budgetMs, log }) {
  const pairs = await repeat({ runs, budgetMs, label: 'lighthouse', log }, async () => ({
    app: await retried(urls.app, log),
    bare: await retried(urls.bare, log),
  }));
  const app = pairs.map((p) => p.app);
  const bare = pairs.map((p) => p.bare);
  const rows = [];
  const visits = [
    ['first', 'first visit'],
    ['repeat', 'repeat (SW)'],
  ];
  const metrics = [
    ['performance', 'Performance', 'score', '100'],
    ['accessibility', 'Accessibility', 'score', '100'],
    ['bestPractices', 'Best Practices', 'score', '100'],
    ['lcp', 'LCP', 'ms', ''],
    ['tbt', 'TBT', 'ms', ''],
    ['cls', 'CLS', 'cls', '0'],
  ];
  for (const [visit, label] of visits) {
    for (const [key, name, unit, target] of metrics) {
      rows.push(
        figure({
          section: 'page load (Lighthouse mobile)',
          metric: `${label}: ${name}`,
          unit,
          samples: app.map((s) => s[visit][key]),
          baseline: bare.map((s) => s[visit][key]),
          baselineName: 'bare',
          target,
        }),
      );
    }
  }
  const misses = [...new Set(app.flatMap((s) => [...s.first.misses, ...s.repeat.misses]))];
  const first = app[0];
  return {
    rows,
    extra: {
      lighthouseVersion: first?.first.lighthouseVersion,
      appMisses: misses,
      appShiftsFirst: first?.first.shifts,
      appShiftsRepeat: first?.repeat.shifts,
      appBootupFirst: first?.first.bootup,
      appBootupRepeat: first?.repeat.bootup,
      appLcpElementFirst: first?.first.lcpElement,
      appLcpElementRepeat: first?.repeat.lcpElement,
    },
  };
}
