#!/usr/bin/env node
/**
 * Writes bench/README.md from bench-results/latest.json — how to run the
 * benchmarks, the machine, the latest figures and how far each target of
 * issues 8 and 17 is met — and README.md's "## Performance" section (only
 * that section is touched): a one-line summary and a link. Run after
 * `npm run bench`:
 *
 *   node scripts/bench-readme.mjs
 *   node scripts/bench-readme.mjs --from=bench-results/partial.json   (after --only / --quick)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

// `--from=bench-results/partial.json`: a partial or --quick run. Its rows replace
// those of the same sections in the current bench/README.md table, the other
// rows stay (said so under the table), and README.md's summary is left alone.
const fromArg = process.argv.find((a) => a.startsWith('--from='));
const source = fromArg ? fromArg.slice('--from='.length) : 'bench-results/latest.json';
const partial = !source.endsWith('latest.json');
const result = JSON.parse(readFileSync(source, 'utf8'));
const figures = result.figures;
const find = (section, metric) =>
  figures.find((f) => f.section.startsWith(section) && f.metric.startsWith(metric));

function fmt(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'B') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;
  if (unit === 'cls') return value.toFixed(3);
  return value.toFixed(0);
}

const newRows = figures.map((f) => {
  const base = f.baseline === null ? '—' : `${fmt(f.baseline, f.unit)} (${f.baselineName})`;
  const ratio = f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`;
  return `| ${f.section} | ${f.metric.trim()} | ${fmt(f.value, f.unit)} | ${base} | ${ratio} | ${f.runs} | ${f.target ?? ''} |`;
});

/**
 * A partial run's rows merged into the current table: each section it
 * measured takes the place of that section's old rows; the rest stay.
 */
function mergedRows() {
  const old = readFileSync('bench/README.md', 'utf8');
  const at = old.indexOf('## Latest figures');
  const lines = at === -1 ? [] : old.slice(at).split('\n');
  const table = [];
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('|')) + 2)) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  const sectionOf = (row) => row.split('|')[1].trim();
  const measured = new Set(figures.map((f) => f.section));
  const out = [];
  const placed = new Set();
  const kept = new Set();
  for (const row of table) {
    const name = sectionOf(row);
    if (!measured.has(name)) {
      out.push(row);
      kept.add(name);
    } else if (!placed.has(name)) {
      placed.add(name);
      out.push(...newRows.filter((r) => sectionOf(r) === name));
    }
  }
  out.push(...newRows.filter((r) => !placed.has(sectionOf(r))));
  const earlier = /## Latest figures\s+(\S+ \S+ UTC)/.exec(old)?.[1] ?? 'an earlier run';
  return { rows: out, kept: [...kept], earlier };
}

const merged = partial ? mergedRows() : null;
const rows = merged ? merged.rows : newRows;

