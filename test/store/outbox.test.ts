import { describe, expect, it } from 'vitest';
import { dismissEntry, pendingOutbox } from '../../src/store';
import { requestLink, requestUnlink } from '../../src/store/ops-link';
import {
  dueEntries,
  failEntries,
  markSending,
  requeueInterrupted,
  scheduleRetry,
  settleResult,
} from '../../src/store/drain';
import { NOW, TODAY, fixture, self } from './fixtures';

const LATER = new Date('2026-11-26T00:00:00Z');

describe('request → outbox entry', () => {
  it('writes the optimistic link and a queued entry with the next seq', async () => {
    const f = await fixture();
    const e1 = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const e2 = await requestLink(f.db, self(f.benA, f.pu), NOW);
    expect([e1.seq, e2.seq]).toEqual([1, 2]);
    expect(e1).toMatchObject({
      type: 'link',
      state: 'queued',
      attempts: 0,
      accountId: f.annA.id,
      profile: { kind: 'learn', id: f.learn.id, mcid: '1234567' },
      requestedAt: NOW.toISOString(),
    });
    const created = await f.db.associations.get(e1.effect.createdAssociationId ?? '');
    expect(created).toMatchObject({
      profileId: f.learn.id,
      accountId: f.annA.id,
      startedOn: TODAY,
      endedOn: null,
      pendingActionId: e1.id,
    });
    expect(await f.db.outbox.get(e1.id)).toEqual(e1);
  });
});

describe('dueEntries', () => {
  it('keeps per-profile order: a later entry waits while an earlier one is in flight', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const unlink = await requestUnlink(f.db, self(f.annA, f.learn), NOW);
    const pu = await requestLink(f.db, self(f.benA, f.pu), NOW);
    const ids = async (limit = 100) =>
      (await dueEntries(f.db, NOW.getTime(), limit)).map((e) => e.id);

    expect(await ids()).toEqual([link.id, unlink.id, pu.id]);
    expect(await ids(2)).toEqual([link.id, unlink.id]);
    await markSending(f.db, [link.id]);
    expect(await ids()).toEqual([pu.id]);
    // A retry not yet due blocks its profile too; once due, it goes first again.
    await scheduleRetry(f.db, [link.id], NOW.getTime() + 60_000, 'offline');
    expect(await ids()).toEqual([pu.id]);
    expect((await dueEntries(f.db, NOW.getTime() + 60_000, 100)).map((e) => e.id)).toEqual([
      link.id,
      unlink.id,
      pu.id,
    ]);
  });

  it('skips settled entries and counts the limit across profiles', async () => {
    const f = await fixture();
    const a = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const b = await requestLink(f.db, self(f.benA, f.pu), NOW);
    await settleResult(f.db, { id: a.id, status: 'applied' }, NOW);
    expect((await dueEntries(f.db, NOW.getTime(), 1)).map((e) => e.id)).toEqual([b.id]);
    expect(await dueEntries(f.db, NOW.getTime(), 0)).toEqual([]);
  });
});

describe('markSending, scheduleRetry, requeueInterrupted', () => {
  it('counts attempts, keeps the error, and puts a crashed send back in the queue', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await markSending(f.db, [e.id, 'unknown-id']);
    expect((await f.db.outbox.get(e.id))?.state).toBe('sending');
    await scheduleRetry(f.db, [e.id], 1234, '503');
    await scheduleRetry(f.db, [e.id], 5678, 'timeout');
    expect(await f.db.outbox.get(e.id)).toMatchObject({
      state: 'retry',
      attempts: 2,
      nextAttemptAt: 5678,
      lastError: 'timeout',
    });
    await markSending(f.db, [e.id]);
    expect(await requeueInterrupted(f.db)).toBe(1);
    expect((await f.db.outbox.get(e.id))?.state).toBe('queued');
    expect(await requeueInterrupted(f.db)).toBe(0);
  });
});

