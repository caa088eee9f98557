/**
 * What a reconciliation changed is recorded with it (one transaction) for
 * "what changed": a link ended elsewhere, a link made elsewhere; not history
 * nor what this device's own queued actions did; and "last checked" only
 * when a pull says so.
 */
import { describe, expect, it, vi } from 'vitest';
import { dismissSyncChanges, getSyncNews } from '../../src/store';
import { requestLink, requestUnlink } from '../../src/store/ops-link';
import { reconcileAccountStates, settleResult } from '../../src/store/drain';
import { MAX_SYNC_CHANGES } from '../../src/store/sync-news';
import { NOW, TODAY, fixture, self } from './fixtures';

const AS_OF = '2026-12-02T08:00:00.000Z';
const CHECKED = new Date('2026-12-02T08:00:05.000Z');

/**
 * Records the stores of each read-write transaction IndexedDB is asked for
 * while `during` runs. Install it before the database opens (Dexie binds
 * IDBDatabase's `transaction` then).
 */
/** Ann's Learn link, confirmed, and the remote's state that says the same. */
async function annLinked() {
  const f = await fixture();
  const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
  await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
  const same = {
    accountId: f.annA.id,
    asOf: AS_OF,
    associations: [{ profileId: f.learn.id, accountId: f.annA.id, startedOn: TODAY }],
    nextAssociationOn: {},
  };
  return { f, same };
}

function watchWrites(): { during: (task: () => Promise<unknown>) => Promise<string[][]> } {
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
  return {
    during: async (task) => {
      const from = spy.mock.calls.length;
      await task();
      return spy.mock.calls
        .slice(from)
        .filter(([, mode]) => mode === 'readwrite')
        .map(([names]) => (typeof names === 'string' ? [names] : [...names]).sort());
    },
  };
}

describe('sync news', () => {
  it('records a link ended elsewhere and one made elsewhere, with the organization named', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annB, f.learn), NOW);
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);

    const changes = await reconcileAccountStates(
      f.db,
      [
        // Fabrikam: the Learn link is gone (removed on another device).
        { accountId: f.annB.id, asOf: AS_OF, associations: [], nextAssociationOn: {} },
        // Contoso: a Partner University link made elsewhere, and an old ended one (history).
        {
          accountId: f.annA.id,
          asOf: AS_OF,
          associations: [
            { profileId: f.pu.id, accountId: f.annA.id, startedOn: '2026-12-01' },
            {
              profileId: f.learn.id,
              accountId: f.annA.id,
              startedOn: '2026-01-05',
              endedOn: '2026-02-01',
              endReason: 'unlinked',
            },
          ],
          nextAssociationOn: {},
        },
      ],
      { checkedAt: CHECKED },
    );
    const summary = changes.map((c) => [
      c.change,
      c.orgName,
      c.profileKind,
      c.endedOn,
      c.endReason,
    ]);
    expect(summary).toEqual([
      ['ended', 'Fabrikam', 'learn', '2026-12-02', 'unlinked'],
      ['linked', 'Contoso Japan', 'partner-university', null, null],
    ]);
    const news = await getSyncNews(f.db);
    expect(news.checkedAt).toBe(CHECKED.toISOString());
    expect(news.changes).toEqual(changes);
  });

  it('records nothing for rows an unsettled action guards, or when nothing differs', async () => {
    const { f, same } = await annLinked();
    expect(await reconcileAccountStates(f.db, [same])).toEqual([]);
    // The unlink is queued; the remote still lists the link: nothing is undone or told.
    await requestUnlink(f.db, self(f.annA, f.learn), NOW);
    expect(await reconcileAccountStates(f.db, [same], { checkedAt: CHECKED })).toEqual([]);
    const news = await getSyncNews(f.db);
    expect(news).toMatchObject({ checkedAt: CHECKED.toISOString(), changes: [] });
    expect((await f.db.associations.toArray()).map((a) => a.endedOn)).toEqual([TODAY]);
  });

  it('a pull that changes nothing writes "last checked" only: no write lock on the links or the report', async () => {
    const writes = watchWrites();
    const { f, same } = await annLinked();
    // The store widens a read-write transaction over a source table to every source and
    // derived table: the organization's screens would wait for a pull that changed nothing.
    const scopes = await writes.during(() =>
      reconcileAccountStates(f.db, [same, { ...same, accountId: f.benB.id, associations: [] }], {
        checkedAt: CHECKED,
      }),
    );
    expect(scopes).toEqual([['syncNews']]);
    expect(await getSyncNews(f.db)).toMatchObject({
      checkedAt: CHECKED.toISOString(),
      changes: [],
    });
    // Without "last checked" (a drain's reconcile), nothing is written at all.
    expect(await writes.during(() => reconcileAccountStates(f.db, [same]))).toEqual([]);
  });

  it('a drain’s reconcile leaves "last checked" alone; dismissing removes what was read', async () => {
    const f = await fixture();
    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    await reconcileAccountStates(f.db, [
      { accountId: f.annA.id, asOf: AS_OF, associations: [], nextAssociationOn: {} },
    ]);
    const news = await getSyncNews(f.db);
    expect(news.checkedAt).toBeNull();
    expect(news.changes).toHaveLength(1);
    await dismissSyncChanges(f.db, [news.changes[0]?.id ?? '']);
    expect((await getSyncNews(f.db)).changes).toEqual([]);
  });

  it(`keeps the newest ${String(MAX_SYNC_CHANGES)} changes`, async () => {
    const f = await fixture();
    const states = Array.from({ length: MAX_SYNC_CHANGES + 5 }, (_, i) => ({
      accountId: f.annA.id,
      asOf: AS_OF,
      associations: [
        {
          profileId: f.pu.id,
          accountId: f.annA.id,
          startedOn: `2026-0${String(1 + (i % 9))}-${String(10 + Math.floor(i / 9)).padStart(2, '0')}`,
        },
      ],
      nextAssociationOn: {},
    }));
    for (const s of states) await reconcileAccountStates(f.db, [s]);
    const news = await getSyncNews(f.db);
    expect(news.changes).toHaveLength(MAX_SYNC_CHANGES);
    expect(news.changes[0]?.startedOn).toBe(states.at(-1)?.associations[0]?.startedOn);
  });
});
