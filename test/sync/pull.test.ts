/**
 * The pull: a drain asked to pull reads the remote's state of the person's
 * own accounts (an admin's organization's too, in batch reads), settles it as
 * a drain's reconcile does, records "last checked" and what changed, and never
 * undoes what a still-unsent action did. And the named problem: the same
 * failure three times in a row says what is wrong and slows the retries.
 */
import { describe, expect, it } from 'vitest';
import type { WireAccountState, WireAssociation, WireResult } from '../../src/rules';
import { getSyncNews, updateSettings, type AppDb } from '../../src/store';
import { scheduleRetry, settleResult } from '../../src/store/drain';
import { createInProcessLock, createSyncEngine, RemoteError, type Remote } from '../../src/sync';
import { PROBLEM_AFTER, SLOW_RETRY_MS } from '../../src/sync/problem';
import { crowd, fixture, link, manualClock, outbox, T0, TODAY, unlink } from './fixtures';

/** A remote whose truth the test edits: links by account, and every read recorded. */
function truthRemote() {
  const links: WireAssociation[] = [];
  const reads: string[][] = [];
  let failure: RemoteError | null = null;
  let probe: 'reachable' | 'unreachable' | 'offline' = 'reachable';
  const stateOf = (accountId: string): WireAccountState => ({
    accountId,
    asOf: new Date(T0).toISOString(),
    associations: links.filter((l) => l.accountId === accountId).map((l) => ({ ...l })),
    nextAssociationOn: {},
  });
  const remote: Remote = {
    send(actions) {
      if (failure) return Promise.reject(failure);
      return Promise.resolve(
        actions.map((a): WireResult => {
          const association = { profileId: a.profile.id, accountId: a.accountId, startedOn: TODAY };
          if (a.type === 'link') links.push(association);
          return { id: a.id, status: 'applied', association };
        }),
      );
    },
    state(accountId) {
      if (failure) return Promise.reject(failure);
      reads.push([accountId]);
      return Promise.resolve(stateOf(accountId));
    },
    states(accountIds) {
      if (failure) return Promise.reject(failure);
      reads.push([...accountIds]);
      return Promise.resolve(accountIds.map(stateOf));
    },
    probe: () => Promise.resolve(probe),
  };
  return {
    remote,
    links,
    reads,
    failWith: (error: RemoteError | null) => {
      failure = error;
    },
    probeSays: (p: typeof probe) => {
      probe = p;
    },
  };
}

function engineFor(db: AppDb, remote: Remote) {
  const clock = manualClock();
  const engine = createSyncEngine({
    db,
    getRemote: () => remote,
    lock: createInProcessLock(),
    clock,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 8_000, floorMs: 100 },
  });
  return { engine, clock };
}

/** Ann (accounts in A and B) with her Learn profile linked to B, settled, and the remote agreeing. */
async function annLinkedToB() {
  const f = await fixture();
  await updateSettings(f.db, { currentAccountId: f.annA.id });
  const t = truthRemote();
  const e = await link(f.db, f.annB, f.learn);
  await settleResult(f.db, { id: e.id, status: 'applied' }, new Date(T0));
  t.links.push({ profileId: f.learn.id, accountId: f.annB.id, startedOn: TODAY });
  return { f, t };
}

describe('pull', () => {
  it('learns of a removal made on another device, though this device sent nothing', async () => {
    const { f, t } = await annLinkedToB();
    const { engine, clock } = engineFor(f.db, t.remote);
    // Another device removed the link on the server.
    Object.assign(t.links[0] ?? {}, { endedOn: TODAY, endReason: 'unlinked' });

    const report = await engine.drain('start', { pull: 'me' });

    expect(report).toMatchObject({ sent: 0, pulled: 2, reconciled: 2, changed: 1 });
    expect(t.reads).toEqual([[f.annA.id, f.annB.id].sort()]);
    const rows = await f.db.associations.toArray();
    expect(rows.map((r) => [r.accountId, r.endedOn])).toEqual([[f.annB.id, TODAY]]);
    const news = await getSyncNews(f.db);
    expect(news.checkedAt).toBe(new Date(clock.now()).toISOString());
    expect(news.changes.map((c) => [c.change, c.orgName])).toEqual([['ended', 'Company B']]);
  });

  it('a drain without pull reads nothing when nothing was sent', async () => {
    const { f, t } = await annLinkedToB();
    const { engine } = engineFor(f.db, t.remote);
    expect(await engine.drain('queued')).toMatchObject({ pulled: 0, reconciled: 0 });
    expect(t.reads).toEqual([]);
    expect((await getSyncNews(f.db)).checkedAt).toBeNull();
  });

  it('for an admin, "org" reads the whole organization in batch reads of 100', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 150);
    const admin = (await f.db.accounts.where('orgId').equals(f.orgAId).toArray()).find(
      (a) => a.roles.length > 0,
    );
    if (!admin) throw new Error('no admin');
    const t = truthRemote();
    const { engine } = engineFor(f.db, t.remote);
    await updateSettings(f.db, { currentAccountId: admin.id });
    const report = await engine.drain('org', { pull: 'org' });
    // Every live account of A (150 people, Ann, the admin…) and the admin's own elsewhere.
    const inA = await f.db.accounts.where('orgId').equals(f.orgAId).toArray();
    const own = await f.db.accounts.where('personId').equals(admin.personId).toArray();
    const expected = new Set([...inA, ...own].filter((a) => a.deletedOn === null).map((a) => a.id));
    expect(expected.size).toBeGreaterThan(150);
    expect(report.pulled).toBe(expected.size);
    expect(t.reads.map((r) => r.length).sort((a, b) => b - a)).toEqual([100, expected.size - 100]);
    // A person who is not an admin reads only their own accounts, whatever the screen.
    t.reads.length = 0;
    await updateSettings(f.db, { currentAccountId: people[0]?.account.id ?? null });
    expect((await engine.drain('org', { pull: 'org' })).pulled).toBe(1);
  });

  it('never undoes the effect of an action still waiting to be sent', async () => {
    const { f, t } = await annLinkedToB();
    const { engine, clock } = engineFor(f.db, t.remote);
    // Ann removes the link here; the unlink waits (not due yet), and she links PU to A.
    const removal = await unlink(f.db, f.annB, f.learn);
    const pu = await link(f.db, f.annA, f.pu);
    await scheduleRetry(f.db, [removal.id, pu.id], clock.now() + 60_000, 'network: down');
    // The server has seen neither: it still lists the Learn link, and no PU link.
    const report = await engine.drain('visible', { pull: 'me' });
    expect(report).toMatchObject({ sent: 0, pulled: 2, changed: 0 });
    const rows = await f.db.associations.toArray();
    const byProfile = new Map(rows.map((r) => [r.profileId, r]));
    expect(byProfile.get(f.learn.id)?.endedOn).toBe(TODAY);
    expect(byProfile.get(f.pu.id)?.endedOn).toBeNull();
    expect((await getSyncNews(f.db)).changes).toEqual([]);
  });
});

