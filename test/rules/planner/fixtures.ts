/** Ana, with work accounts at company A (Contoso) and company B (Fabrikam), and one Learn profile. */
import type { PlannerAssociation, PlannerData } from '../../../src/rules/planner/types';

export const TODAY = '2026-11-25';

export function assoc(
  accountId: string,
  startedOn: string,
  endedOn: string | null = null,
): PlannerAssociation {
  return {
    profileId: 'learn-ana',
    accountId,
    startedOn,
    endedOn,
    endReason: endedOn === null ? null : 'moved',
  };
}

export function anaData(
  associations: PlannerAssociation[],
  achievements: { id: string; title: string; completedOn: string }[] = [
    { id: 'az-900', title: 'AZ-900', completedOn: '2026-06-01' },
  ],
): PlannerData {
  return {
    today: TODAY,
    profileId: 'learn-ana',
    profiles: [{ id: 'learn-ana', kind: 'learn', mcid: '1234567', personId: 'ana' }],
    accounts: [
      { id: 'ana-a', orgId: 'org-a', email: 'ana@contoso.example', deletedOn: null },
      { id: 'ana-b', orgId: 'org-b', email: 'ana@fabrikam.example', deletedOn: null },
    ],
    organizations: [
      { id: 'org-a', name: 'Contoso', domains: ['contoso.example'] },
      { id: 'org-b', name: 'Fabrikam', domains: ['fabrikam.example'] },
    ],
    associations,
    achievements: achievements.map((a) => ({
      ...a,
      profileId: 'learn-ana',
      code: a.title,
      kind: 'certification',
    })),
  };
}
