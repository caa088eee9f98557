#!/usr/bin/env node
/**
 * Prints the gzip size of what the app downloads, from dist/ and its vite
 * manifest:
 *  - first paint: the entry chunk and its static imports (the shell);
 *  - first visit: what a first visit runs before it is usable — the shell,
 *    the boot chunks main.tsx imports (data layer, worker bridge)
 *    and the screen a first visit lands on (welcome: nobody is chosen yet),
 *    each with its static imports;
 *  - precache: every JS file, which the service worker fetches in the
 *    background after the first visit so that later visits work offline;
 *  - the service worker itself.
 * With --check, exits 1 when a figure is over its budget in budgets.json.
 * With --json FILE, writes the figures there too.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { closure } from './manifest-closure.mjs';

const dist = process.env.DIST ?? 'dist';
const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry in the vite manifest');

// state/planner/start loads only for a person who opted in to reminders: not on a first visit.
// src/data-root.ts is grouped with the store's and state's first-visit modules
// into one chunk named data-root (vite.config.ts): the manifest keys that
// chunk by its name, not by the module's path.
const chunkOf = (src) =>
  manifest[src]
    ? src
    : Object.keys(manifest).find(
        (k) => k.startsWith('_') && manifest[k].name === src.replace(/^.*\/|\.tsx?$/g, ''),
      );
const BOOT = [chunkOf('src/data-root.ts'), 'src/pwa/sw-bridge.ts'];
const LANDING = ['src/ui/screens/welcome/welcome-screen.tsx'];
for (const key of [...BOOT, ...LANDING]) {
  if (!key || !manifest[key])
    throw new Error(`${key} is not a chunk any more: update scripts/size.mjs`);
}
const firstPaint = closure(manifest, [entryKey]);
const firstVisit = closure(manifest, [entryKey, ...BOOT, ...LANDING]);

const allJs = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);

const figures = {
  firstPaintJsGzip: sum(firstPaint.files),
  firstPaintCssGzip: sum(firstPaint.css),
  firstVisitJsGzip: sum(firstVisit.files),
  precacheJsGzip: sum(allJs),
  serviceWorkerGzip: gz('sw.js'),
  chunks: Object.fromEntries(allJs.map((f) => [f, gz(f)])),
  // The files behind the figures: test/e2e/first-visit.e2e.ts checks that a
  // first visit in Chromium downloads exactly firstVisitFiles.
  firstPaintFiles: [...firstPaint.files].sort(),
  firstVisitFiles: [...firstVisit.files].sort(),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const budgets = JSON.parse(readFileSync('budgets.json', 'utf8'));
const rows = [
  ['first-paint JS', figures.firstPaintJsGzip, budgets.firstPaintJsGzip],
  ['first-paint CSS', figures.firstPaintCssGzip, null],
  ['first-visit JS', figures.firstVisitJsGzip, budgets.firstVisitJsGzip],
  ['precache JS (all)', figures.precacheJsGzip, budgets.precacheJsGzip],
  ['service worker', figures.serviceWorkerGzip, budgets.serviceWorkerGzip],
];
console.log('gzip sizes of dist/ (level 9)');
for (const [name, size, budget] of rows) {
  const verdict =
    budget == null
      ? ''
      : size <= budget
        ? `  ok (budget ${kb(budget)})`
        : `  OVER budget ${kb(budget)}`;
  console.log(`  ${name.padEnd(20)} ${kb(size).padStart(9)}${verdict}`);
}
for (const [file, size] of Object.entries(figures.chunks)) {
  const tag = firstPaint.files.has(file) ? 'paint' : firstVisit.files.has(file) ? 'visit' : 'later';
  console.log(`    ${tag.padEnd(5)} ${file}  ${kb(size)}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2));
if (check) {
  const over = rows.filter(([, size, budget]) => budget != null && size > budget);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
}
