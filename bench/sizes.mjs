/**
 * First visit: gzip bytes of what a first visit downloads (scripts/size.mjs
 * measures them) for the app and for the bare build. Sizes are deterministic:
 * one build of each, no median needed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');

function measure(dist, jsonFile) {
  execFileSync(process.execPath, [join(ROOT, 'scripts/size.mjs'), '--json', jsonFile], {
    cwd: ROOT,
    env: { ...process.env, DIST: dist },
    stdio: 'ignore',
  });
  const sizes = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const css = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.css'))
    .reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  return { ...sizes, allCssGzip: css };
}

export async function firstVisit({ dirs, tmp }) {
  const app = measure(dirs.app, join(tmp, 'size-app.json'));
  const bare = measure(dirs.bare, join(tmp, 'size-bare.json'));
  const budgets = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8'));
  const kb = (n) => `≤ ${(n / 1024).toFixed(0)} KB`;
  const row = (metric, key, target) =>
    figure({
      section: 'first visit',
      metric,
      unit: 'B',
      samples: [app[key]],
      baseline: [bare[key]],
      baselineName: 'bare',
      target,
    });
  return [
    row('first-paint JS (gzip)', 'firstPaintJsGzip', kb(budgets.firstPaintJsGzip)),
    row('first-paint CSS (gzip)', 'firstPaintCssGzip'),
    row('all first-visit JS (gzip)', 'firstVisitJsGzip', kb(budgets.firstVisitJsGzip)),
    row('all CSS (gzip)', 'allCssGzip'),
    row('service worker (gzip)', 'serviceWorkerGzip', kb(budgets.serviceWorkerGzip)),
  ];
}
