import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import { deleteWorkAccount } from '../../src/store/ops-org';
import { previewLinkAction, requestLink, requestUnlink } from '../../src/store/ops-link';
import { settleResult } from '../../src/store/drain';
import { NOW, TODAY, fixture, refusal, self, type Fixture } from './fixtures';

const day = (d: string) => new Date(`${d}T12:00:00Z`);

async function snapshot(f: Fixture) {
  return { associations: await f.db.associations.toArray(), outbox: await f.db.outbox.toArray() };
}

describe('requestLink refusals (decided by the rules, nothing written)', () => {
  it('NO_ACCESS, NOT_SELF, PROFILE_INCOMPLETE, NOT_FOUND', async () => {
    const f = await fixture();
    const incomplete = await addLearningProfile(f.db, {
      personId: f.annA.personId,
      kind: 'learn',
      label: 'no mcid yet',
    });
    const before = await snapshot(f);
    const asAdmin = { actorAccountId: f.adminA.id, accountId: f.annA.id, profileId: f.learn.id };
    expect((await refusal(requestLink(f.db, asAdmin, NOW))).code).toBe('NOT_SELF');
    expect((await refusal(requestLink(f.db, self(f.annA, incomplete), NOW))).code).toBe(
      'PROFILE_INCOMPLETE',
    );
    const ghost = { actorAccountId: 'x', accountId: 'x', profileId: f.learn.id };
    expect((await refusal(requestLink(f.db, ghost, NOW))).code).toBe('NO_ACCESS');
    const noProfile = { ...self(f.annA, f.learn), profileId: 'nobody' };
    expect((await refusal(requestLink(f.db, noProfile, NOW))).code).toBe('NOT_FOUND');
    await deleteWorkAccount(f.db, { actorAccountId: f.adminA.id, accountId: f.annA.id }, NOW);
    expect((await refusal(requestLink(f.db, self(f.annA, f.learn), NOW))).code).toBe('NO_ACCESS');
    expect(await snapshot(f)).toEqual(before);
  });

  it('ALREADY_LINKED, PERSON_HAS_OTHER_MCID and ACCOUNT_HAS_OTHER_PROFILE', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    expect((await refusal(requestLink(f.db, self(f.annA, f.learn), NOW))).code).toBe(
      'ALREADY_LINKED',
    );
    // A second MCID that got in anyway (an older version, an import) is refused by the rules.
    const second = { ...f.learn, id: 'second', mcid: '7777777', label: 'other' };
    await f.db.profiles.add(second);
    expect((await refusal(requestLink(f.db, self(f.annA, second), NOW))).code).toBe(
      'PERSON_HAS_OTHER_MCID',
    );
    // A Partner University profile is a separate link, once the person's cool-off allows it.
    const later = day('2026-12-25');
    await expect(requestLink(f.db, self(f.annA, f.annPu), later)).resolves.toMatchObject({
      type: 'link',
    });
    const otherPu = await addLearningProfile(f.db, {
      personId: f.annA.personId,
      kind: 'partner-university',
      label: 'ann2@outlook.example',
    });
    expect((await refusal(requestLink(f.db, self(f.annA, otherPu), later))).code).toBe(
      'ACCOUNT_HAS_OTHER_PROFILE',
    );
  });

  it('counts the person’s starts on every profile and both routes (issue 15)', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    expect(await refusal(requestLink(f.db, self(f.annA, f.annPu), NOW))).toMatchObject({
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-25',
    });
    // Another person's start on the same day is theirs alone.
    await expect(requestLink(f.db, self(f.benA, f.pu), NOW)).resolves.toMatchObject({
      type: 'link',
    });
  });

  it('COOL_OFF gives the first day a new start is allowed', async () => {
    const f = await fixture();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    await requestUnlink(f.db, self(f.annA, f.learn), day('2026-11-26'));
    const r = await refusal(requestLink(f.db, self(f.annB, f.learn), day('2026-12-01')));
    expect(r).toMatchObject({ code: 'COOL_OFF', nextAllowedOn: '2026-12-25' });
  });

  it('YEARLY_LIMIT after three starts in twelve months, with the date one leaves the window', async () => {
    const f = await fixture();
    for (const d of ['2026-01-10', '2026-04-10', '2026-07-10']) {
      await requestLink(f.db, self(f.annA, f.learn), day(d));
      await requestUnlink(f.db, self(f.annA, f.learn), day(d));
    }
    const r = await refusal(requestLink(f.db, self(f.annB, f.learn), NOW));
    expect(r).toMatchObject({ code: 'YEARLY_LIMIT', nextAllowedOn: '2027-01-10' });
  });

  it('NOT_LINKED for an unlink of something not linked', async () => {
    const f = await fixture();
    expect((await refusal(requestUnlink(f.db, self(f.annA, f.learn), NOW))).code).toBe(
      'NOT_LINKED',
    );
    expect(await f.db.outbox.count()).toBe(0);
  });
});

