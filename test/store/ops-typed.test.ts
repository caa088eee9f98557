/**
 * A typed MCID, a Partner University sign-up and "this is not my MCID"
 * (issue 15): checking writes nothing, "Link now" writes the profile, the
 * link and its outbox entry in one transaction, the person's limits hold for
 * a new account, and the correction ends the link through the outbox
 * without giving a start back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { myView, type AppDb } from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import {
  previewLinkTyped,
  removeWrongMcid,
  requestLink,
  requestLinkTyped,
  requestUnlink,
} from '../../src/store/ops-link';
import { PU_NAME_MAX } from '../../src/rules';
import { exportJson } from '../../src/store/transfer';
import { NOW, TODAY, fixture, refusal, self } from './fixtures';

const day = (d: string) => new Date(`${d}T12:00:00Z`);

async function tables(db: AppDb) {
  return {
    profiles: await db.profiles.toArray(),
    associations: await db.associations.toArray(),
    outbox: await db.outbox.toArray(),
  };
}

/** A failure injected inside the transaction, after the profile and the link were written. */
async function failsLeavingNothing(db: AppDb, task: () => Promise<unknown>) {
  const before = await tables(db);
  vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('injected'));
  await expect(task()).rejects.toThrow('injected');
  expect(await tables(db)).toEqual(before);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a typed MCID', () => {
  it('the check leaves the database byte for byte as it was', async () => {
    const f = await fixture();
    const incomplete = await addLearningProfile(f.db, {
      personId: f.benA.personId,
      kind: 'learn',
      label: 'ben',
    });
    const before = await exportJson(f.db, NOW);
    // A new MCID, the one completing an incomplete profile, a refused one, a malformed one.
    const ann = { actorAccountId: f.annA.id, accountId: f.annA.id };
    const ben = { actorAccountId: f.benA.id, accountId: f.benA.id };
    expect((await previewLinkTyped(f.db, { ...ben, mcid: '5550001' }, NOW)).profileId).toBe(
      incomplete.id,
    );
    expect(await previewLinkTyped(f.db, { ...ann, mcid: '5550002' }, NOW)).toEqual({
      decision: { ok: false, code: 'PERSON_HAS_OTHER_MCID' },
      profileId: null,
    });
    expect((await previewLinkTyped(f.db, { ...ann, mcid: '1234567' }, NOW)).profileId).toBe(
      f.learn.id,
    );
    expect((await refusal(previewLinkTyped(f.db, { ...ben, mcid: '1234567' }, NOW))).code).toBe(
      'DUPLICATE_MCID',
    );
    expect((await refusal(previewLinkTyped(f.db, { ...ben, mcid: '12ab' }, NOW))).code).toBe(
      'MCID_INVALID',
    );
    expect(await exportJson(f.db, NOW)).toBe(before);
  });

  it('"Link now" writes profile, link and outbox entry together, or none of them', async () => {
    const f = await fixture();
    const ben = { actorAccountId: f.benA.id, accountId: f.benA.id, mcid: '5550001' };
    await failsLeavingNothing(f.db, () => requestLinkTyped(f.db, ben, NOW));

    const entry = await requestLinkTyped(f.db, ben, NOW);
    const profile = await f.db.profiles.where('mcid').equals('5550001').first();
    expect(profile).toMatchObject({ personId: f.benA.personId, kind: 'learn' });
    expect(entry).toMatchObject({ type: 'link', profile: { id: profile?.id, mcid: '5550001' } });
    expect(
      await f.db.associations
        .where('profileId')
        .equals(profile?.id ?? '')
        .count(),
    ).toBe(1);
  });

  it('a refused "Link now" stores nothing either', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.benA, f.pu), NOW);
    const before = await tables(f.db);
    const ben = { actorAccountId: f.benA.id, accountId: f.benA.id, mcid: '5550001' };
    expect(await refusal(requestLinkTyped(f.db, ben, NOW))).toMatchObject({ code: 'COOL_OFF' });
    expect(await tables(f.db)).toEqual(before);
  });
});

