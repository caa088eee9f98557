import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../src/store';
import { requestLink, requestUnlink } from '../../src/store/ops-link';
import { reconcileAccountState, settleResult } from '../../src/store/drain';
import { DEFAULT_SETTINGS, NOW, TODAY, fixture, freshDb, self } from './fixtures';

const AS_OF = '2026-11-27T08:00:00.000Z';

describe('reconcileAccountState', () => {
  it('inserts what the remote has, ends what it ended, and leaves other accounts alone', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    const other = await requestLink(f.db, self(f.benB, f.pu), NOW);
    await settleResult(f.db, { id: other.id, status: 'applied' }, NOW);

    await reconcileAccountState(f.db, {
      accountId: f.annA.id,
      asOf: AS_OF,
      associations: [
        {
          profileId: f.learn.id,
          accountId: f.annA.id,
          startedOn: TODAY,
          endedOn: '2026-11-26',
          endReason: 'moved',
        },
        {
          profileId: f.pu.id,
          accountId: f.annA.id,
          startedOn: '2026-02-01',
          endedOn: '2026-03-01',
          endReason: 'unlinked',
        },
      ],
      nextAssociationOn: {},
    });
    const rows = await f.db.associations.where('accountId').equals(f.annA.id).sortBy('startedOn');
    expect(
      rows.map((r) => [r.profileId, r.startedOn, r.endedOn, r.endReason, r.pendingActionId]),
    ).toEqual([
      [f.pu.id, '2026-02-01', '2026-03-01', 'unlinked', null],
      [f.learn.id, TODAY, '2026-11-26', 'moved', null],
    ]);
    expect(await f.db.associations.get(other.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: null,
    });
  });

  it('ends a local active link the remote no longer has, on the remote day', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    await reconcileAccountState(f.db, {
      accountId: f.annA.id,
      asOf: AS_OF,
      associations: [],
      nextAssociationOn: {},
    });
    expect(await f.db.associations.get(e.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: '2026-11-27',
      endReason: 'unlinked',
    });
  });

  it('never touches what an unsettled outbox entry created or ended', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: link.id, status: 'applied' }, NOW);
    const unlink = await requestUnlink(f.db, self(f.annA, f.learn), NOW);
    const pu = await requestLink(f.db, self(f.benA, f.pu), NOW);
    const before = await f.db.associations.toArray();
    // The remote has not seen the unlink nor the new link yet.
    await reconcileAccountState(f.db, {
      accountId: f.annA.id,
      asOf: AS_OF,
      associations: [{ profileId: f.learn.id, accountId: f.annA.id, startedOn: TODAY }],
      nextAssociationOn: {},
    });
    expect(await f.db.associations.toArray()).toEqual(before);
    expect(unlink.effect.ended).toHaveLength(1);
    expect(pu.effect.createdAssociationId).not.toBeNull();
  });
});

describe('settings', () => {
  it('has defaults, and a patch changes only what it names', async () => {
    const db = freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { language: 'ja' });
    const next = await updateSettings(db, {
      remote: { kind: 'http', baseUrl: 'https://pc.example', token: null },
    });
    expect(next).toMatchObject({ language: 'ja', remote: { kind: 'http' }, embeddedDelayMs: 0 });
    expect(await getSettings(db)).toEqual(next);
  });
});
