/**
 * Beside bench/sync-bench.bench.mjs (the sync engineer's): the bare
 * ONE-REQUEST-PER-ACTION loop the target names — 1,000 POSTs of one
 * action each to the loopback reference server — so the engine's batched
 * drain can be compared with it. The world is built as in sync-bench, in
 * `setup`, outside the measured time.
 *
 *   npx vitest bench --run bench/sync-per-action.bench.mjs
 */
import { afterAll, bench, describe } from 'vitest';
import { toWire } from '../src/sync';
import { crowd, fixture, link, T0 } from '../test/sync/fixtures';
import { startReferenceServer } from '../test/sync/server/reference-server';
import { ANY_ACTOR } from '../test/sync/server/world';

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
        const f = await fixture();
        const people = await crowd(f.db, f.orgAId, N);
        const entries = [];
        for (const p of people) entries.push(await link(f.db, p.account, p.profile));
        const server = await startReferenceServer({
          world: {
            organizations: await f.db.organizations.toArray(),
            accounts: await f.db.accounts.toArray(),
            profiles: await f.db.profiles.toArray(),
            associations: [],
          },
          tokens: { bench: ANY_ACTOR },
          now: () => new Date(T0),
        });
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
