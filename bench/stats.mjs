/** Medians, rows and the one table `npm run bench` prints. */

export function median(values) {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * One figure of the table: the median of `samples` beside the median of the
 * baseline's samples (measured in the same run), and their ratio.
 * @param {{ section: string, metric: string, unit: string, samples: number[],
 *   baseline?: number[] | null, baselineName?: string, target?: string, note?: string }} f
 */
export function figure(f) {
  const value = median(f.samples);
  const base = f.baseline ? median(f.baseline) : null;
  return {
    section: f.section,
    metric: f.metric,
    unit: f.unit,
    value,
    baseline: base,
    baselineName: f.baselineName ?? null,
    ratio: value !== null && base !== null && base !== 0 ? value / base : null,
    runs: f.samples.length,
    samples: f.samples,
    baselineSamples: f.baseline ?? null,
    target: f.target ?? null,
    note: f.note ?? null,
  };
}

function fmt(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'B') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;
  if (unit === 'score') return value.toFixed(0);
  if (unit === 'cls') return value.toFixed(3);
  return String(value);
}

/** The one table: section, figure, median, baseline, ratio, runs, target. */
export function table(figures) {
  const head = ['section', 'figure', 'median', 'baseline', 'ratio', 'runs', 'target'];
  const rows = figures.map((f) => [
    f.section,
    f.metric,
    fmt(f.value, f.unit),
    f.baseline === null ? '—' : `${fmt(f.baseline, f.unit)} (${f.baselineName ?? 'base'})`,
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`,
    String(f.runs),
    f.target ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Runs `task` up to `runs` times, but starts another run only if the one
 * before suggests it ends within `budgetMs` of the first start (at least one
 * run always). On a busy machine a section then makes fewer runs — the table
 * says how many — and the whole benchmark still ends in time.
 * @template T
 * @param {{ runs: number, budgetMs: number, label: string, log: (m: string) => void }} o
 * @param {(i: number) => Promise<T>} task
 * @returns {Promise<T[]>}
 */
export async function repeat({ runs, budgetMs, label, log }, task) {
  const start = Date.now();
  const out = [];
  let last = 0;
  for (let i = 0; i < runs; i++) {
    const elapsed = Date.now() - start;
    if (i > 0 && elapsed + last > budgetMs) {
      log(`${label}: ${i} of ${runs} runs (time budget ${Math.round(budgetMs / 1000)} s)`);
      break;
    }
    log(`${label} ${i + 1}/${runs}`);
    const t0 = Date.now();
    out.push(await task(i));
    last = Date.now() - t0;
  }
  return out;
}
