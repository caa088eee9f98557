import { describe, expect, it } from 'vitest';
import { markSending, settleResult, settleResults } from '../../src/store/drain';
import type { WireResult } from '../../src/rules';
import { settleBatch } from '../../src/sync/settle';
import {
  activeLinks,
  crowd,
  fixture,
  link,
  outbox,
  T0,
  TODAY,
  unlink,
  type SyncFixture,
} from './fixtures';

/** Ann's link and then Ben's, both queued. */
async function twoQueued() {
  const f = await fixture();
  const a = await link(f.db, f.annA, f.learn);
  const b = await link(f.db, f.benA, f.pu, T0 + 1);
  return { f, a, b };
}

describe('settleBatch', { timeout: 30_000 }, () => {
  it('settles a whole batch in one go', async () => {
    const { f, a, b } = await twoQueued();
    const results: WireResult[] = [
      { id: a.id, status: 'applied' },
      { id: b.id, status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
    ];
    const logs: string[] = [];
    const out = await settleBatch(f.db, results, new Date(T0), (_l, m) => logs.push(m));
    expect(out).toEqual({ settled: results, error: null });
    expect((await outbox(f.db)).map((e) => e.state)).toEqual(['applied', 'rejected']);
    expect(logs).toEqual([]);
  });

  it('falls back to one by one when one result cannot be settled, keeping the others', async () => {
    const { f, a, b } = await twoQueued();
    const results: WireResult[] = [
      { id: a.id, status: 'applied' },
      { id: b.id, status: 'applied' },
    ];
    const failing: typeof settleResult = (db, result, now) =>
      result.id === a.id ? Promise.reject(new Error('corrupt row')) : settleResult(db, result, now);
    const logs: string[] = [];
    const out = await settleBatch(f.db, results, new Date(T0), (_l, m) => logs.push(m), failing);
    expect(out.settled).toEqual([results[1]]);
    expect(out.error).toContain('corrupt row');
    // The failed one is untouched (the next drain requeues and resends it).
    expect((await f.db.outbox.get(a.id))?.state).toBe('queued');
    expect((await f.db.outbox.get(b.id))?.state).toBe('applied');
    expect(
      (await activeLinks(f.db)).find((l) => l.profileId === f.pu.id)?.pendingActionId,
    ).toBeNull();
    expect(logs).toHaveLength(2);
  });
});

describe('settleResults (the store, for settleBatch)', { timeout: 30_000 }, () => {
  /** One world, a mixed batch of answers for it. */
  async function world() {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 4);
    const [p0, p1, p2, p3] = people;
    if (!p0 || !p1 || !p2 || !p3) throw new Error('crowd');
    const l0 = await link(f.db, p0.account, p0.profile);
    const l1 = await link(f.db, p1.account, p1.profile);
    const l2 = await link(f.db, p2.account, p2.profile);
    const u2 = await unlink(f.db, p2.account, p2.profile, T0 + 1);
    const la = await link(f.db, f.annA, f.learn);
    const lb = await link(f.db, f.benB, f.pu, T0 + 2);
    const l3 = await link(f.db, p3.account, p3.profile);
    const at = (e: { profile: { id: string }; accountId: string }, startedOn = TODAY) => ({
      profileId: e.profile.id,
      accountId: e.accountId,
      startedOn,
    });
    const results: WireResult[] = [
      { id: l0.id, status: 'applied', association: at(l0, '2026-11-24') },
      { id: l1.id, status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
      { id: l2.id, status: 'applied', association: at(l2) },
      { id: u2.id, status: 'applied', association: { ...at(u2), endedOn: '2026-11-26' } },
      { id: la.id, status: 'applied', association: at(la) },
      {
        id: lb.id,
        status: 'applied',
        association: at(lb),
        // A result that ends another row (as a move's does) goes the slow way.
        ended: [{ ...at(la), endedOn: TODAY, endReason: 'moved' }],
      },
      { id: l0.id, status: 'applied', association: at(l0, '2026-11-24') },
      { id: 'no-such-action', status: 'applied' },
      { id: l3.id, status: 'applied' },
    ];
    return { f, results };
  }

  /** The outbox and the links, with the fixture's random ids named. */
  async function snapshot({ db, annA, annB, benA, benB, learn, pu }: SyncFixture) {
    const names = new Map([
      [annA.id, 'annA'],
      [annB.id, 'annB'],
      [benA.id, 'benA'],
      [benB.id, 'benB'],
      [learn.id, 'learn'],
      [pu.id, 'pu'],
    ]);
    const name = (id: string) => names.get(id) ?? id;
    const entries = (await outbox(db)).map((e) => [e.type, e.state, e.code, e.settledAt]);
    const rows = (await db.associations.toArray())
      .map((a) => [
        name(a.accountId),
        name(a.profileId),
        a.startedOn,
        a.endedOn,
        a.endReason,
        a.pendingActionId !== null,
      ])
      .map((r) => JSON.stringify(r))
      .sort();
    return { entries, rows };
  }

  it('leaves the outbox and the links as settling each result in order does', async () => {
    const one = await world();
    for (const r of one.results) await settleResult(one.f.db, r, new Date(T0));
    const bulk = await world();
    await settleResults(bulk.f.db, bulk.results, new Date(T0));

    const expected = await snapshot(one.f);
    expect(await snapshot(bulk.f)).toEqual(expected);
    expect(expected.entries.map((e) => e[1])).toEqual([
      'applied',
      'rejected',
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    expect(expected.rows.some((r) => r.includes('2026-11-24'))).toBe(true);
  });
});

describe('markSending (bulk)', () => {
  it('marks the unsettled entries of a batch and leaves settled and unknown ones alone', async () => {
    const { f, a, b } = await twoQueued();
    await settleResult(f.db, { id: a.id, status: 'applied' }, new Date(T0));
    const before = await f.db.outbox.get(b.id);

    await markSending(f.db, [a.id, b.id, 'no-such-entry']);

    expect((await f.db.outbox.get(a.id))?.state).toBe('applied');
    expect(await f.db.outbox.get(b.id)).toEqual({ ...before, state: 'sending' });
    expect(await f.db.outbox.count()).toBe(2);
  });
});