describe('the move and the unlink', () => {
  it('linking to B ends the link to A (moved) and records it for rollback', async () => {
    const f = await fixture();
    const first = await requestLink(f.db, self(f.annA, f.learn), day('2026-09-01'));
    await settleResult(f.db, { id: first.id, status: 'applied' }, NOW);
    const move = await requestLink(f.db, self(f.annB, f.learn), NOW);
    const rows = await f.db.associations.where('profileId').equals(f.learn.id).sortBy('startedOn');
    expect(rows.map((r) => [r.accountId, r.startedOn, r.endedOn, r.endReason])).toEqual([
      [f.annA.id, '2026-09-01', TODAY, 'moved'],
      [f.annB.id, TODAY, null, null],
    ]);
    expect(move.effect.ended).toEqual([
      { id: first.effect.createdAssociationId, endedOn: null, endReason: null },
    ]);
  });

  it('unlinking ends the link today with reason unlinked', async () => {
    const f = await fixture();
    const link = await requestLink(f.db, self(f.annA, f.annPu), day('2026-11-01'));
    const unlink = await requestUnlink(f.db, self(f.annA, f.annPu), NOW);
    expect(unlink.effect.createdAssociationId).toBeNull();
    expect(await f.db.associations.get(link.effect.createdAssociationId ?? '')).toMatchObject({
      endedOn: TODAY,
      endReason: 'unlinked',
    });
  });
});

describe('atomicity of effect + outbox entry', () => {
  it('a failure while writing the outbox entry leaves no association behind', async () => {
    const f = await fixture();
    const first = await requestLink(f.db, self(f.annA, f.learn), day('2026-09-01'));
    const before = await snapshot(f);
    f.db.outbox.hook('creating', () => {
      throw new Error('injected');
    });
    await expect(requestLink(f.db, self(f.annB, f.learn), NOW)).rejects.toThrow('injected');
    // Neither the new link to B nor the end of the link to A was written.
    expect(await snapshot(f)).toEqual(before);
    expect(before.associations[0]?.id).toBe(first.effect.createdAssociationId);
  });

  it('a quota error becomes StorageFullError with nothing half-written', async () => {
    const f = await fixture();
    const before = await snapshot(f);
    f.db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error: unknown = await requestLink(f.db, self(f.annA, f.learn), NOW).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await snapshot(f)).toEqual(before);
  });
});

describe('previewLinkAction', () => {
  it('answers like the request would, and writes nothing', async () => {
    const f = await fixture();
    const first = await requestLink(f.db, self(f.annA, f.learn), day('2026-11-20'));
    const before = await snapshot(f);
    expect(await previewLinkAction(f.db, 'link', self(f.annB, f.learn), NOW)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
    expect(await previewLinkAction(f.db, 'unlink', self(f.annA, f.learn), NOW)).toEqual({
      ok: true,
      ends: [{ profileId: f.learn.id, accountId: f.annA.id, startedOn: '2026-11-20' }],
    });
    expect(
      (
        await refusal(
          previewLinkAction(f.db, 'link', { ...self(f.annA, f.learn), profileId: 'x' }, NOW),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await snapshot(f)).toEqual(before);
    expect(first.state).toBe('queued');
  });
});

describe('the first sign-in (the admin sees "no response" until the person acts)', () => {
  it('is recorded by the person’s own link or unlink, in the same transaction', async () => {
    const f = await fixture();
    expect((await f.db.accounts.get(f.annA.id))?.firstSignInOn).toBeNull();
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    expect((await f.db.accounts.get(f.annA.id))?.firstSignInOn).toBe(TODAY);
    expect((await refusal(requestUnlink(f.db, self(f.annB, f.learn), NOW))).code).toBe(
      'NOT_LINKED',
    );
    // A refused action is not a sign-in: nothing is written.
    expect((await f.db.accounts.get(f.annB.id))?.firstSignInOn).toBeNull();
  });
});
