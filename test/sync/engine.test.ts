import { describe, expect, it } from 'vitest';
import { updateSettings, type AppDb } from '../../src/store';
import { scheduleRetry } from '../../src/store/drain';
import {
  createInProcessLock,
  createSyncEngine,
  RemoteError,
  type LockLike,
  type Remote,
} from '../../src/sync';
import { fakeRemote, type FakeRemote } from './fake-remote';
import { activeLinks, crowd, fixture, link, manualClock, outbox, T0, unlink } from './fixtures';

function engineFor(
  db: AppDb,
  remote: Remote,
  extra: { lock?: LockLike; random?: () => number } = {},
) {
  const clock = manualClock();
  const engine = createSyncEngine({
    db,
    getRemote: () => remote,
    lock: extra.lock ?? createInProcessLock(),
    clock,
    random: extra.random ?? (() => 0.5),
    backoff: { baseMs: 1_000, maxMs: 8_000, floorMs: 100 },
  });
  return { engine, clock };
}

function failWith(remote: FakeRemote, error: RemoteError) {
  remote.respond = () => {
    throw error;
  };
}

describe('sync engine: delivery', { timeout: 30_000 }, () => {
  it('sends a queued link, confirms it and reconciles the account', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    const { engine } = engineFor(f.db, remote);

    const report = await engine.drain('test');

    expect(report).toMatchObject({ outcome: 'idle', sent: 1, applied: 1, rejected: 0, retried: 0 });
    expect(remote.batches).toHaveLength(1);
    expect(remote.batches[0]?.[0]).toMatchObject({
      id: entry.id,
      type: 'link',
      accountId: f.annA.id,
    });
    expect((await outbox(f.db))[0]?.state).toBe('applied');
    const links = await activeLinks(f.db);
    expect(links).toHaveLength(1);
    expect(links[0]?.pendingActionId).toBeNull();
    expect(remote.stateCalls).toEqual([f.annA.id]);
    expect(report.reconciled).toBe(1);
  });

  it('sends batches of at most 100, in the order the actions were made', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 210);
    for (const p of people) await link(f.db, p.account, p.profile);
    const remote = fakeRemote();
    const { engine } = engineFor(f.db, remote);

    const report = await engine.drain('test');

    expect(remote.batches.map((b) => b.length)).toEqual([100, 100, 10]);
    const sentOrder = remote.batches.flat().map((a) => a.accountId);
    expect(sentOrder).toEqual(people.map((p) => p.account.id));
    expect(report.applied).toBe(210);
    expect((await outbox(f.db)).every((e) => e.state === 'applied')).toBe(true);
  });

  it('keeps one profile’s actions in order, and holds them behind a waiting retry', async () => {
    const f = await fixture();
    const first = await link(f.db, f.annA, f.learn);
    const second = await unlink(f.db, f.annA, f.learn, T0 + 1);
    const other = await link(f.db, f.benA, f.pu, T0 + 2);
    await scheduleRetry(f.db, [first.id], T0 + 60_000, 'server: earlier failure');
    const remote = fakeRemote();
    const { engine, clock } = engineFor(f.db, remote);

    await engine.drain('test');
    // The unlink must not overtake the link it undoes; the other profile goes.
    expect(remote.batches.flat().map((a) => a.id)).toEqual([other.id]);

    clock.advance(60_000);
    await engine.drain('test');
    expect(remote.batches[1]?.map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('sends again what a crashed drain left in flight', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    await f.db.outbox.update(entry.id, { state: 'sending' });
    const remote = fakeRemote();
    const { engine } = engineFor(f.db, remote);
    const report = await engine.drain('test');
    expect(report.applied).toBe(1);
    expect(remote.batches.flat().map((a) => a.id)).toEqual([entry.id]);
  });
});

