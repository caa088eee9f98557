/**
 * The batch state read (`POST {base}/accounts/state`) against the reference
 * server on loopback: chunking at 100, a wrong answer retried and never
 * applied, and the fallback to the per-account GET for a server without it.
 */
import { describe, expect, it } from 'vitest';
import { updateSettings, type AppDb } from '../../src/store';
import { createHttpRemote, type FetchLike, type SyncEngine } from '../../src/sync';
import { activeLinks, crowd, fixture, link, T0, T30, TODAY, type SyncFixture } from './fixtures';
import { engineOn } from './engines';
import { fixtureServers, type ServerOptions } from './server/for-fixture';
import { type ReferenceServer } from './server/reference-server';
import { ANY_ACTOR } from './server/world';

const startServer = fixtureServers();

function serverFor(db: AppDb, extra: Partial<ServerOptions> = {}): Promise<ReferenceServer> {
  return startServer(db, { tokens: { svc: ANY_ACTOR }, ...extra });
}

interface Rig {
  f: SyncFixture;
  server: ReferenceServer;
  engine: SyncEngine;
  warnings: string[];
}

async function rig(
  extra: Partial<ServerOptions> = {},
  fetch?: FetchLike,
  people = 0,
): Promise<Rig & { people: Awaited<ReturnType<typeof crowd>> }> {
  const f = await fixture();
  const crowdOf = people > 0 ? await crowd(f.db, f.orgAId, people) : [];
  const server = await serverFor(f.db, extra);
  await updateSettings(f.db, { remote: { kind: 'http', baseUrl: server.url, token: 'svc' } });
  const warnings: string[] = [];
  const engine = engineOn(
    f.db,
    { timeoutMs: 1_000, ...(fetch ? { fetch } : {}) },
    {
      log: (level, message) => {
        if (level !== 'info') warnings.push(message);
      },
    },
  );
  return { f, server, engine, warnings, people: crowdOf };
}

/** Ann's link, applied on the server and settled here; then ended on the server (another device). */
async function endedElsewhere({ f, server, engine }: Rig): Promise<void> {
  await link(f.db, f.annA, f.learn);
  expect(await engine.drain('link')).toMatchObject({ applied: 1, reconciled: 1 });
  const row = server.world.associations.find((a) => a.accountId === f.annA.id);
  if (!row) throw new Error('the server has no link');
  Object.assign(row, { endedOn: '2026-11-26', endReason: 'unlinked' });
}

/**
 * Ann's link ended on another device (the server moves to T30), then her next
 * start, 30 days on (her cool-off), is queued: the action whose drain reconciles A.
 */
async function endedThenNextStart(): Promise<Rig> {
  let at = T0;
  const r = await rig({ now: () => new Date(at) });
  await endedElsewhere(r);
  at = T30;
  await link(r.f.db, r.f.annA, r.f.annPu, T30);
  return r;
}

/** A state answer as a server writes it, as of T0. */
const wireState = (accountId: string | undefined, associations: object[] = []) => ({
  accountId,
  asOf: new Date(T0).toISOString(),
  associations,
  nextAssociationOn: {},
});

/** A malformed answer for Ann's account in A: dates that do not exist. */
const annBadDate = ({ f }: Rig) => ({
  kind: 'malformed' as const,
  body: JSON.stringify({
    states: [
      wireState(f.annA.id, [
        {
          profileId: f.learn.id,
          accountId: f.annA.id,
          startedOn: '2026-02-30',
          endedOn: '2026-02-31',
        },
      ]),
    ],
  }),
});

