/**
 * The HTTP remote and the engine against the reference server on loopback,
 * with every fault of the issue injected: whatever happens, no action is
 * applied twice by the server and none is lost by the app.
 */
import { describe, expect, it } from 'vitest';
import { updateSettings, type AppDb } from '../../src/store';
import { createHttpRemote, toWire, type SyncEngine } from '../../src/sync';
import {
  activeLinks,
  crowd,
  fixture,
  link,
  manualClock,
  outbox,
  T0,
  TODAY,
  type SyncFixture,
} from './fixtures';
import { engineOn } from './engines';
import { fixtureServers } from './server/for-fixture';
import { type Fault, type ReferenceServer } from './server/reference-server';
import { ANY_ACTOR } from './server/world';

const startServer = fixtureServers();

function serverFor(db: AppDb, tokens: Record<string, string>): Promise<ReferenceServer> {
  return startServer(db, { tokens });
}

interface Rig {
  f: SyncFixture;
  server: ReferenceServer;
  engine: SyncEngine;
  clock: ReturnType<typeof manualClock>;
}

async function rig(timeoutMs = 1_000): Promise<Rig> {
  const f = await fixture();
  const server = await serverFor(f.db, { 'tok-ann-a': f.annA.id, 'tok-ann-b': f.annB.id });
  await updateSettings(f.db, { remote: { kind: 'http', baseUrl: server.url, token: 'tok-ann-a' } });
  const clock = manualClock();
  const engine = engineOn(f.db, { timeoutMs }, { clock });
  return { f, server, engine, clock };
}

function appliedOnce(server: ReferenceServer) {
  for (const [id, count] of server.applyCounts) expect(count, id).toBe(1);
}