describe('sync engine: refusals and final errors', { timeout: 30_000 }, () => {
  it('rolls back a refused link and keeps its code and date', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    remote.respond = (actions) =>
      actions.map((a) => ({
        id: a.id,
        status: 'rejected',
        code: 'COOL_OFF',
        nextAllowedOn: '2026-12-20',
      }));
    const { engine } = engineFor(f.db, remote);

    const report = await engine.drain('test');

    expect(report).toMatchObject({ applied: 0, rejected: 1 });
    const [row] = await outbox(f.db);
    expect(row).toMatchObject({
      id: entry.id,
      state: 'rejected',
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
    expect(await activeLinks(f.db)).toEqual([]);
  });

  it('fails a batch answered 400 (rolled back), then goes on with the next batch', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 101);
    for (const p of people) await link(f.db, p.account, p.profile);
    const remote = fakeRemote();
    remote.respond = () => {
      remote.respond = null; // the next batch is applied normally
      throw new RemoteError('bad-request', 'HTTP 400: bad', { status: 400 });
    };
    const { engine } = engineFor(f.db, remote);

    const report = await engine.drain('test');

    expect(report).toMatchObject({ failed: 100, applied: 1 });
    const rows = await outbox(f.db);
    expect(rows.filter((e) => e.state === 'failed')).toHaveLength(100);
    expect(rows.at(-1)?.state).toBe('applied');
    expect(rows[0]?.lastError).toContain('bad-request');
    // Only the applied one's link remains.
    expect(await activeLinks(f.db)).toHaveLength(1);
  });
});

describe('sync engine: retries', { timeout: 30_000 }, () => {
  it('backs off exponentially with full jitter, attempts and next try stored', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    // 503 and 502 by turns: passing faults, never the same one three times (no named problem).
    let n503 = true;
    remote.respond = () => {
      n503 = !n503;
      throw new RemoteError('server', 'HTTP 50x', { status: n503 ? 503 : 502 });
    };
    const { engine, clock } = engineFor(f.db, remote, { random: () => 0.5 });

    // cap = min(8000, 1000·2^n); wait = max(100, 0.5·cap)
    const expected = [500, 1_000, 2_000, 4_000, 4_000, 4_000];
    for (const [n, wait] of expected.entries()) {
      const report = await engine.drain('test');
      expect(report).toMatchObject({ outcome: 'retry-later', retried: 1 });
      const row = await f.db.outbox.get(entry.id);
      expect(row).toMatchObject({
        state: 'retry',
        attempts: n + 1,
        nextAttemptAt: clock.now() + wait,
      });
      expect(row?.lastError).toContain('server');
      expect(report.nextWakeAt).toBe(clock.now() + wait);
      // Not due yet: nothing is sent.
      clock.advance(wait - 1);
      expect((await engine.drain('early')).sent).toBe(0);
      clock.advance(1);
    }
    expect(remote.batches).toHaveLength(expected.length);
  });

  it('uses a different draw each time: random 0 gives the floor, 0.999 nearly the cap', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    failWith(remote, new RemoteError('network', 'down'));
    const draws = [0, 0.999];
    const { engine, clock } = engineFor(f.db, remote, { random: () => draws.shift() ?? 0 });
    await engine.drain('test');
    expect((await f.db.outbox.get(entry.id))?.nextAttemptAt).toBe(clock.now() + 100);
    clock.advance(100);
    await engine.drain('test');
    expect((await f.db.outbox.get(entry.id))?.nextAttemptAt).toBe(clock.now() + 1_998);
  });

  it('waits for Retry-After on 429', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    failWith(
      remote,
      new RemoteError('rate-limited', 'HTTP 429', { status: 429, retryAfterMs: 7_000 }),
    );
    const { engine, clock } = engineFor(f.db, remote);
    const report = await engine.drain('test');
    expect(report.nextWakeAt).toBe(clock.now() + 7_000);
    expect(await f.db.outbox.get(entry.id)).toMatchObject({
      state: 'retry',
      nextAttemptAt: clock.now() + 7_000,
    });
  });

  it('retries a malformed answer and never applies it', async () => {
    const f = await fixture();
    const entry = await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    failWith(remote, new RemoteError('malformed', 'results[0]: not a date'));
    const { engine } = engineFor(f.db, remote);
    const report = await engine.drain('test');
    expect(report).toMatchObject({ applied: 0, retried: 1 });
    const [row] = await outbox(f.db);
    expect(row).toMatchObject({ id: entry.id, state: 'retry' });
    // Still the optimistic row, never confirmed.
    expect((await activeLinks(f.db))[0]?.pendingActionId).toBe(entry.id);
  });

  it('treats an unexpected throw from the remote as retryable', async () => {
    const f = await fixture();
    await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    remote.respond = () => {
      throw new TypeError('boom');
    };
    const { engine } = engineFor(f.db, remote);
    expect(await engine.drain('test')).toMatchObject({ outcome: 'retry-later', retried: 1 });
  });

  it('sends waiting retries at once when asked to ignore the backoff (online again)', async () => {
    const f = await fixture();
    await link(f.db, f.annA, f.learn);
    const remote = fakeRemote();
    failWith(remote, new RemoteError('network', 'down'));
    const { engine } = engineFor(f.db, remote);
    await engine.drain('test');
    remote.respond = null;
    expect((await engine.drain('visible')).sent).toBe(0);
    expect(await engine.drain('online', { ignoreBackoff: true })).toMatchObject({
      sent: 1,
      applied: 1,
    });
  });
});

