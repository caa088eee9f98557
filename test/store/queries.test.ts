import { describe, expect, it } from 'vitest';
import {
  addAchievement,
  listAccounts,
  myView,
  orgSkillsReport,
  orgUsers,
  recordFirstSignIn,
  requestLink,
  settleResult,
} from '../../src/store';
import { NOW, TODAY, fixture, freshDb, self } from './fixtures';

describe('myView', () => {
  it('is null for an unknown account', async () => {
    expect(await myView(freshDb(), 'nobody', TODAY)).toBeNull();
  });

  it('shows both profiles, this account\u2019s links by kind, usage and credit days', async () => {
    const f = await fixture();
    await addAchievement(f.db, {
      profileId: f.learn.id,
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-11-01',
    });
    const before = await myView(f.db, f.annA.id, TODAY);
    expect(before?.activeLinks).toEqual({ learn: null, 'partner-university': null });
    expect(
      before?.profiles.map((p) => [p.profile.kind, p.associationsUsed, p.nextAssociationOn]),
    ).toEqual([
      ['learn', 0, TODAY],
      ['partner-university', 0, TODAY],
    ]);
    expect(before?.profiles[0]?.achievements[0]).toMatchObject({
      creditOn: null,
      status: 'not-linked',
    });

    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const linked = await myView(f.db, f.annA.id, TODAY);
    const learn = linked?.profiles[0];
    expect(linked?.activeLinks.learn?.profile.id).toBe(f.learn.id);
    expect(learn).toMatchObject({
      associationsUsed: 1,
      yearlyLimit: 3,
      nextAssociationOn: '2026-12-25',
      pending: true,
    });
    expect(learn?.activeLink?.org?.name).toBe('Contoso Japan');
    expect(learn?.achievements[0]).toMatchObject({ creditOn: '2026-12-05', status: 'pending' });
    expect(
      (await myView(f.db, f.annA.id, '2026-12-05'))?.profiles[0]?.achievements[0]?.status,
    ).toBe('counted');
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    expect((await myView(f.db, f.annA.id, TODAY))?.profiles[0]?.pending).toBe(false);
    // Seen from her account in B: the profile is linked elsewhere, not to this account.
    const fromB = await myView(f.db, f.annB.id, TODAY);
    expect(fromB?.activeLinks.learn).toBeNull();
    expect(fromB?.profiles[0]?.activeLink?.account?.id).toBe(f.annA.id);
  });
});

describe('orgUsers and orgSkillsReport', () => {
  it('tracks the user states as things happen', async () => {
    const f = await fixture();
    const state = async () =>
      (await orgUsers(f.db, f.orgA.id)).find((u) => u.account.id === f.annA.id)?.state;
    expect(await state()).toBe('never-signed-in');
    await recordFirstSignIn(f.db, f.annA.id, NOW);
    expect(await state()).toBe('signed-in');
    await requestLink(f.db, self(f.annA, f.pu), NOW);
    expect(await state()).toBe('pu-linked');
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    expect(await state()).toBe('learn-linked');
    expect(await orgUsers(f.db, 'nobody')).toEqual([]);
  });

  it('reports only the organization\u2019s links, with names', async () => {
    const f = await fixture();
    await addAchievement(f.db, {
      profileId: f.learn.id,
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-10-01',
    });
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    const rows = await orgSkillsReport(f.db, f.orgA.id, '2026-12-05');
    expect(rows.map((r) => [r.displayName, r.email, r.code, r.countsFrom, r.status])).toEqual([
      ['Ann', 'ann@contoso.example', 'AZ-900', '2026-12-05', 'counted'],
    ]);
    expect(await orgSkillsReport(f.db, f.orgB.id, TODAY)).toEqual([]);
  });
});

describe('listAccounts', () => {
  it('lists every account by organization and name', async () => {
    const f = await fixture();
    expect((await listAccounts(f.db)).map((c) => [c.orgName, c.account.displayName])).toEqual([
      ['Contoso Japan', 'Admin A'],
      ['Contoso Japan', 'Ann'],
      ['Fabrikam', 'Admin B'],
      ['Fabrikam', 'Ann'],
    ]);
  });
});
