import { describe, expect, it } from 'vitest';
import { getSettings, myView, resetAll, updateSettings, type AppDb } from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import {
  previewLinkTyped,
  removeWrongMcid,
  requestLinkTyped,
  requestLink,
  requestUnlink,
} from '../../src/store/ops-link';
import { checkInvariants } from '../../src/rules/invariants';
import { loadDemo } from '../../src/store/demo';
import { NOW, TODAY, allUsers, freshDb, refusal, stateOf, wholeReport } from './fixtures';

async function learnOf(db: AppDb, accountId: string) {
  const view = await myView(db, accountId, TODAY);
  const profile = view?.profiles.find((p) => p.profile.kind === 'learn');
  if (!view || !profile) throw new Error('no learn profile');
  return { ...profile, limits: view.limits };
}

describe('demo data shows each rule', () => {
  it('Kenji is at 3 of 3 and gets YEARLY_LIMIT with the day his oldest start leaves the window', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const kenji = await learnOf(db, ids.kenji);
    expect(kenji.limits).toEqual({
      associationsUsed: 3,
      yearlyLimit: 3,
      nextAssociationOn: '2026-12-25',
    });
    const req = { actorAccountId: ids.kenji, accountId: ids.kenji, profileId: kenji.profile.id };
    await requestUnlink(db, req, NOW);
    expect(await refusal(requestLink(db, req, NOW))).toMatchObject({
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2026-12-25',
    });
  });

  it('Sora, unlinked two days ago, is inside the cool-off; Hana shows hers while linked', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const sora = await learnOf(db, ids.sora);
    const req = { actorAccountId: ids.sora, accountId: ids.sora, profileId: sora.profile.id };
    expect(await refusal(requestLink(db, req, NOW))).toMatchObject({
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-13',
    });
    const hana = await learnOf(db, ids.hana);
    // Her Learn start 5 days ago and her Partner University one 40 days ago: 2 of 3.
    expect(hana.limits).toMatchObject({ associationsUsed: 2, nextAssociationOn: '2026-12-20' });
    expect(hana.achievements.map((a) => [a.achievement.code, a.creditOn, a.status])).toEqual([
      ['AI-102', '2026-12-03', 'pending'],
      ['AZ-900', '2026-11-30', 'pending'],
    ]);
  });

  it('Mei moved from A to B: A shows a scheduled removal, B pending credit', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const fromA = (
      await wholeReport(db, (await db.accounts.get(ids.meiA))?.orgId ?? '', TODAY)
    ).filter((r) => r.accountId === ids.meiA);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(fromA.sort(byCode).map((r) => [r.code, r.endReason, r.countsUntil, r.status])).toEqual([
      ['AZ-900', 'moved', '2026-12-10', 'scheduled-removal'],
      ['PL-300', 'moved', '2026-12-10', 'scheduled-removal'],
    ]);
    const fromB = (
      await wholeReport(db, (await db.accounts.get(ids.meiB))?.orgId ?? '', TODAY)
    ).filter((r) => r.accountId === ids.meiB);
    expect(fromB.sort(byCode).map((r) => [r.code, r.countsFrom, r.status])).toEqual([
      ['AZ-900', '2026-11-29', 'pending'],
      ['PL-300', '2026-11-29', 'pending'],
    ]);
    const mei = await myView(db, ids.meiA, TODAY);
    expect(mei?.activeLinks.learn).toBeNull();
    expect(mei?.profiles[0]?.activeLink?.account?.id).toBe(ids.meiB);
  });

  it('A lists Taro as deleted (removal on the 10th) and Yuki as never signed in', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const orgA = (await db.accounts.get(ids.adminA))?.orgId ?? '';
    const users = new Map((await allUsers(db, orgA)).map((u) => [u.account.id, u]));
    const state = (id: string) => {
      const user = users.get(id);
      return user ? stateOf(user) : undefined;
    };
    expect(state(ids.taro)).toBe('deleted');
    expect(users.get(ids.taro)).toMatchObject({ removalOn: '2026-12-10' });
    expect(state(ids.yuki)).toBe('never-signed-in');
    expect(users.get(ids.yuki)).toMatchObject({ removalOn: null });
    expect(state(ids.hana)).toBe('learn-linked');
    expect(users.get(ids.hana)).toMatchObject({ learnLinked: true, puLinked: true });
    expect(state(ids.sora)).toBe('signed-in');
    const taroRows = (await wholeReport(db, orgA, TODAY)).filter((r) => r.accountId === ids.taro);
    expect(taroRows.map((r) => [r.endReason, r.countsUntil, r.status])).toEqual([
      ['account-deleted', '2026-12-10', 'scheduled-removal'],
      ['account-deleted', '2026-12-10', 'scheduled-removal'],
    ]);
    const taro = await learnOf(db, ids.taro);
    const req = { actorAccountId: ids.taro, accountId: ids.taro, profileId: taro.profile.id };
    expect((await refusal(requestLink(db, req, NOW))).code).toBe('NO_ACCESS');
  });

  it('B has a Partner University link and an incomplete Learn profile', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const orgB = (await db.accounts.get(ids.adminB))?.orgId ?? '';
    const users = new Map((await allUsers(db, orgB)).map((u) => [u.account.id, stateOf(u)]));
    expect(users.get(ids.olivia)).toBe('partner-university-linked');
    const ryo = await learnOf(db, ids.ryo);
    expect(ryo.profile.mcid).toBeNull();
    const req = { actorAccountId: ids.ryo, accountId: ids.ryo, profileId: ryo.profile.id };
    expect((await refusal(requestLink(db, req, NOW))).code).toBe('PROFILE_INCOMPLETE');
  });
});

