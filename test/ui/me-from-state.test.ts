/**
 * The view models built from what the store really reads, over the demo data
 * (fake-indexeddb): the numbers the home and link screens show.
 */
import { describe, expect, it } from 'vitest';
import { listAccounts, myView, openDb, type AppDb } from '../../src/store';
import { requestLink } from '../../src/store/ops-link';
import { loadDemo } from '../../src/store/demo';
import { toMeView, type MyStateIn } from '../../src/ui/screens/individual/from-state';
import { allowedCheck, toLinkView } from '../../src/ui/screens/link/link-model';
import { toWelcomeView } from '../../src/ui/screens/welcome/welcome-model';

const NOW = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

async function demo() {
  const db: AppDb = openDb(`t-${crypto.randomUUID()}`);
  const ids = await loadDemo(db, NOW);
  const view = async (accountId: string): Promise<MyStateIn> => {
    const my = await myView(db, accountId, TODAY);
    if (!my) throw new Error('no view');
    return my;
  };
  return { db, ids, view };
}

describe('view models from the store', () => {
  it('Hana: Learn linked 5 days ago, inside the cool-off, credits pending and counted', async () => {
    const { ids, view } = await demo();
    const me = toMeView(await view(ids.hana), [], TODAY);
    expect(me.account.displayName).toBe('Hana Tanaka');
    expect(me.learn.profile?.mcid).toBe('1000001');
    expect(me.learn.link).toEqual({ startedOn: '2026-11-20', pending: false });
    // The person's count: her Learn start 5 days ago and her Partner University one 40 days ago.
    expect(me.learn.usedInWindow).toBe(2);
    expect(me.partnerUniversity.usedInWindow).toBe(2);
    expect(me.learn.nextAssociationOn).toBe('2026-12-20');
    expect(me.partnerUniversity.link?.startedOn).toBe('2026-10-16');
    const byCode = new Map(me.achievements.map((a) => [a.code, a]));
    // AZ-900 done 60 days ago: counts 10 days after the link (20 Nov) → 30 Nov, pending today.
    expect(byCode.get('AZ-900')).toMatchObject({ creditOn: '2026-11-30', counted: false });
    expect(byCode.get('PU-AZ-SALES')).toMatchObject({ creditOn: '2026-10-26', counted: true });
  });

  it('Mei in A after the move: the profile is not linked here, and its achievements do not count here', async () => {
    const { ids, view } = await demo();
    const my = await view(ids.meiA);
    const me = toMeView(my, [], TODAY);
    expect(me.learn.profile?.mcid).toBe('1000003');
    expect(me.learn.link).toBeNull();
    expect(me.learn.elsewhere).toBe('Fabrikam');
    expect(me.achievements).toEqual([]);
    // Linking back to A would end the link to B (named) with B's report removal date.
    const meiLearn = my.profiles[0];
    const check = allowedCheck(
      my,
      meiLearn ?? null,
      { profileId: meiLearn?.profile.id ?? '' },
      TODAY,
    );
    expect(check).toMatchObject({ ok: true, startNumber: 3 });
    expect(check.ok && check.ends).toEqual([{ orgName: 'Fabrikam', removalOn: '2026-12-10' }]);
  });

  it('Ryo: a Learn profile without MCID, no Partner University account', async () => {
    const { ids, view } = await demo();
    const my = await view(ids.ryo);
    const me = toMeView(my, [], TODAY);
    expect(me.learn.profile?.mcid).toBeNull();
    expect(me.partnerUniversity.profile).toBeNull();
    expect(me.partnerUniversity.nextAssociationOn).toBe(TODAY);
    expect(toLinkView(my, 'learn', TODAY).profiles.map((p) => p.mcid)).toEqual([null]);
    expect(toLinkView(my, 'partner-university', TODAY).profiles).toEqual([]);
  });

  it('a queued link shows as pending on the card and in the queue, with its MCID', async () => {
    const { db, ids, view } = await demo();
    // Sora unlinked 2 days ago; she links again once the cool-off is over.
    const sora = await view(ids.sora);
    const soraLearn = sora.profiles[0];
    if (!soraLearn) throw new Error('no profile');
    const entry = await requestLink(
      db,
      { actorAccountId: ids.sora, accountId: ids.sora, profileId: soraLearn.profile.id },
      new Date('2026-12-25T09:00:00Z'),
    );
    const me = toMeView(await view(ids.sora), [entry], TODAY);
    expect(me.learn.link).toEqual({ startedOn: '2026-12-25', pending: true });
    expect(me.queue).toEqual([
      expect.objectContaining({
        id: entry.id,
        type: 'link',
        state: 'queued',
        profileLabel: '1000005',
      }),
    ]);
    // Another account's entries are not mine to see here.
    expect(toMeView(await view(ids.hana), [entry], TODAY).queue).toEqual([]);
  });

  it('the welcome list: every account with its organization, deleted ones marked', async () => {
    const { db, ids } = await demo();
    const w = toWelcomeView(await listAccounts(db), ids.hana);
    expect(w.currentAccountId).toBe(ids.hana);
    expect(w.accounts.length).toBeGreaterThanOrEqual(11);
    const taro = w.accounts.find((a) => a.id === ids.taro);
    expect(taro?.deleted).toBe(true);
    expect(w.accounts.find((a) => a.id === ids.hana)?.orgName).not.toBe('');
  });
});