describe('settleResult', () => {
  it('applied: the link loses its pending mark and takes the remote start day', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await markSending(f.db, [e.id]);
    await settleResult(
      f.db,
      {
        id: e.id,
        status: 'applied',
        association: { profileId: f.learn.id, accountId: f.annA.id, startedOn: '2026-11-24' },
      },
      LATER,
    );
    expect(await f.db.associations.get(e.effect.createdAssociationId ?? '')).toMatchObject({
      startedOn: '2026-11-24',
      pendingActionId: null,
    });
    expect(await f.db.outbox.get(e.id)).toMatchObject({
      state: 'applied',
      settledAt: LATER.toISOString(),
    });
  });

  it('applied: ends locally what the remote ended as a side effect', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const move = await requestLink(f.db, self(f.benB, f.pu), NOW);
    // The remote also ended the Learn link in A (say, decided on another device).
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    await settleResult(
      f.db,
      {
        id: move.id,
        status: 'applied',
        ended: [
          {
            profileId: f.learn.id,
            accountId: f.annA.id,
            startedOn: TODAY,
            endedOn: TODAY,
            endReason: 'moved',
          },
        ],
      },
      NOW,
    );
    expect(await f.db.associations.get(e.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: TODAY,
      endReason: 'moved',
    });
  });

  it('applied unlink: the link ends on the remote\u2019s day', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: link.id, status: 'applied' }, NOW);
    const unlink = await requestUnlink(f.db, self(f.annA, f.learn), LATER);
    await settleResult(
      f.db,
      {
        id: unlink.id,
        status: 'applied',
        association: {
          profileId: f.learn.id,
          accountId: f.annA.id,
          startedOn: TODAY,
          endedOn: '2026-11-25',
          endReason: 'unlinked',
        },
      },
      LATER,
    );
    expect(await f.db.associations.get(link.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: '2026-11-25',
      endReason: 'unlinked',
    });
  });

  it('rejected: removes the optimistic link and keeps the code and date', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(
      f.db,
      { id: e.id, status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-20' },
      LATER,
    );
    expect(await f.db.associations.count()).toBe(0);
    expect(await f.db.outbox.get(e.id)).toMatchObject({
      state: 'rejected',
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
      settledAt: LATER.toISOString(),
    });
  });

  it('rejected move: the link to company A comes back as it was', async () => {
    const f = await fixture();
    const first = await requestLink(f.db, self(f.annA, f.learn), new Date('2026-01-05T00:00:00Z'));
    await settleResult(f.db, { id: first.id, status: 'applied' }, NOW);
    const move = await requestLink(f.db, self(f.annB, f.learn), NOW);
    const aLink = first.effect.createdAssociationId ?? '';
    expect(await f.db.associations.get(aLink)).toMatchObject({
      endedOn: TODAY,
      endReason: 'moved',
    });
    expect(move.effect.ended).toEqual([{ id: aLink, endedOn: null, endReason: null }]);

    await settleResult(f.db, { id: move.id, status: 'rejected', code: 'YEARLY_LIMIT' }, NOW);
    expect(await f.db.associations.get(aLink)).toMatchObject({
      accountId: f.annA.id,
      startedOn: '2026-01-05',
      endedOn: null,
      endReason: null,
    });
    expect(await f.db.associations.count()).toBe(1);
  });

  it('is idempotent: a repeated or unknown result changes nothing', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    const before = { rows: await f.db.associations.toArray(), entry: await f.db.outbox.get(e.id) };
    await settleResult(f.db, { id: e.id, status: 'rejected', code: 'COOL_OFF' }, LATER);
    await settleResult(f.db, { id: e.id, status: 'applied' }, LATER);
    await settleResult(f.db, { id: crypto.randomUUID(), status: 'rejected' }, LATER);
    expect(await f.db.associations.toArray()).toEqual(before.rows);
    expect(await f.db.outbox.get(e.id)).toEqual(before.entry);
  });
});

describe('failEntries', () => {
  it('rolls back like a refusal, newest first, and marks them failed', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const unlink = await requestUnlink(f.db, self(f.annA, f.learn), NOW);
    await failEntries(f.db, [link.id, unlink.id], '422 bad request', LATER);
    expect(await f.db.associations.count()).toBe(0);
    for (const id of [link.id, unlink.id]) {
      expect(await f.db.outbox.get(id)).toMatchObject({
        state: 'failed',
        lastError: '422 bad request',
        settledAt: LATER.toISOString(),
      });
    }
  });

  it('rolling back an unlink alone restores the link', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const unlink = await requestUnlink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: link.id, status: 'applied' }, NOW);
    await failEntries(f.db, [unlink.id], '400');
    expect(await f.db.associations.get(link.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: null,
      endReason: null,
    });
  });
});

describe('pendingOutbox and dismissEntry', () => {
  it('shows unsent and unread refusals in order, hides applied and dismissed', async () => {
    const f = await fixture();
    const a = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const b = await requestLink(f.db, self(f.benA, f.pu), NOW);
    const c = await requestUnlink(f.db, self(f.benA, f.pu), NOW);
    await settleResult(f.db, { id: a.id, status: 'applied' }, NOW);
    await settleResult(f.db, { id: b.id, status: 'rejected', code: 'NO_ACCESS' }, NOW);
    expect((await pendingOutbox(f.db)).map((e) => e.id)).toEqual([b.id, c.id]);
    await dismissEntry(f.db, c.id, NOW); // still pending: cannot be dismissed
    await dismissEntry(f.db, b.id, NOW);
    expect((await pendingOutbox(f.db)).map((e) => e.id)).toEqual([c.id]);
  });
});