describe('a named problem', () => {
  it(`after ${String(PROBLEM_AFTER)} identical network failures says the server refuses this app (CORS), keeps every action, retries slowly`, async () => {
    const f = await fixture();
    await updateSettings(f.db, {
      currentAccountId: f.annA.id,
      remote: { kind: 'http', baseUrl: 'https://pc.example', token: null },
    });
    const t = truthRemote();
    t.failWith(new RemoteError('network', 'network failure'));
    const { engine, clock } = engineFor(f.db, t.remote);
    const entry = await link(f.db, f.annA, f.learn);
    const problems = [];
    for (let i = 0; i < PROBLEM_AFTER; i++) {
      const report = await engine.drain('test', { ignoreBackoff: true, pull: 'me' });
      problems.push(report.problem?.kind ?? null);
    }
    expect(problems).toEqual([null, null, 'refused']);
    expect(engine.status().problem).toMatchObject({
      kind: 'refused',
      server: 'https://pc.example',
      failures: PROBLEM_AFTER,
    });
    const row = (await outbox(f.db))[0];
    expect(row).toMatchObject({ id: entry.id, state: 'retry' });
    expect((row?.nextAttemptAt ?? 0) - clock.now()).toBeGreaterThanOrEqual(SLOW_RETRY_MS);
    // It gets through: the problem is over, the action applied.
    t.failWith(null);
    const report = await engine.drain('test', { ignoreBackoff: true });
    expect(report).toMatchObject({ applied: 1, problem: null });
  });

  it('names an unreachable server, a 404, and says nothing when the device is offline', async () => {
    const cases: [RemoteError, 'reachable' | 'unreachable' | 'offline', string | null][] = [
      [new RemoteError('network', 'network failure'), 'unreachable', 'unreachable'],
      [new RemoteError('server', 'HTTP 404', { status: 404 }), 'reachable', 'not-found'],
      [new RemoteError('server', 'HTTP 500', { status: 500 }), 'reachable', 'server-error'],
      [new RemoteError('network', 'network failure'), 'offline', null],
    ];
    for (const [error, probe, kind] of cases) {
      const f = await fixture();
      const t = truthRemote();
      t.failWith(error);
      t.probeSays(probe);
      const { engine } = engineFor(f.db, t.remote);
      await link(f.db, f.annA, f.learn);
      let last = null;
      for (let i = 0; i < PROBLEM_AFTER; i++) {
        last = (await engine.drain('test', { ignoreBackoff: true })).problem;
      }
      expect(last?.kind ?? null).toBe(kind);
    }
  });

  it('different failures in a row name nothing, and a pull that fails counts the same', async () => {
    const f = await fixture();
    await updateSettings(f.db, { currentAccountId: f.annA.id });
    const t = truthRemote();
    const { engine } = engineFor(f.db, t.remote);
    const kinds = [503, 502, 503].map((status) => new RemoteError('server', 'x', { status }));
    for (const error of kinds) {
      t.failWith(error);
      expect((await engine.drain('test', { pull: 'me' })).problem).toBeNull();
    }
    // Nothing queued at all: only the pull's reads fail, 404 each time.
    t.failWith(new RemoteError('server', 'HTTP 404', { status: 404 }));
    const seen = [];
    for (let i = 0; i < PROBLEM_AFTER; i++) {
      seen.push((await engine.drain('test', { pull: 'me' })).problem?.kind ?? null);
    }
    expect(seen).toEqual([null, null, 'not-found']);
  });
});