describe('engine + HTTP remote against the reference server', { timeout: 30_000 }, () => {
  it('delivers, confirms and reconciles', async () => {
    const { f, server, engine } = await rig();
    const entry = await link(f.db, f.annA, f.learn);
    const report = await engine.drain('test');
    expect(report).toMatchObject({ applied: 1, reconciled: 1, outcome: 'idle' });
    expect(server.applyCounts.get(entry.id)).toBe(1);
    expect(server.stateRequests).toBe(1);
    expect((await activeLinks(f.db))[0]).toMatchObject({
      profileId: f.learn.id,
      pendingActionId: null,
    });
  });

  const faults: [string, Fault, string][] = [
    ['a 500', { kind: 'status', status: 500 }, 'server'],
    ['a hang past the timeout (after applying)', { kind: 'hang' }, 'timeout'],
    ['a connection dropped after applying', { kind: 'drop-after-apply' }, 'network'],
    ['malformed JSON (after applying)', { kind: 'malformed', body: '{"results": [' }, 'malformed'],
    [
      'an answer that fails the schema',
      { kind: 'malformed', body: '{"results":[{"id":"x","status":"applied"}]}' },
      'malformed',
    ],
  ];

  it.each(faults)(
    'survives %s: retried, applied exactly once, nothing lost',
    async (_label, fault, kind) => {
      const { f, server, engine, clock } = await rig();
      server.tokens.set('tok-ann-a', ANY_ACTOR); // Ann's and Ben's actions in one batch
      const a = await link(f.db, f.annA, f.learn);
      const b = await link(f.db, f.benA, f.pu, T0 + 1);
      server.faults.push(fault);

      const first = await engine.drain('test');
      expect(first).toMatchObject({ outcome: 'retry-later', retried: 2, applied: 0 });
      expect(first.error).toContain(kind);
      const waiting = await outbox(f.db);
      expect(waiting.map((e) => [e.state, e.attempts])).toEqual([
        ['retry', 1],
        ['retry', 1],
      ]);
      // Never applied locally from a failed answer.
      expect((await activeLinks(f.db)).every((l) => l.pendingActionId !== null)).toBe(true);

      clock.set(first.nextWakeAt ?? 0);
      const second = await engine.drain('retry');
      expect(second).toMatchObject({ applied: 2, outcome: 'idle' });
      expect((await outbox(f.db)).map((e) => e.state)).toEqual(['applied', 'applied']);
      expect(server.applyCounts.get(a.id)).toBe(1);
      expect(server.applyCounts.get(b.id)).toBe(1);
      appliedOnce(server);
      expect(server.world.associations.filter((x) => x.endedOn === null)).toHaveLength(2);
    },
  );

  it('survives a duplicate delivery: the server sees it twice and applies it once', async () => {
    const { f, server, engine } = await rig();
    const a = await link(f.db, f.annA, f.learn);
    server.faults.push({ kind: 'duplicate' });
    expect(await engine.drain('test')).toMatchObject({ applied: 1 });
    expect(server.received).toEqual([a.id, a.id]);
    appliedOnce(server);
  });

  it('gets the first result back when the same batch is POSTed twice', async () => {
    const { f, server } = await rig();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = createHttpRemote({ baseUrl: server.url, token: 'tok-ann-a' });
    const first = await remote.send([toWire(entry)]);
    server.world.associations.length = 0; // whatever happened since
    expect(await remote.send([toWire(entry)])).toEqual(first);
    appliedOnce(server);
  });

  it('rolls back a refusal: an action for another account than the token’s (NOT_SELF)', async () => {
    const { f, server, engine } = await rig();
    const mine = await link(f.db, f.annA, f.learn);
    const other = await link(f.db, f.benA, f.pu, T0 + 1); // the token is Ann's in A
    const report = await engine.drain('test');
    expect(report).toMatchObject({ applied: 1, rejected: 1 });
    expect(await f.db.outbox.get(other.id)).toMatchObject({ state: 'rejected', code: 'NOT_SELF' });
    expect(await f.db.outbox.get(mine.id)).toMatchObject({ state: 'applied' });
    expect((await activeLinks(f.db)).map((l) => l.profileId)).toEqual([f.learn.id]);
    expect(server.world.associations).toHaveLength(1);
  });

  it('rolls back a rule refusal decided by the server (cool-off used elsewhere)', async () => {
    const { f, server, engine } = await rig();
    server.world.associations.push({
      profileId: f.learn.id,
      accountId: f.annB.id,
      startedOn: '2026-11-20',
      endedOn: '2026-11-21',
      endReason: 'unlinked',
    });
    const entry = await link(f.db, f.annA, f.learn);
    await engine.drain('test');
    expect(await f.db.outbox.get(entry.id)).toMatchObject({
      state: 'rejected',
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
    expect(await activeLinks(f.db)).toEqual([]);
  });

  it('waits out a 429’s Retry-After', async () => {
    const { f, server, engine, clock } = await rig();
    await link(f.db, f.annA, f.learn);
    server.faults.push({ kind: 'status', status: 429, retryAfter: '3' });
    const report = await engine.drain('test');
    expect(report.nextWakeAt).toBe(clock.now() + 3_000);
    clock.advance(2_999);
    expect((await engine.drain('early')).sent).toBe(0);
    clock.advance(1);
    expect(await engine.drain('later')).toMatchObject({ applied: 1 });
  });

  it('stops on 401 without dropping anything, and resumes with a valid token', async () => {
    const { f, server, engine } = await rig();
    await updateSettings(f.db, { remote: { kind: 'http', baseUrl: server.url, token: 'expired' } });
    const entry = await link(f.db, f.annA, f.learn);
    expect((await engine.drain('test')).outcome).toBe('needs-sign-in');
    expect(await f.db.outbox.get(entry.id)).toMatchObject({ state: 'queued' });
    expect(server.received).toEqual([]);
    await updateSettings(f.db, {
      remote: { kind: 'http', baseUrl: server.url, token: 'tok-ann-a' },
    });
    expect(await engine.drain('signed in')).toMatchObject({ applied: 1 });
  });

  it('fails a batch the server calls a bad request, rolling it back', async () => {
    const { f, server, engine } = await rig();
    const entry = await link(f.db, f.annA, f.learn);
    server.faults.push({ kind: 'status', status: 422 });
    expect(await engine.drain('test')).toMatchObject({ failed: 1 });
    expect(await f.db.outbox.get(entry.id)).toMatchObject({ state: 'failed' });
    expect(await activeLinks(f.db)).toEqual([]);
  });

  it('a 400 on the retry of a delivery the server applied: failed here, yet the link shows', async () => {
    const { f, server, engine, clock } = await rig();
    const entry = await link(f.db, f.annA, f.learn);
    server.faults.push({ kind: 'malformed', body: '<html>' }, { kind: 'status', status: 400 });
    const first = await engine.drain('test');
    clock.set(first.nextWakeAt ?? 0);
    const second = await engine.drain('retry');
    expect(second).toMatchObject({ failed: 1, reconciled: 1 });
    expect(await f.db.outbox.get(entry.id)).toMatchObject({ state: 'failed' });
    // The authority has the link, so the app shows it, once.
    expect((await activeLinks(f.db)).map((l) => l.profileId)).toEqual([f.learn.id]);
    appliedOnce(server);
  });

  it('reports a remote URL it refuses (not http/https) as misconfigured, sending nothing', async () => {
    const { f, server, engine } = await rig();
    await updateSettings(f.db, {
      remote: { kind: 'http', baseUrl: 'file:///etc/passwd', token: null },
    });
    const entry = await link(f.db, f.annA, f.learn);
    const report = await engine.drain('test');
    expect(report.outcome).toBe('misconfigured');
    expect(report.error).toContain('http');
    expect(await f.db.outbox.get(entry.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(server.received).toEqual([]);
  });

  it('shows a link made on another device after the next drain', async () => {
    const { f, server, engine } = await rig();
    await link(f.db, f.annA, f.annPu);
    server.world.associations.push({
      profileId: f.learn.id,
      accountId: f.annA.id,
      startedOn: '2026-10-01',
      endedOn: null,
      endReason: null,
    });
    await engine.drain('test');
    expect((await activeLinks(f.db)).map((l) => [l.profileId, l.startedOn]).sort()).toEqual(
      [
        [f.learn.id, '2026-10-01'],
        [f.annPu.id, TODAY],
      ].sort(),
    );
  });

  it('under a run of mixed faults over 120 actions, each is applied once and none is lost', async () => {
    const { f, server, engine, clock } = await rig(500);
    const people = await crowd(f.db, f.orgAId, 120);
    server.world.accounts.push(...people.map((p) => p.account));
    server.world.profiles.push(...people.map((p) => p.profile));
    server.tokens.set('tok-ann-a', ANY_ACTOR);
    const handled = new Set<string>();
    for (const p of people) {
      const entry = await link(f.db, p.account, p.profile);
      handled.add(entry.id);
    }
    server.faults.push(
      { kind: 'drop-after-apply' },
      { kind: 'status', status: 503 },
      { kind: 'hang' },
      { kind: 'duplicate' },
      { kind: 'malformed', body: 'not json' },
      { kind: 'status', status: 500 },
    );
    for (let i = 0; i < 20; i += 1) {
      const report = await engine.drain(`round ${i}`);
      if (report.nextWakeAt === null && report.outcome === 'idle') break;
      clock.set(report.nextWakeAt ?? clock.now());
    }
    const rows = await outbox(f.db);
    expect(rows).toHaveLength(120);
    expect(rows.every((e) => e.state === 'applied')).toBe(true);
    expect(server.world.associations).toHaveLength(120);
    expect(server.applyCounts.size).toBe(120);
    appliedOnce(server);
    expect(new Set(server.received)).toEqual(handled);
    // Every fault was met, and some actions really did arrive more than once.
    expect(server.faults).toEqual([]);
    expect(server.received.length).toBeGreaterThan(120);
  }, 30_000);
});
