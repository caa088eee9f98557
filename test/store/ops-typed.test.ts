/**
 * A typed MCID and "this is not my MCID" (issue 15): checking writes
 * nothing, "Link now" writes the profile, the link and its outbox entry in
 * one transaction, and the correction ends the link through the outbox
 * without giving a start back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addLearningProfile, myView, type AppDb } from '../../src/store';
import {
  previewLinkTyped,
  removeWrongMcid,
  requestLink,
  requestLinkTyped,
} from '../../src/store/ops-link';
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
    const before = await tables(f.db);
    // A failure inside the transaction, after the profile and the link were written.
    vi.spyOn(f.db.outbox, 'add').mockRejectedValueOnce(new Error('injected'));
    await expect(requestLinkTyped(f.db, ben, NOW)).rejects.toThrow('injected');
    expect(await tables(f.db)).toEqual(before);

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
