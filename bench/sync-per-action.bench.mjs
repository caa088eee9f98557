/**
 * Beside bench/sync-bench.bench.mjs (the sync engineer's): the bare
 * ONE-REQUEST-PER-ACTION loop the target names — 1,000 POSTs of one
 * action each to the loopback reference server — so the engine's batched
 * drain can be compared with it. The world is sync-bench's (bench/sync-world.mjs),
 * built in `setup`, outside the measured time.
 *
 *   npx vitest bench --run bench/sync-per-action.bench.mjs
 */
import { afterAll, bench, describe } from 'vitest';
import { toWire } from '../src/sync';
import { queuedWorld } from './sync-world.mjs';

const N = 1_000;
const NAME = 'bare fetch: 1,000 POSTs of one action each';
let measured = null;
/** @type {(() => Promise<void>) | null} */
let prepared = null;

describe('sync: one request per action', () => {
  bench(
    NAME,
    async () => {
      if (!prepared) throw new Error('not prepared');
      const current = prepared;
      prepared = null;
      await current();
    },
    {
      iterations: 1,
      time: 0,
      warmupIterations: 0,
      warmupTime: 0,
      setup: async (_task, mode) => {
        if (mode !== 'run') return;
        const { entries, server } = await queuedWorld(N);
        const wire = entries.map(toWire);
        prepared = async () => {
          const start = performance.now();
          try {
            for (const action of wire) {
              const res = await fetch(`${server.url}/link-actions`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench' },
                body: JSON.stringify({ actions: [action] }),
              });
              const body = await res.json();
              if (body.results?.[0]?.status !== 'applied') throw new Error('not applied');
            }
            measured = performance.now() - start;
          } finally {
            await server.close();
          }
        };
      },
    },
  );
});

afterAll(() => {
  if (measured !== null) console.log(`\n${NAME.padEnd(52)}${measured.toFixed(0).padStart(7)} ms\n`);
});
