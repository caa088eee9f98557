/**
 * A property test of delivery: whatever sequence of faults the reference
 * server injects, draining until idle leaves every action settled exactly
 * once on the server and nothing lost locally; the local links then match
 * the server's.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/store';
import { engineOn } from './engines';
import { activeLinks, crowd, fixture, link, manualClock, outbox } from './fixtures';
import { startReferenceServer, type Fault, type ReferenceServer } from './server/reference-server';
import { ANY_ACTOR } from './server/world';

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.constant<Fault>({ kind: 'status', status: 500 }),
  fc.constant<Fault>({ kind: 'status', status: 503 }),
  fc.constant<Fault>({ kind: 'status', status: 429, retryAfter: '1' }),
  fc.constant<Fault>({ kind: 'status', status: 400 }),
  fc.constant<Fault>({ kind: 'hang' }),
  fc.constant<Fault>({ kind: 'drop-after-apply' }),
  fc.constant<Fault>({ kind: 'duplicate' }),
  fc.constant<Fault>({ kind: 'malformed', body: '<html>' }),
  fc.constant<Fault>({ kind: 'malformed', body: '{"results":[]}' }),
);

let server: ReferenceServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('delivery converges under any faults', () => {
  it('applies each action at most once, settles every one, and agrees with the server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fault, { maxLength: 6 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (n, faults, draw) => {
          await server?.close();
          const f = await fixture();
          const people = await crowd(f.db, f.orgAId, n);
          server = await startReferenceServer({
            world: {
              organizations: await f.db.organizations.toArray(),
              accounts: await f.db.accounts.toArray(),
              profiles: await f.db.profiles.toArray(),
              associations: [],
            },
            tokens: { t: ANY_ACTOR },
          });
          await updateSettings(f.db, { remote: { kind: 'http', baseUrl: server.url, token: 't' } });
          for (const p of people) await link(f.db, p.account, p.profile);
          server.faults.push(...faults);
          const clock = manualClock();
          const engine = engineOn(
            f.db,
            { timeoutMs: 250 },
            { clock, random: () => draw, backoff: { baseMs: 10, maxMs: 100 } },
          );
          for (let round = 0; round < faults.length + 10; round += 1) {
            const report = await engine.drain(`round ${round}`);
            if (report.nextWakeAt === null) break;
            clock.set(report.nextWakeAt);
          }

          const rows = await outbox(f.db);
          // Nothing lost: every action reached a final state.
          expect(rows.map((e) => e.state).every((s) => s === 'applied' || s === 'failed')).toBe(
            true,
          );
          // Nothing twice.
          for (const count of server.applyCounts.values()) expect(count).toBe(1);
          // Applied here only if applied there. (A 400 after an unanswered
          // delivery can fail an entry the server did apply; reconciliation
          // then shows its link, which the last check below holds.)
          const serverApplied = new Set(server.applyCounts.keys());
          for (const e of rows)
            if (e.state === 'applied') expect(serverApplied.has(e.id)).toBe(true);
          expect((await activeLinks(f.db)).map((l) => l.accountId).sort()).toEqual(
            server.world.associations
              .filter((a) => a.endedOn === null)
              .map((a) => a.accountId)
              .sort(),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
