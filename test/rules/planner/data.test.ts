/** Gathering the planner's rows for the account this device acts as. */
import { describe, expect, it } from 'vitest';
import {
  learnProfileToPlan,
  plannerDataFrom,
  type PlannerTables,
} from '../../../src/rules/planner/data';

const base: PlannerTables = {
  organizations: [
    { id: 'org-a', name: 'Contoso', domains: ['contoso.example'] },
    { id: 'org-b', name: 'Fabrikam', domains: ['fabrikam.example'] },
  ],
  accounts: [
    {
      id: 'ana-a',
      orgId: 'org-a',
      personId: 'ana',
      email: 'ana@contoso.example',
      deletedOn: null,
    },
    {
      id: 'ana-b',
      orgId: 'org-b',
      personId: 'ana',
      email: 'ana@fabrikam.example',
      deletedOn: null,
    },
    {
      id: 'bob-a',
      orgId: 'org-a',
      personId: 'bob',
      email: 'bob@contoso.example',
      deletedOn: null,
    },
  ],
  profiles: [
    { id: 'ana-old', personId: 'ana', kind: 'learn', mcid: null },
    { id: 'ana-learn', personId: 'ana', kind: 'learn', mcid: '1234567' },
    { id: 'ana-pu', personId: 'ana', kind: 'partner-university', mcid: null },
    { id: 'bob-learn', personId: 'bob', kind: 'learn', mcid: '7654321' },
  ],
  associations: [
    {
      profileId: 'ana-learn',
      accountId: 'ana-a',
      startedOn: '2026-01-05',
      endedOn: '2026-06-01',
      endReason: 'moved',
    },
    {
      profileId: 'ana-learn',
      accountId: 'ana-b',
      startedOn: '2026-06-01',
      endedOn: null,
      endReason: null,
    },
    {
      profileId: 'bob-learn',
      accountId: 'bob-a',
      startedOn: '2026-02-01',
      endedOn: null,
      endReason: null,
    },
  ],
  achievements: [
    {
      id: 'x',
      profileId: 'ana-learn',
      code: 'AZ-900',
      title: 'Fundamentals',
      kind: 'certification',
      completedOn: '2026-03-01',
    },
    {
      id: 'y',
      profileId: 'bob-learn',
      code: 'AZ-104',
      title: 'Admin',
      kind: 'certification',
      completedOn: '2026-03-01',
    },
  ],
};

describe('plannerDataFrom', () => {
  it('takes the person’s own accounts, orgs, history and achievements, and no one else’s', () => {
    const load = plannerDataFrom(base, 'ana-a', '2026-11-25');
    if (load.state !== 'ready') throw new Error(load.state);
    const { data } = load;
    expect(data.profileId).toBe('ana-learn'); // the linked one, not the incomplete one listed first
    expect(data.accounts.map((a) => a.id)).toEqual(['ana-a', 'ana-b']);
    expect(data.organizations.map((o) => o.name)).toEqual(['Contoso', 'Fabrikam']);
    expect(data.associations.map((a) => a.startedOn)).toEqual(['2026-01-05', '2026-06-01']);
    expect(data.achievements.map((a) => a.id)).toEqual(['x']);
    expect(data.today).toBe('2026-11-25');
  });

  it('with nothing linked, plans for the Learn profile that has an MCID', () => {
    const load = plannerDataFrom({ ...base, associations: [] }, 'ana-b', '2026-11-25');
    expect(load.state === 'ready' && load.data.profileId).toBe('ana-learn');
  });

  it('says when the account is unknown or the person has no Learn profile', () => {
    expect(plannerDataFrom(base, 'nobody', '2026-11-25')).toEqual({ state: 'no-account' });
    expect(plannerDataFrom(base, null, '2026-11-25')).toEqual({ state: 'no-account' });
    const noLearn = { ...base, profiles: base.profiles.filter((p) => p.kind !== 'learn') };
    expect(plannerDataFrom(noLearn, 'ana-a', '2026-11-25')).toEqual({ state: 'no-profile' });
  });
});

describe('learnProfileToPlan', () => {
  const linkedTo = (id: string) => (p: { id: string }) => p.id === id;

  it('takes the linked one, else the one with an MCID, else any; never a removed one', () => {
    const ana = base.profiles.filter((p) => p.personId === 'ana');
    expect(learnProfileToPlan(ana, linkedTo('ana-old'))?.id).toBe('ana-old');
    expect(learnProfileToPlan(ana, () => false)?.id).toBe('ana-learn');
    const noMcid = ana.map((p) => ({ ...p, mcid: null }));
    expect(learnProfileToPlan(noMcid, () => false)?.id).toBe('ana-old');
    const removed = ana.map((p) => (p.id === 'ana-learn' ? { ...p, removedOn: '2026-11-01' } : p));
    expect(learnProfileToPlan(removed, linkedTo('ana-learn'))?.id).toBe('ana-old');
    expect(
      learnProfileToPlan(
        ana.filter((p) => p.kind !== 'learn'),
        () => true,
      ),
    ).toBeUndefined();
  });
});