describe('sync engine: sign-in', { timeout: 30_000 }, () => {
  it('stops the queue on 401 and drops nothing; a new token resumes it', async () => {
    const f = await fixture();
    const a = await link(f.db, f.annA, f.learn);
    const b = await link(f.db, f.benA, f.pu, T0 + 1);
    const remote = fakeRemote();
    failWith(remote, new RemoteError('auth', 'HTTP 401', { status: 401 }));
    const { engine } = engineFor(f.db, remote);

    const report = await engine.drain('test');
    expect(report.outcome).toBe('needs-sign-in');
    expect(engine.status().needsSignIn).toBe(true);
    const rows = await outbox(f.db);
    expect(rows.map((e) => [e.id, e.state])).toEqual([
      [a.id, 'queued'],
      [b.id, 'queued'],
    ]);
    expect(await activeLinks(f.db)).toHaveLength(2);

    // The queue stays stopped: nothing more reaches the remote.
    remote.respond = null;
    expect((await engine.drain('again')).outcome).toBe('needs-sign-in');
    expect(remote.batches).toHaveLength(1);

    await updateSettings(f.db, {
      remote: { kind: 'http', baseUrl: 'https://pc.example', token: 'new' },
    });
    expect(await engine.drain('signed in')).toMatchObject({ outcome: 'idle', applied: 2 });
    expect(engine.status().needsSignIn).toBe(false);
  });
});

describe('sync engine: one drainer', { timeout: 30_000 }, () => {
  it('two engines sharing one lock never send concurrently, and each action goes once', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 30);
    for (const p of people) await link(f.db, p.account, p.profile);
    const inner = fakeRemote();
    let inFlight = 0;
    let maxInFlight = 0;
    const slow: Remote = {
      async send(actions) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        return inner.send(actions);
      },
      state: (id) => inner.state(id),
    };
    const lock = createInProcessLock();
    const one = engineFor(f.db, slow, { lock }).engine;
    const two = engineFor(f.db, slow, { lock }).engine;

    const reports = await Promise.all([
      one.drain('tab 1'),
      two.drain('tab 2'),
      one.drain('tab 1 again'),
    ]);

    expect(maxInFlight).toBe(1);
    expect(reports.filter((r) => r.outcome === 'busy')).toHaveLength(2);
    expect(reports.find((r) => r.outcome === 'busy')?.nextWakeAt).toBeGreaterThan(T0);
    const ids = inner.batches.flat().map((a) => a.id);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
  });

  it('reports a remote setting it cannot use without touching the outbox', async () => {
    const f = await fixture();
    await link(f.db, f.annA, f.learn);
    const engine = createSyncEngine({
      db: f.db,
      getRemote: () => {
        throw new TypeError('The remote URL must start with http:// or https://.');
      },
      lock: createInProcessLock(),
      clock: manualClock(),
      random: () => 0,
    });
    expect((await engine.drain('test')).outcome).toBe('misconfigured');
    expect((await outbox(f.db))[0]?.state).toBe('queued');
  });

  it('tells subscribers when a drain starts and ends', async () => {
    const f = await fixture();
    const { engine } = engineFor(f.db, fakeRemote());
    const seen: boolean[] = [];
    const stop = engine.subscribe((s) => seen.push(s.draining));
    await engine.drain('test');
    stop();
    await engine.drain('test');
    expect(seen).toEqual([true, false, false]);
    expect(engine.status().lastReport?.reason).toBe('test');
  });
});