/** One line per target of the issue: met or not, with the figure that decides. */
function verdicts() {
  const out = [];
  const say = (name, ok, detail) =>
    out.push(`- ${ok === null ? '❔' : ok ? '✅' : '❌'} ${name}: ${detail}`);
  for (const visit of ['first visit', 'repeat (SW)']) {
    const scores = ['Performance', 'Accessibility', 'Best Practices'].map((c) =>
      find('page load', `${visit}: ${c}`),
    );
    if (scores.every(Boolean)) {
      say(
        `Lighthouse 100/100/100, ${visit}`,
        scores.every((s) => s.value === 100),
        scores.map((s) => `${s.metric.split(': ')[1]} ${fmt(s.value, 'score')}`).join(', '),
      );
    }
    const cls = find('page load', `${visit}: CLS`);
    if (cls) say(`CLS 0, ${visit}`, cls.value === 0, `CLS ${fmt(cls.value, 'cls')}`);
  }
  const sizes = [
    ['first-paint JS ≤ 15 KB gzip', 'first-paint JS', 15 * 1024],
    ['first-visit JS ≤ 60 KB gzip', 'first-visit JS', 60 * 1024],
  ];
  for (const [name, metric, limit] of sizes) {
    const f = find('first visit', metric);
    if (f) say(name, f.value <= limit, fmt(f.value, 'B'));
  }
  const ratioTarget = (name, section, metric, limit) => {
    const f = find(section, metric);
    if (f && f.ratio !== null)
      say(name, f.ratio <= limit, `${f.ratio.toFixed(2)}× (limit ${limit}×)`);
  };
  ratioTarget('store bulk load within 1.5× raw IndexedDB', 'store', 'bulk load', 1.5);
  ratioTarget(
    'import of the large file within 1.2× raw IndexedDB (#17)',
    'store',
    'bulk load',
    1.2,
  );
  ratioTarget(
    'home with the large data set within 1.5× the bare stack (#17)',
    'start with data',
    '10k',
    1.5,
  );
  const tbt = find('page load', 'first visit: TBT');
  if (tbt) say('first visit TBT ≤ 50 ms, Lighthouse (#17)', tbt.value <= 50, fmt(tbt.value, 'ms'));
  const cpu = find('first visit, main thread', 'TBT');
  if (cpu)
    say(
      'first visit TBT ≤ 50 ms, from CPU time (#17, the load-independent control)',
      cpu.value <= 50,
      fmt(cpu.value, 'ms'),
    );
  // #17 asks for this world's figures, to show how cost grows; its limits are the bench's own.
  for (const f of figures.filter((x) => x.section.startsWith('large world') && x.target)) {
    const times = /([\d.]+)×/.exec(f.target);
    const ms = /([\d.]+) ms/.exec(f.target);
    if (times && f.ratio !== null) {
      const limit = Number(times[1]);
      say(
        `${f.section}: ${f.metric} within ${limit}× (the bench's own aim: the 10k world's limit)`,
        f.ratio <= limit,
        `${f.ratio.toFixed(2)}×`,
      );
    } else if (ms && f.value !== null) {
      say(
        `${f.section}: ${f.metric} ≤ ${ms[1]} ms`,
        f.value <= Number(ms[1]),
        `${fmt(f.value, 'ms')} (${fmt(f.baseline, 'ms')} ${f.baselineName ?? ''})`,
      );
    }
  }
  // Issue 17: the organization's screens ≤ 200 ms and ≥ 10× faster than deriving on read.
  const orgReads = figures.filter(
    (f) =>
      (f.section.startsWith('interaction') || f.section.startsWith('store')) &&
      f.baselineName === 'derive on read' &&
      f.target === '≤ 200 ms',
  );
  for (const f of orgReads) {
    const ok = f.value === null ? null : f.value <= 200 && f.ratio !== null && f.ratio <= 0.1;
    say(
      `${f.metric} ≤ 200 ms and ≥ 10× faster than derive on read (#17)`,
      ok,
      `${fmt(f.value, 'ms')} vs ${fmt(f.baseline, 'ms')} (${f.ratio === null ? '—' : `${f.ratio.toFixed(3)}×`})`,
    );
  }
  const drain = find('sync', 'drain');
  if (drain && drain.ratio !== null) {
    say(
      'drain of 1,000 actions faster than the one-request-per-action loop',
      drain.ratio < 1,
      `${fmt(drain.value, 'ms')} vs ${fmt(drain.baseline, 'ms')} (${drain.ratio.toFixed(2)}×)`,
    );
  }
  const inp = figures.filter(
    (f) => f.section.startsWith('interaction') && /INP/.test(f.metric) && f.value !== null,
  );
  if (inp.length > 0) {
    const worst = inp.reduce((a, b) => (b.value > a.value ? b : a));
    const shown = figures.filter(
      (f) => f.section.startsWith('interaction') && /shown/.test(f.metric),
    );
    const slow = shown.filter((f) => f.value >= 100);
    say(
      'every interaction under 100 ms with the large data set (INP-like)',
      inp.every((f) => f.value < 100),
      `worst ${worst.metric.replace(/: INP-like$/, '')} ${fmt(worst.value, 'ms')}` +
        (slow.length > 0
          ? `; but the result itself takes longer to show: ${slow
              .map((f) => `${f.metric.replace(/: click → shown$/, '')} ${fmt(f.value, 'ms')}`)
              .join(', ')}`
          : ''),
    );
  }
  return out;
}