describe('"this is not my MCID"', () => {
  it('ends the link as an unlink in the outbox, hides the profile, and keeps the counts', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    const entry = await removeWrongMcid(
      f.db,
      { actorAccountId: f.annA.id, profileId: f.learn.id },
      day('2026-11-26'),
    );
    expect(entry).toMatchObject({
      type: 'unlink',
      state: 'queued',
      actorAccountId: f.annA.id,
      accountId: f.annA.id,
      profile: { id: f.learn.id, mcid: '1234567' },
    });
    expect(await f.db.profiles.get(f.learn.id)).toMatchObject({
      mcid: null,
      removedOn: '2026-11-26',
    });
    const view = await myView(f.db, f.annA.id, '2026-11-26');
    expect(view?.profiles.map((p) => p.profile.kind)).toEqual(['partner-university']);
    expect(view?.limits).toMatchObject({ associationsUsed: 1, nextAssociationOn: '2026-12-25' });
    // Her own MCID can now be typed, and waits for the cool-off of the removed one's start.
    const typed = { actorAccountId: f.annA.id, accountId: f.annA.id, mcid: '7654321' };
    expect(await refusal(requestLinkTyped(f.db, typed, day('2026-12-01')))).toMatchObject({
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-25',
    });
    await expect(requestLinkTyped(f.db, typed, day('2026-12-25'))).resolves.toMatchObject({
      type: 'link',
    });
    // The wrong MCID is free for its owner.
    await expect(
      addLearningProfile(f.db, {
        personId: f.benA.personId,
        kind: 'learn',
        label: 'ben',
        mcid: '1234567',
      }),
    ).resolves.toMatchObject({ mcid: '1234567' });
  });

  it('queues nothing for an unlinked profile, and refuses what is not the person’s', async () => {
    const f = await fixture();
    expect(
      await removeWrongMcid(f.db, { actorAccountId: f.annA.id, profileId: f.learn.id }, NOW),
    ).toBeNull();
    expect(await f.db.outbox.count()).toBe(0);
    const again = { actorAccountId: f.annA.id, profileId: f.learn.id };
    expect((await refusal(removeWrongMcid(f.db, again, NOW))).code).toBe('NOT_FOUND');
    const others = { actorAccountId: f.benA.id, profileId: f.annPu.id };
    expect((await refusal(removeWrongMcid(f.db, others, NOW))).code).toBe('NOT_SELF');
    const pu = { actorAccountId: f.annA.id, profileId: f.annPu.id };
    expect((await refusal(removeWrongMcid(f.db, pu, NOW))).code).toBe('INVALID_INPUT');
    expect(await myView(f.db, f.annA.id, TODAY)).toMatchObject({
      limits: { associationsUsed: 0 },
    });
  });

  it('a link held by the person’s other account is ended from that account (rule 2)', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annB, f.learn), NOW);
    const before = await tables(f.db);
    const fromA = { actorAccountId: f.annA.id, profileId: f.learn.id };
    expect((await refusal(removeWrongMcid(f.db, fromA, NOW))).code).toBe('NOT_SELF');
    expect(await tables(f.db)).toEqual(before);
    const fromB = { actorAccountId: f.annB.id, profileId: f.learn.id };
    await expect(removeWrongMcid(f.db, fromB, NOW)).resolves.toMatchObject({ type: 'unlink' });
  });
});