describe('the demo keeps the rules', () => {
  it('breaks none of the invariants an import is checked against, on any day it is loaded', async () => {
    for (const at of [NOW, new Date('2028-02-29T23:59:00Z'), new Date('2027-03-31T00:00:00Z')]) {
      const db = freshDb();
      await loadDemo(db, at);
      const data = {
        organizations: await db.organizations.toArray(),
        accounts: await db.accounts.toArray(),
        profiles: await db.profiles.toArray(),
        associations: await db.associations.toArray(),
      };
      expect(checkInvariants(data)).toEqual([]);
    }
  });
});

describe('demo: the limits are the person’s, whatever MCID they type (issue 15)', () => {
  // Written with the operations that existed before the fix, where a second
  // MCID was a fresh profile with fresh counts and linked at once.
  async function anotherMcid(db: AppDb, accountId: string, mcid: string) {
    const account = await db.accounts.get(accountId);
    const profile = await addLearningProfile(db, {
      personId: account?.personId ?? '',
      kind: 'learn',
      label: 'typed',
      mcid,
    });
    return requestLink(db, { actorAccountId: accountId, accountId, profileId: profile.id }, NOW);
  }

  it('Kenji (3 of 3) and Sora (cool-off) cannot link by adding another MCID', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const kenji = await learnOf(db, ids.kenji);
    await requestUnlink(
      db,
      { actorAccountId: ids.kenji, accountId: ids.kenji, profileId: kenji.profile.id },
      NOW,
    );
    const before = await db.associations.count();
    expect((await refusal(anotherMcid(db, ids.kenji, '1999991'))).code).toBe(
      'PERSON_HAS_OTHER_MCID',
    );
    expect((await refusal(anotherMcid(db, ids.sora, '1999992'))).code).toBe(
      'PERSON_HAS_OTHER_MCID',
    );
    expect(await db.associations.count()).toBe(before);
  });

  it('typed in the link screen, after "not my MCID", the person’s counts still refuse', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    for (const [who, code, on] of [
      [ids.kenji, 'YEARLY_LIMIT', '2026-12-25'],
      [ids.sora, 'COOL_OFF', '2026-12-13'],
    ] as const) {
      const typed = { actorAccountId: who, accountId: who, mcid: '1999993' };
      expect((await previewLinkTyped(db, typed, NOW)).decision).toEqual({
        ok: false,
        code: 'PERSON_HAS_OTHER_MCID',
      });
      const mine = await learnOf(db, who);
      await removeWrongMcid(db, { actorAccountId: who, profileId: mine.profile.id }, NOW);
      expect((await previewLinkTyped(db, typed, NOW)).decision).toEqual({
        ok: false,
        code,
        nextAllowedOn: on,
      });
      expect(await refusal(requestLinkTyped(db, typed, NOW))).toMatchObject({
        code,
        nextAllowedOn: on,
      });
      const view = await myView(db, who, TODAY);
      expect(view?.profiles.filter((p) => p.profile.kind === 'learn')).toEqual([]);
      expect(view?.limits.nextAssociationOn).toBe(on);
      // Refused: the typed MCID was not stored.
      expect(await db.profiles.where('mcid').equals('1999993').count()).toBe(0);
    }
  });
});

describe('loadDemo and resetAll', () => {
  it('load replaces the data, keeps the language and signs in as Hana; reset clears everything', async () => {
    const db = freshDb();
    await updateSettings(db, { language: 'ja' });
    await loadDemo(db, NOW);
    const ids = await loadDemo(db, NOW); // twice: replaces, does not add up
    expect(await db.organizations.count()).toBe(2);
    expect(await db.accounts.count()).toBe(11);
    expect(await getSettings(db)).toMatchObject({ language: 'ja', currentAccountId: ids.hana });
    await requestUnlink(
      db,
      {
        actorAccountId: ids.hana,
        accountId: ids.hana,
        profileId: (await learnOf(db, ids.hana)).profile.id,
      },
      NOW,
    );
    expect(await db.outbox.count()).toBe(1);
    await resetAll(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
