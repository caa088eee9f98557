/**
 * First visit: gzip bytes (level 9) of what a first visit downloads. The
 * app is measured by scripts/size.mjs (which knows the app's boot chunks and
 * landing screen); the bare build, which has no lazy chunks, is measured here
 * the same way: its entry and static imports are first paint and first visit
 * alike. Sizes are deterministic: one build of each, no median needed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure } from './stats.mjs';
import { closure } from '../scripts/manifest-closure.mjs';

const ROOT = resolve(import.meta.dirname, '..');

const gz = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

function assets(dist, ext) {
  return readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith(ext))
    .map((f) => `assets/${f}`);
}

/** The app, by scripts/size.mjs. */
function measureApp(dist, jsonFile) {
  execFileSync(process.execPath, [join(ROOT, 'scripts/size.mjs'), '--json', jsonFile], {
    cwd: ROOT,
    env: { ...process.env, DIST: dist },
    stdio: 'ignore',
  });
  return JSON.parse(readFileSync(jsonFile, 'utf8'));
}

/** The bare build: the entry chunk's closure from the vite manifest. */
function measureBare(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const { files, css } = closure(
    manifest,
    Object.keys(manifest).filter((k) => manifest[k].isEntry),
  );
  const sum = (list) => [...list].reduce((n, f) => n + gz(dist, f), 0);
  const entry = sum(files);
  return {
    firstPaintJsGzip: entry,
    firstPaintCssGzip: sum(css),
    firstVisitJsGzip: entry,
    precacheJsGzip: sum(assets(dist, '.js')),
    serviceWorkerGzip: gz(dist, 'sw.js'),
  };
}

export async function firstVisit({ dirs, tmp }) {
  const allCss = (dist) => assets(dist, '.css').reduce((n, f) => n + gz(dist, f), 0);
  const app = { ...measureApp(dirs.app, join(tmp, 'size-app.json')), allCssGzip: allCss(dirs.app) };
  const bare = { ...measureBare(dirs.bare), allCssGzip: allCss(dirs.bare) };
  const budgets = JSON.parse(readFileSync(join(ROOT, 'budgets.json'), 'utf8'));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
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
  // Targets: the (15 KB first paint, 60 KB first visit); the ceilings of budgets.json beside.
  const ceiling = (key) => (budgets[key] ? ` (ceiling ${kb(budgets[key])})` : '');
  return [
    row('first-paint JS', 'firstPaintJsGzip', `≤ 15 KB${ceiling('firstPaintJsGzip')}`),
    row('first-paint CSS', 'firstPaintCssGzip'),
    row('first-visit JS', 'firstVisitJsGzip', `≤ 60 KB${ceiling('firstVisitJsGzip')}`),
    row('precache JS (all)', 'precacheJsGzip', ceiling('precacheJsGzip').trim()),
    row('all CSS', 'allCssGzip'),
    row('service worker', 'serviceWorkerGzip', ceiling('serviceWorkerGzip').trim()),
  ];
}