const m = result.machine;
const load = (xs) => xs.map((x) => x.toFixed(1)).join(' / ');
const lh = result.extra.lighthouse;
const section = `# Performance

\`npm run bench\` runs every benchmark, prints one table and writes the figures
to \`bench-results/latest.json\` (git-ignored); \`node scripts/bench-readme.mjs\`
then rewrites this file (and the summary in the top README) from that file. It is not part of \`npm test\`:
timings are never asserted (only sizes are, by \`npm test\` through
\`scripts/size.mjs --check\` and \`budgets.json\`). Options: \`--quick\` (one run
of everything), \`--only=sizes,lighthouse,cpu,app,store,sync\`, \`--large\` (also
the 100,000-person / 1,000,000-achievement world, minutes), \`--detail\` (the
store's write alone as well), \`--with-others\` (also the store and organization
engineers' \`bench/store*.bench.*\` / \`bench/org*.bench.*\`, which run on
fake-indexeddb in Node and take minutes), \`--full\` (every run, ignoring the
time budgets). Each slow section has a time budget: another run starts only if
it should end within it, so on a busy machine a section makes fewer runs (the
\`runs\` column says how many) and the whole run stays around 12 minutes on 2
cores. The run below took ${result.durationSeconds} s.

Each figure is the median of its runs beside a baseline measured in the same
run, and their ratio (app ÷ baseline):

- **First visit** — gzip (level 9), by \`scripts/size.mjs\`: first paint (the
  shell), first visit (shell + boot chunks + the welcome screen a first visit
  lands on), precache (every script, fetched by the worker in the background),
  and the worker; against a **bare build** the benchmark makes itself with
  vite's JS API in a temp folder: preact + @preact/signals + dexie +
  workbox-window rendering one button (its label is a Dexie read), with a
  workbox precaching worker. Sizes are deterministic: one build each. The
  targets are the issue's; \`budgets.json\` holds the ceilings \`npm test\`
  checks.
- **Page load** — Lighthouse ${lh?.lighthouseVersion ?? '12'} (node API, default mobile profile:
  emulated phone, simulated slow 4G, 4× CPU slowdown) on Debian's Chromium via
  chrome-launcher, app and bare build each served by \`bench/serve.mjs\` (a
  node:http static host on 127.0.0.1 with the README's security headers and
  gzip, as a static host compresses). A
  sample is two fresh profiles: a first visit (storage reset) in one; in the
  other, the page opened until the worker controls it, then a repeat visit
  with \`disableStorageReset\` (served by the service worker). Until
  2026-12-07 night the repeat visit followed the first visit's audit in the
  same browser, whose renderer still held what the audit's accessibility
  check (axe-core) left of the page, and one task of ~100 ms ran before the
  page committed (V8 walking that heap; TBT 278–474 ms, Performance 88–94;
  without the accessibility category, or in a browser of its own: TBT
  0–75 ms, 100). Up to ${result.runs.lighthouse} samples; each is four Lighthouse runs of ~15–20 s.
- **First visit, main thread (CPU time)** — a control for Lighthouse's TBT
  that other work on the machine does not inflate: the same first visit traced
  in Chromium (playwright, fresh profile, no throttling), each main-thread
  task's thread CPU time, and Lighthouse's formula at its 4× slowdown: the sum
  over tasks after first contentful paint of max(0, 4 × CPU − 50 ms), and the
  longest such task (\`bench/main-thread.mjs\`). Same for the bare build.
- **Where IndexedDB is measured** — the sections below that use IndexedDB
  (start with data, interaction, store, large world) run each in a browser
  profile on disk (a temporary folder, \`bench/browser.mjs\` \`diskContext\`),
  as a person's browser has. An incognito context keeps IndexedDB in memory,
  and there the raw write of the large file took 82 s against 11 s on disk:
  the figures before 2026-12-07 evening were taken that way.
- **Start with data** — playwright, phone viewport: the worker installed, the
  data loaded through the store on the app's origin (a harness page built
  from \`src/store\`: \`loadDemo\`, or \`importJson\` of an export file with
  10,000 people/accounts/profiles, 9,992 links and 100,000 achievements), then
  a new page per sample: ms from navigation start to the home screen showing
  the person's data (\`[data-testid=who-name]\`, seen by a MutationObserver;
  the app's \`performance.mark('mcid:home-data')\`, set when the data is in
  the page and before its paint, as the observer sees the bare build's
  change, is used instead). Navigation served by the worker is checked. Baseline: the bare
  build, warm, until its button shows its Dexie read, in a profile of its
  own, each of its samples taken just before one of the app's (until
  2026-12-07 night, all before the app's: whatever the machine did later,
  such as a store compacting, weighed on the app alone). After the large
  import, the samples wait 15 s (\`SETTLE_MS\`): the profile's IndexedDB
  (LevelDB) compacts what was just written for seconds, and a returning
  visit comes later than that (on 2026-12-07, home took ~300 ms in the first
  3 s after the import and ~140 ms from ~8 s on). Samples taken in those
  first seconds are reported on their own row, without a target; until
  2026-12-07 evening they were the figure. The settled figure takes 15
  alternated pairs (5 until 2026-12-08: either median then moved ~20 ms from
  run to run, more than the difference it is there to show).
- **Store** — in Chromium's real IndexedDB (the harness page): \`importJson\` of
  the large file into a fresh database vs the file's rows written with
  \`IDBObjectStore.add\` in one raw transaction (same object stores and
  indexes), each load in a browser context of its own: an origin's
  databases share one IndexedDB backing store, and a load right after
  another one's database was deleted paid for cleaning up after it. The baseline writes the file's rows only; the store also derives
  and writes what the organization's screens read (issue 17: the report's
  100,000 rows grouped in one record per credit day, schema v7; the counts
  per credit and removal day; a users row per account, cut into leaves of
  about 32 rows, and a directory of the leaves per organization). Then, on that
  database, the organization's reads: the first page (50 rows, default
  query) of the users list (\`orgUsersPage\`) and of the skills report
  (\`orgReportPage\`), the report's first page sorted by name (not the
  days' order: the first read reads every day and sorts in memory; the
  timed runs come after a warm-up, so they show the kept copy: the days'
  revisions read, the page taken from the sorted copy — a cold read is not
  timed here), and the whole report as CSV text
  (\`orgReportChunks\` + the CSV of the export), each vs **derive on read**:
  the reads as they were before issue 17 (\`bench/derive-on-read.mjs\`, the
  old \`orgUsers\` / \`orgSkillsReport\`: the whole organization derived by
  the rules on every read) followed by the old screen's query up to its
  first page (or the same CSV).
- **Sync** — \`bench/sync-bench.bench.mjs\` (sync engineer: engine drain of
  1,000 queued actions against the loopback reference server, and a bare
  fetch of the same requests: 10 action POSTs + 10 batch state reads) and
  \`bench/sync-per-action.bench.mjs\` (the bare one-POST-per-action loop), in
  Node with fake-indexeddb; up to ${result.runs.sync} runs (a sample is a whole drain).
- **Interaction** — with the large data set: Event Timing entries
  (\`PerformanceObserver\` type \`event\`, threshold 16 ms, durations rounded to
  8 ms by the browser) of the click's interaction = the INP-like latency (the
  next paint after the click; under 16 ms a rAF-then-task estimate), and the
  time from the click until the result is on screen. Flows: link (check, then
  confirm), open the organization (users), open the skills report tab.
  Baseline of the INP-like latency: a click on the bare build's button; of
  the organization's "click → shown": derive on read (as in Store), timed in
  the harness page on the app's own database in the same run.
- **Large world** (\`--large\`, \`bench/large.mjs\`) — 100,000 people/accounts/
  profiles and 1,000,000 achievements in one organization, made by a chunk
  generator (\`bench/dataset.mjs\` \`worldChunks\`) and written as it streams,
  as the import writes (chunked \`bulkAdd\`, transactions marked
  \`callerWritesDerived\`, progress counted), in batches of 5,000 people with all
  their rows, a transaction each (one transaction of a million rows did not
  finish in 30 minutes in memory, raw or not; the raw baseline commits per batch alike); their derived rows (the store's \`derivedRows\`) are written
  every 50,000 people (a credit day's rows are gathered over the batches and
  sorted once per write; a day already written is read and merged; the
  counts are summed over the batches and written at the end), vs raw
  \`IDBObjectStore.add\` of the same stream's rows (its export would be
  ~300 MB, over the import's 64 MB limit); then, 30 s later (its store
  compacts for longer), home from the worker vs the bare build (samples
  alternating, as above), home's read (\`myView\`) of one person vs raw index reads of
  the same rows, and the organization's first users page and report page vs
  the same reads on a 10,000-person world written the same way (the cost
  should barely grow with the organization).

## Latest figures

${result.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB,
${m.chromium}, Node ${m.node}. Load average before/after the run:
${load(result.loadAverageBefore)} — after: ${load(result.loadAverageAfter)}${result.loadAverageBefore[0] > m.nproc ? ' (the 1-minute load was above the core count when the run started, so absolute times may be inflated; the ratios, measured side by side, are the figures to read)' : ''}.

${
  merged
    ? `This was a partial run (\`${source}\`: ${[...new Set(figures.map((f) => f.section))].join(', ')}${result.runs?.bulk === 1 ? '; --quick, one run each' : ''}).${merged.kept.length > 0 ? ` The rows of ${merged.kept.join(', ')} are from the run of ${merged.earlier}.` : ''}
`
    : ''
}
| section | figure | median | baseline | ratio | runs | target |
|---|---|---|---|---|---|---|
${rows.join('\n')}
${
  lh
    ? `
What kept Lighthouse under 100: ${lh.appMisses.length > 0 ? lh.appMisses.map((x) => `\`${x}\``).join(', ') : 'nothing'}.
Layout shifts (first visit): ${lh.appShiftsFirst?.length ? lh.appShiftsFirst.map((x) => `\`${x}\``).join(', ') : 'none'}.
Main-thread time by script (repeat visit): ${lh.appBootupRepeat?.length ? lh.appBootupRepeat.map((x) => `\`${x}\``).join(', ') : '—'}.
`
    : ''
}
## Targets of issues 8 and 17
${merged ? '\nFrom the figures of the partial run only.\n' : ''}
${verdicts().join('\n')}
`;