describe('a Partner University sign-up (sign in or sign up, the article’s step 3)', () => {
  /** Ann with her MCID and no Partner University account on the device. */
  async function annWithoutPu() {
    const f = await fixture();
    await f.db.profiles.delete(f.annPu.id);
    const ann = { actorAccountId: f.annA.id, accountId: f.annA.id };
    return { f, ann };
  }

  it('the check leaves the database byte for byte as it was', async () => {
    const { f, ann } = await annWithoutPu();
    const before = await exportJson(f.db, NOW);
    expect(await previewLinkTyped(f.db, { ...ann, puName: 'ann@outlook.example' }, NOW)).toEqual({
      decision: { ok: true, ends: [] },
      profileId: null,
    });
    for (const puName of ['  ', 'x'.repeat(PU_NAME_MAX + 1)]) {
      expect(await refusal(previewLinkTyped(f.db, { ...ann, puName }, NOW))).toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    // Ben has his account here: he picks it rather than signing up again.
    const ben = { actorAccountId: f.benA.id, accountId: f.benA.id, puName: 'ben2' };
    expect((await refusal(previewLinkTyped(f.db, ben, NOW))).code).toBe('PU_ACCOUNT_EXISTS');
    expect(await exportJson(f.db, NOW)).toBe(before);
  });

  it('"Link now" writes the new account, its link and outbox entry together, or none', async () => {
    const { f, ann } = await annWithoutPu();
    const req = { ...ann, puName: '  ann@outlook.example ' };
    await failsLeavingNothing(f.db, () => requestLinkTyped(f.db, req, NOW));

    const entry = await requestLinkTyped(f.db, req, NOW);
    const pu = await f.db.profiles.where('kind').equals('partner-university').toArray();
    const mine = pu.filter((p) => p.personId === f.annA.personId);
    expect(mine).toEqual([
      {
        id: entry.profile.id,
        personId: f.annA.personId,
        kind: 'partner-university',
        mcid: null,
        label: 'ann@outlook.example',
        removedOn: null,
      },
    ]);
    expect(entry).toMatchObject({ type: 'link', accountId: f.annA.id, state: 'queued' });
    expect(entry.profile).toEqual({ kind: 'partner-university', id: mine[0]?.id, mcid: null });
    const links = await f.db.associations.where('profileId').equals(entry.profile.id).toArray();
    expect(links).toMatchObject([{ accountId: f.annA.id, startedOn: TODAY, endedOn: null }]);
    // Signed up once: the next sign-up is refused, the account is there to pick.
    const again = { ...ann, puName: 'another' };
    expect((await refusal(requestLinkTyped(f.db, again, NOW))).code).toBe('PU_ACCOUNT_EXISTS');
  });

  it('is no way around the person’s limits: cool-off and 3 of 3 still refuse, storing nothing', async () => {
    const { f, ann } = await annWithoutPu();
    const mcid = { ...ann, profileId: f.learn.id };
    await requestLink(f.db, mcid, day('2026-01-05'));
    const signUp = { ...ann, puName: 'ann@outlook.example' };
    let before = await tables(f.db);
    expect(await refusal(requestLinkTyped(f.db, signUp, day('2026-01-20')))).toMatchObject({
      code: 'COOL_OFF',
      nextAllowedOn: '2026-02-04',
    });
    expect(await tables(f.db)).toEqual(before);
    // Two more starts of her MCID: 3 of 3 in the window that opened on 5 January.
    await requestUnlink(f.db, mcid, day('2026-02-04'));
    await requestLink(f.db, mcid, day('2026-02-04'));
    await requestUnlink(f.db, mcid, day('2026-03-06'));
    await requestLink(f.db, mcid, day('2026-03-06'));
    before = await tables(f.db);
    expect(await previewLinkTyped(f.db, signUp, day('2026-06-01'))).toMatchObject({
      decision: { ok: false, code: 'YEARLY_LIMIT', nextAllowedOn: '2027-01-05' },
    });
    expect(await refusal(requestLinkTyped(f.db, signUp, day('2026-06-01')))).toMatchObject({
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2027-01-05',
    });
    expect(await tables(f.db)).toEqual(before);
    await expect(requestLinkTyped(f.db, signUp, day('2027-01-05'))).resolves.toMatchObject({
      type: 'link',
    });
  });
});
