/**
 * The bulk reconciliation (`reconcileAccountStates`, one transaction for many
 * accounts) gives what applying each state alone gives, and the sync side of
 * it uses the batch read when the remote has one, the per-account read when
 * it has not, and remembers the accounts it could not reach.
 */
import { describe, expect, it } from 'vitest';
import type { WireAccountState } from '../../src/rules';
import { type AppDb } from '../../src/store';
import { reconcileAccountState, reconcileAccountStates, settleResult } from '../../src/store/drain';
import { createInProcessLock, createSyncEngine, RemoteError } from '../../src/sync';
import { reconcileAccountIds } from '../../src/sync/reconcile';
import { fakeRemote } from './fake-remote';
import { crowd, fixture, link, manualClock, T0, TODAY, unlink } from './fixtures';

const AS_OF = '2026-11-27T08:00:00.000Z';

/** A world with settled links, a queued unlink, and states that differ from it. */
async function world() {
  const f = await fixture();
  const people = await crowd(f.db, f.orgAId, 4);
  for (const p of people) {
    const e = await link(f.db, p.account, p.profile);
    await settleResult(f.db, { id: e.id, status: 'applied' }, new Date(T0));
  }
  const [p0, p1, p2, p3] = people;
  if (!p0 || !p1 || !p2 || !p3) throw new Error('crowd');
  // p3's unlink is still queued: its row is guarded.
  await unlink(f.db, p3.account, p3.profile);
  const state = (
    accountId: string,
    associations: WireAccountState['associations'],
  ): WireAccountState => ({ accountId, asOf: AS_OF, associations, nextAssociationOn: {} });
  const states = [
    // p0: ended elsewhere.
    state(p0.account.id, [
      {
        profileId: p0.profile.id,
        accountId: p0.account.id,
        startedOn: TODAY,
        endedOn: '2026-11-26',
        endReason: 'moved',
      },
    ]),
    // p1: not listed any more, and an older link the device never saw.
    state(p1.account.id, [
      {
        profileId: p1.profile.id,
        accountId: p1.account.id,
        startedOn: '2026-01-05',
        endedOn: '2026-02-01',
        endReason: 'unlinked',
      },
    ]),
    // p2: as here.
    state(p2.account.id, [
      { profileId: p2.profile.id, accountId: p2.account.id, startedOn: TODAY },
    ]),
    // p3: the remote has not seen the unlink yet.
    state(p3.account.id, [
      { profileId: p3.profile.id, accountId: p3.account.id, startedOn: TODAY },
    ]),
    // p0 again, later: the later state wins.
    state(p0.account.id, [
      {
        profileId: p0.profile.id,
        accountId: p0.account.id,
        startedOn: TODAY,
        endedOn: '2026-11-27',
        endReason: 'unlinked',
      },
    ]),
  ];
  return { f, states };
}

async function rows(db: AppDb) {
  // Ids of inserted rows are random: compare everything else.
  const all = await db.associations.toArray();
  return all
    .map((row) => ({ ...row, id: '' }))
    .sort((a, b) => `${a.accountId}${a.startedOn}`.localeCompare(`${b.accountId}${b.startedOn}`));
}

describe('reconcileAccountStates', () => {
  it('gives what reconciling each state alone, in order, gives', async () => {
    const one = await world();
    for (const s of one.states) await reconcileAccountState(one.f.db, s);
    const bulk = await world();
    await reconcileAccountStates(bulk.f.db, bulk.states);

    expect(await rows(bulk.f.db)).toEqual(await rows(one.f.db));
    const changed = (await rows(bulk.f.db)).filter((r) => r.endedOn !== null);
    expect(changed.length).toBeGreaterThanOrEqual(3);
  });

  it('writes everything or nothing', async () => {
    const { f, states } = await world();
    const before = await rows(f.db);
    const broken = [...states, { ...states[0], asOf: 'not a date' } as WireAccountState];
    await expect(reconcileAccountStates(f.db, broken)).rejects.toThrow();
    expect(await rows(f.db)).toEqual(before);
  });
});

describe('reconciling from the sync side', () => {
  it('reads 250 accounts in three batch reads of at most 100', async () => {
    const f = await fixture();
    const remote = fakeRemote();
    const ids = Array.from({ length: 250 }, (_, i) => `acc-${i}`);

    const outcome = await reconcileAccountIds(f.db, remote, ids, () => undefined);

    expect(outcome).toMatchObject({ reconciled: 250, missed: [], failure: null });
    expect(remote.statesCalls.map((c) => c.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(remote.perAccountCalls).toEqual([]);
  });

  it('asks one by one a remote without the batch read', async () => {
    const f = await fixture();
    const remote = fakeRemote();
    remote.batchStates = false;

    const outcome = await reconcileAccountIds(f.db, remote, ['a', 'b', 'c'], () => undefined);

    expect(outcome.reconciled).toBe(3);
    expect([...remote.perAccountCalls].sort()).toEqual(['a', 'b', 'c']);
  });

  it('tries a failed batch read once more, then leaves its accounts for the next drain', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 3);
    for (const p of people) await link(f.db, p.account, p.profile);
    const remote = fakeRemote();
    const inner = remote.states.bind(remote);
    let failures = 3;
    remote.states = (ids) => {
      if (failures-- > 0) return Promise.reject(new RemoteError('server', 'HTTP 503'));
      return inner(ids);
    };
    const engine = createSyncEngine({
      db: f.db,
      getRemote: () => remote,
      lock: createInProcessLock(),
      clock: manualClock(),
      random: () => 0.5,
    });

    expect(await engine.drain('first')).toMatchObject({ applied: 3, reconciled: 0 });
    expect(failures).toBe(1); // two tries
    const second = await engine.drain('second');
    expect(second).toMatchObject({ sent: 0, reconciled: 3 });
    expect(failures).toBe(-1); // one failure, then the retry got through
    expect(await engine.drain('third')).toMatchObject({ sent: 0, reconciled: 0 });
  });
});