describe('batch state read against the reference server', { timeout: 60_000 }, () => {
  it.each([
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])(
    'reconciles a drain of %i accounts with ceil(N/100) state requests and no GET',
    async (n, sizes) => {
      const r = await rig({}, undefined, n);
      for (const p of r.people) await link(r.f.db, p.account, p.profile);

      const report = await r.engine.drain('test');

      expect(report).toMatchObject({ applied: n, reconciled: n, outcome: 'idle' });
      expect(r.server.stateBatchRequests).toBe(Math.ceil(n / 100));
      expect(r.server.stateRequests).toBe(Math.ceil(n / 100));
      expect(r.server.stateGetRequests).toBe(0);
      expect(r.server.stateBatches.map((b) => b.length).sort((a, b) => b - a)).toEqual(sizes);
      expect(new Set(r.server.stateBatches.flat()).size).toBe(n);
      expect(await activeLinks(r.f.db)).toHaveLength(n);
    },
  );

  it('answers each account asked with what the per-account GET answers, in the order asked', async () => {
    const r = await rig({}, undefined, 3);
    for (const p of r.people) await link(r.f.db, p.account, p.profile);
    await r.engine.drain('test');
    const remote = createHttpRemote({ baseUrl: r.server.url, token: 'svc' });
    const ids = [r.people[2], r.people[0], r.people[1]].map((p) => p?.account.id ?? '');
    ids.push(r.f.annA.id);

    const states = await remote.states?.(ids);

    const one = await Promise.all(ids.map((id) => remote.state(id)));
    expect(states).toEqual(one);
    expect(states?.[0]?.associations).toHaveLength(1);
  });

  it('settles the remote state: a link ended on another device ends here', async () => {
    const r = await endedThenNextStart();

    const report = await r.engine.drain('test');

    expect(report).toMatchObject({ applied: 1, reconciled: 1 });
    const learn = (await r.f.db.associations.toArray()).find((a) => a.profileId === r.f.learn.id);
    expect(learn).toMatchObject({ endedOn: '2026-11-26', endReason: 'unlinked' });
    expect(r.server.stateGetRequests).toBe(0);
  });

  it('retries a malformed answer once, never applies it, and applies the good one', async () => {
    const r = await endedThenNextStart();
    r.server.stateFaults.push(annBadDate(r));
    const before = r.server.stateBatchRequests;

    const report = await r.engine.drain('test');

    expect(r.server.stateBatchRequests - before).toBe(2);
    expect(report.reconciled).toBe(1);
    const rows = await r.f.db.associations.where('accountId').equals(r.f.annA.id).toArray();
    expect(rows.map((a) => a.startedOn).sort()).toEqual([TODAY, '2026-12-25']);
    expect(rows.find((a) => a.profileId === r.f.learn.id)?.endedOn).toBe('2026-11-26');
  });

  it('applies nothing of an answer malformed twice, and reconciles the account on the next drain', async () => {
    const r = await endedThenNextStart();
    r.server.stateFaults.push(annBadDate(r), annBadDate(r));

    const first = await r.engine.drain('test');

    expect(first).toMatchObject({ applied: 1, reconciled: 0 });
    expect(r.warnings.some((w) => w.includes('could not fetch the state'))).toBe(true);
    const learn = async () =>
      (await r.f.db.associations.toArray()).find((a) => a.profileId === r.f.learn.id);
    // Neither the bad answer nor (for want of a good one) the server's end is applied.
    expect(await learn()).toMatchObject({ startedOn: TODAY, endedOn: null });
    expect(await r.f.db.associations.count()).toBe(2);

    const second = await r.engine.drain('timer');

    expect(second).toMatchObject({ sent: 0, reconciled: 1 });
    expect(await learn()).toMatchObject({ endedOn: '2026-11-26', endReason: 'unlinked' });
    expect(await r.f.db.associations.count()).toBe(2);
  });

  it('reconciles an account a drain could not read on the next drain of another engine (the worker restarted)', async () => {
    // Ann's next start is the action whose drain cannot read A.
    const r = await endedThenNextStart();
    r.server.stateFaults.push(annBadDate(r), annBadDate(r));
    expect(await r.engine.drain('test')).toMatchObject({ applied: 1, reconciled: 0 });

    // The worker that drained was stopped; its successor (or a page) drains next.
    const next = engineOn(r.f.db);

    expect(await next.drain('worker-start')).toMatchObject({ sent: 0, reconciled: 1 });
    const learn = (await r.f.db.associations.toArray()).find((a) => a.profileId === r.f.learn.id);
    expect(learn).toMatchObject({ endedOn: '2026-11-26', endReason: 'unlinked' });
    // Read once: the drain after it has nothing left to reconcile.
    expect(await next.drain('timer')).toMatchObject({ sent: 0, reconciled: 0 });
  });

  it('refuses an answer with a state for an account not asked for, and applies none of it', async () => {
    const r = await rig();
    await link(r.f.db, r.f.benB, r.f.pu);
    expect(await r.engine.drain('setup')).toMatchObject({ applied: 1, reconciled: 1 });
    await link(r.f.db, r.f.annA, r.f.learn);
    const intruder = JSON.stringify({
      states: [
        wireState(r.f.annA.id, [
          { profileId: r.f.learn.id, accountId: r.f.annA.id, startedOn: TODAY },
        ]),
        // Not asked: it would end Ben's link in company B if it were applied.
        wireState(r.f.benB.id),
      ],
    });
    r.server.stateFaults.push(
      { kind: 'malformed', body: intruder },
      { kind: 'malformed', body: intruder },
    );

    const report = await r.engine.drain('test');

    expect(report).toMatchObject({ applied: 1, reconciled: 0 });
    expect(r.server.stateBatches.at(-1)).toEqual([r.f.annA.id]);
    const inB = (await activeLinks(r.f.db)).filter((a) => a.accountId === r.f.benB.id);
    expect(inB).toHaveLength(1);

    const remote = createHttpRemote({ baseUrl: r.server.url, token: 'svc' });
    r.server.stateFaults.push({ kind: 'malformed', body: intruder });
    await expect(remote.states?.([r.f.annA.id])).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/not asked/) as unknown,
    });
  });

  it('refuses an answer that leaves out an account asked or names one twice', async () => {
    const r = await rig({}, undefined, 2);
    const [p0, p1] = r.people.map((p) => p.account.id);
    const remote = createHttpRemote({ baseUrl: r.server.url, token: 'svc' });
    for (const states of [[wireState(p0)], [wireState(p0), wireState(p0), wireState(p1)]]) {
      r.server.stateFaults.push({ kind: 'malformed', body: JSON.stringify({ states }) });
      await expect(remote.states?.([p0 ?? '', p1 ?? ''])).rejects.toMatchObject({
        kind: 'malformed',
      });
    }
  });

  it('asks at most 100 accounts a request', async () => {
    const remote = createHttpRemote({ baseUrl: 'http://127.0.0.1:9', token: 'svc' });
    const ids = Array.from({ length: 101 }, (_, i) => `acc-${i}`);
    await expect(remote.states?.(ids)).rejects.toThrow(RangeError);
  });

  it.each([404, 405, 501] as const)(
    'falls back to the per-account GET when the server answers %i, and remembers it',
    async (status) => {
      const r = await rig({ batchStates: status }, undefined, 150);
      for (const p of r.people.slice(0, 100)) await link(r.f.db, p.account, p.profile);

      const first = await r.engine.drain('test');

      expect(first).toMatchObject({ applied: 100, reconciled: 100 });
      expect(r.server.stateBatchRequests).toBe(1);
      expect(r.server.stateGetRequests).toBe(100);
      expect(await activeLinks(r.f.db)).toHaveLength(100);

      // The engine makes a new remote each drain; the old server is not asked again.
      for (const p of r.people.slice(100)) await link(r.f.db, p.account, p.profile);
      const second = await r.engine.drain('test');

      expect(second).toMatchObject({ applied: 50, reconciled: 50 });
      expect(r.server.stateBatchRequests).toBe(1);
      expect(r.server.stateGetRequests).toBe(150);
    },
  );

  it('falls back when only the batch read fails on the network (a CORS refusal) but the GET gets through', async () => {
    let refused = 0;
    const fetch: FetchLike = (url, init) => {
      if (url.endsWith('/accounts/state')) {
        refused += 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return globalThis.fetch(url, init);
    };
    const r = await rig({}, fetch, 3);
    for (const p of r.people) await link(r.f.db, p.account, p.profile);

    const report = await r.engine.drain('test');

    expect(report).toMatchObject({ applied: 3, reconciled: 3 });
    expect(refused).toBe(1);
    expect(r.server.stateGetRequests).toBe(4); // the probe, then each account
  });

  it('does not take a network failure of everything for a missing endpoint', async () => {
    const f = await fixture();
    const down: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const memory = new Set<string>();
    const remote = createHttpRemote({
      baseUrl: 'https://pc.example',
      fetch: down,
      withoutBatchStates: memory,
    });
    await expect(remote.states?.([f.annA.id])).rejects.toMatchObject({ kind: 'network' });
    expect(memory.size).toBe(0);
  });

  it('does not fall back on 401: the states are read again after a new sign-in', async () => {
    const r = await rig();
    await link(r.f.db, r.f.annA, r.f.learn);
    r.server.stateFaults.push({ kind: 'status', status: 401 });

    const report = await r.engine.drain('test');

    expect(report).toMatchObject({ applied: 1, reconciled: 0 });
    expect(r.server.stateBatchRequests).toBe(1);
    expect(r.server.stateGetRequests).toBe(0);
    expect(await r.engine.drain('again')).toMatchObject({ reconciled: 1 });
    expect(r.server.stateGetRequests).toBe(0);
  });
});