/** README's one-line summary: the figures of issue 17's page-load and import targets. */
function summary() {
  const pick = (section, metric) => find(section, metric);
  const parts = [];
  const perf = pick('page load', 'first visit: Performance');
  const tbt = pick('page load', 'first visit: TBT');
  const cpu = pick('first visit, main thread', 'TBT');
  if (perf) parts.push(`first visit Lighthouse Performance ${fmt(perf.value, 'score')}`);
  if (tbt) parts.push(`TBT ${fmt(tbt.value, 'ms')} (bare ${fmt(tbt.baseline, 'ms')})`);
  if (cpu) parts.push(`TBT from CPU time ${fmt(cpu.value, 'ms')}`);
  const home = pick('start with data', '10k');
  if (home?.ratio)
    parts.push(`home with 100k achievements ${home.ratio.toFixed(2)}× the bare stack`);
  const bulk = pick('store', 'bulk load');
  if (bulk?.ratio) parts.push(`import ${bulk.ratio.toFixed(2)}× raw IndexedDB`);
  return parts.join(', ');
}

const options = (await prettier.resolveConfig('bench/README.md')) ?? {};
writeFileSync(
  'bench/README.md',
  await prettier.format(section, { ...options, parser: 'markdown', filepath: 'bench/README.md' }),
);
if (partial) {
  console.log(`bench/README.md written from ${source} (partial run); README.md left alone`);
  process.exit(0);
}
const short = `## Performance

\`npm run bench\` measures every target beside its baseline in the same run;
the table, the method and each target's verdict are in
[bench/README.md](bench/README.md). Latest run (${result.date.slice(0, 16).replace('T', ' ')} UTC, load
average ${result.loadAverageBefore[0].toFixed(1)} on ${m.nproc} cores${result.loadAverageBefore[0] > m.nproc ? ', above the core count: wall-clock times may be inflated, Lighthouse most of all; the CPU-time control is not' : ''}): ${summary()}.
`;
const formatted = await prettier.format(short, {
  ...((await prettier.resolveConfig('README.md')) ?? {}),
  parser: 'markdown',
  filepath: 'README.md',
});
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('\n## Performance\n');
let next = start === -1 ? -1 : readme.indexOf('\n## ', start + 1);
if (next === -1) next = readme.length;
const updated =
  start === -1
    ? `${readme.trimEnd()}\n\n${formatted}`
    : `${readme.slice(0, start + 1)}${formatted}${readme.slice(next)}`;
writeFileSync('README.md', updated.endsWith('\n') ? updated : `${updated}\n`);
console.log('bench/README.md written; README.md: Performance summary written');
