#!/usr/bin/env node
/**
 * Prints the gzip size of what a first visit downloads, from dist/:
 *  - first paint: the entry chunk, its static imports, and the CSS;
 *  - first visit: every JS file (the service worker precaches them all);
 *  - the service worker.
 * With --check, exits 1 when a figure is over its budget in budgets.json.
 * With --json FILE, writes the figures there too.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.DIST ?? 'dist';
const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('no entry in the vite manifest');
const firstPaint = new Set();
const css = new Set();
(function walk(key) {
  const chunk = manifest[key];
  if (!chunk || firstPaint.has(chunk.file)) return;
  firstPaint.add(chunk.file);
  for (const c of chunk.css ?? []) css.add(c);
  for (const imp of chunk.imports ?? []) walk(imp);
})(entryKey);

const allJs = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);

const figures = {
  firstPaintJsGzip: sum(firstPaint),
  firstPaintCssGzip: sum(css),
  firstVisitJsGzip: sum(allJs),
  serviceWorkerGzip: gz('sw.js'),
  chunks: Object.fromEntries(allJs.map((f) => [f, gz(f)])),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const budgets = JSON.parse(readFileSync('budgets.json', 'utf8'));
const rows = [
  ['first-paint JS', figures.firstPaintJsGzip, budgets.firstPaintJsGzip],
  ['first-paint CSS', figures.firstPaintCssGzip, null],
  ['all first-visit JS', figures.firstVisitJsGzip, budgets.firstVisitJsGzip],
  ['service worker', figures.serviceWorkerGzip, budgets.serviceWorkerGzip],
];
console.log('gzip sizes of dist/ (level 9)');
for (const [name, size, budget] of rows) {
  const verdict = budget == null ? '' : size <= budget ? `  ok (budget ${kb(budget)})` : `  OVER budget ${kb(budget)}`;
  console.log(`  ${name.padEnd(20)} ${kb(size).padStart(9)}${verdict}`);
}
for (const [file, size] of Object.entries(figures.chunks)) console.log(`    ${file}  ${kb(size)}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2));
if (check) {
  const over = rows.filter(([, size, budget]) => budget != null && size > budget);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
}
