/**
 * Sync: the sync engineer's bench/sync-bench.bench.mjs (vitest bench) drains
 * 1,000 queued actions against the loopback reference server and sends the
 * same requests with a bare fetch loop. One vitest run is one sample of
 * each (a sample is a whole 1,000-action drain), so it runs `runs` times
 * and the medians are taken here. bench/sync-per-action.bench.mjs adds the
 * loop the target names: one POST per action, no batching.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { figure, repeat } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

const LINES = {
  engine: /engine: drain 1,000 queued actions\s+(\d+) ms/,
  bare: /bare fetch: the same 10 POSTs \+ 10 state reads\s+(\d+) ms/,
  posts: /bare fetch: the 10 POSTs only\s+(\d+) ms/,
  perAction: /bare fetch: 1,000 POSTs of one action each\s+(\d+) ms/,
};

async function once() {
  const { stdout } = await run(
    'npx',
    [
      'vitest',
      'bench',
      '--run',
      '--fileParallelism=false',
      'bench/sync-bench.bench.mjs',
      'bench/sync-per-action.bench.mjs',
    ],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const out = {};
  for (const [key, re] of Object.entries(LINES)) {
    const m = re.exec(stdout);
    if (!m) throw new Error(`sync bench: no "${key}" line in its output`);
    out[key] = Number(m[1]);
  }
  return out;
}

export async function syncDrain({ runs, budgetMs, log }) {
  const samples = await repeat({ runs, budgetMs, label: 'sync', log }, once);
  const section = 'sync (loopback HTTP)';
  const engine = samples.map((s) => s.engine);
  return {
    rows: [
      figure({
        section,
        metric: 'drain 1,000 queued actions',
        unit: 'ms',
        samples: engine,
        baseline: samples.map((s) => s.perAction),
        baselineName: 'bare 1 POST/action',
        target: '< 1× (faster)',
      }),
      figure({
        section,
        metric: '  vs bare fetch of its own requests',
        unit: 'ms',
        samples: engine,
        baseline: samples.map((s) => s.bare),
        baselineName: 'bare 10 POSTs+10 state reads',
      }),
      figure({
        section,
        metric: '  vs the 10 batch POSTs alone',
        unit: 'ms',
        samples: engine,
        baseline: samples.map((s) => s.posts),
        baselineName: 'bare fetch, 10 POSTs',
      }),
    ],
    extra: {},
  };
}
