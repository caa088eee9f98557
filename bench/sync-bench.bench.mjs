/**
 * Benchmark (not a timed test): 1,000 queued link actions drained by the sync
 * engine against the loopback reference server, and the same HTTP requests
 * sent by a bare `fetch` loop. Prints both and their ratio.
 *
 *   npx vitest bench --run bench/sync-bench.bench.mjs
 *
 * "The same requests" are what a drain sends: 10 POSTs of 100 actions, then
 * the batch state reads of the reconciliation for the 1,000 accounts it
 * touched (one person each): 10 `POST …/accounts/state` of 100 accounts.
 * A third line shows the 10 action POSTs alone. Each run gets a
 * fresh database and server in `setup`, outside the measured time; one
 * sample per variant, because a sample is a whole 1,000-action drain.
 */
import { afterAll, bench, describe } from 'vitest';
import { updateSettings } from '../src/store';
import {
  createInProcessLock,
  createSyncEngine,
  openPartnerCenter,
  remoteFor,
  toWire,
} from '../src/sync';
import { T0 } from '../test/sync/fixtures';
import { queuedWorld } from './sync-world.mjs';

const N = 1_000;
const BATCH = 100;
const measured = new Map();
/** @type {{ run: () => Promise<void> } | null} */
let prepared = null;

function headers() {
  return { 'Content-Type': 'application/json', Authorization: 'Bearer bench' };
}

async function timed(name, run) {
  const start = performance.now();
  await run();
  measured.set(name, performance.now() - start);
}

// Declared `async` on purpose: tinybench calls a plain function once just to
// see whether it returns a promise, which would drain the prepared outbox early.
async function run() {
  if (!prepared) throw new Error('not prepared');
  const current = prepared;
  prepared = null;
  await current.run();
}

const ENGINE = 'engine: drain 1,000 queued actions';
const BARE = 'bare fetch: the same 10 POSTs + 10 state reads';
const BARE_POSTS = 'bare fetch: the 10 POSTs only';
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

describe('sync: 1,000 actions over loopback HTTP', () => {
  bench(ENGINE, run, {
    ...once,
    setup: async (_task, mode) => {
      if (mode !== 'run') return;
      const { f, server } = await queuedWorld(N);
      await updateSettings(f.db, {
        remote: { kind: 'http', baseUrl: server.url, token: 'bench' },
      });
      const engine = createSyncEngine({
        db: f.db,
        getRemote: remoteFor({ app: f.db, pc: openPartnerCenter('bench-pc'), now: () => T0 }),
        lock: createInProcessLock(),
        clock: { now: () => T0 },
        random: Math.random,
      });
      prepared = {
        run: () =>
          timed(ENGINE, async () => {
            const report = await engine.drain('bench');
            if (report.applied !== N || report.reconciled !== N)
              throw new Error(`applied ${report.applied} of ${N}: ${JSON.stringify(report)}`);
          }).finally(() => server.close()),
      };
    },
  });

  for (const [name, withStates] of [
    [BARE, true],
    [BARE_POSTS, false],
  ]) {
    bench(name, run, {
      ...once,
      setup: async (_task, mode) => {
        if (mode !== 'run') return;
        const { entries, people, server } = await queuedWorld(N);
        const wire = entries.map(toWire);
        prepared = {
          run: () =>
            timed(name, async () => {
              for (let i = 0; i < wire.length; i += BATCH) {
                const res = await fetch(`${server.url}/link-actions`, {
                  method: 'POST',
                  headers: headers(),
                  body: JSON.stringify({ actions: wire.slice(i, i + BATCH) }),
                });
                await res.json();
              }
              if (!withStates) return;
              const ids = people.map((p) => p.account.id);
              for (let i = 0; i < ids.length; i += BATCH) {
                const res = await fetch(`${server.url}/accounts/state`, {
                  method: 'POST',
                  headers: headers(),
                  body: JSON.stringify({ accountIds: ids.slice(i, i + BATCH) }),
                });
                await res.json();
              }
            }).finally(() => server.close()),
        };
      },
    });
  }
});

afterAll(() => {
  const engine = measured.get(ENGINE);
  const bare = measured.get(BARE);
  const posts = measured.get(BARE_POSTS);
  if (engine === undefined || bare === undefined || posts === undefined) return;
  const ms = (n) => `${n.toFixed(0).padStart(7)} ms`;
  console.log(
    [
      '',
      `${ENGINE.padEnd(52)}${ms(engine)}`,
      `${BARE.padEnd(52)}${ms(bare)}`,
      `${BARE_POSTS.padEnd(52)}${ms(posts)}`,
      `ratio engine / bare (same requests): ${(engine / bare).toFixed(2)}`,
      `ratio engine / bare POSTs only:      ${(engine / posts).toFixed(2)}`,
      '',
    ].join('\n'),
  );
});
