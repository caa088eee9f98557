/**
 * A small organization for the view tests: company A with an admin, a user
 * who never signed in, a departed user already deleted, Ann who moved to B,
 * and Mei with a pending credit. Built through the state derivations, as the
 * container does.
 */
import type { AppDb } from '../../src/store';
import type { OrgData, ReportData, UsersData } from '../../src/ui/screens/org/view-model';
import { account, cert, learn, link, orgViews, seed, type World } from '../rules/org/fixtures';

export const TODAY = '2026-11-25';

export function world(): World {
  return {
    accounts: [
      account('admin', 'a', {
        displayName: 'Aiko Admin',
        email: 'aiko@contoso.example',
        roles: ['global-admin'],
      }),
      account('new', 'a', {
        displayName: 'Nao New',
        email: 'nao@contoso.example',
        firstSignInOn: null,
      }),
      account('ken', 'a', {
        displayName: 'Ken Gone',
        email: 'ken@contoso.example',
        deletedOn: '2026-11-03',
      }),
      account('annA', 'a', { displayName: 'Ann Moved', email: 'ann@contoso.example' }),
      account('mei', 'a', { displayName: '山田 芽衣', email: 'mei@contoso.example' }),
      account('annB', 'b', { displayName: 'Ann', email: 'ann@fabrikam.example' }),
    ],
    associations: [
      link('p-ken', 'ken', '2026-01-01', '2026-11-03', 'account-deleted'),
      link('p-ann', 'annA', '2026-03-01', '2026-11-20', 'moved'),
      link('p-ann', 'annB', '2026-11-20'),
      link('p-mei', 'mei', '2026-06-01'),
    ],
    achievements: [
      cert('k1', 'p-ken', 'AZ-305', '2026-04-01'),
      cert('a1', 'p-ann', 'AI-102', '2026-05-01'),
      cert('m1', 'p-mei', 'AZ-104', '2026-07-01'),
      cert('m2', 'p-mei', 'SC-300', '2026-11-22'),
    ],
    profiles: [learn('p-ken'), learn('p-ann'), learn('p-mei')],
  };
}

let shared: Promise<AppDb> | null = null;

/** The organization view's data for `orgId`, read through the store's queries. */
export async function orgData(
  orgId = 'a',
  actorId = 'admin',
  isAdmin = true,
): Promise<OrgData & UsersData & ReportData> {
  shared ??= seed(world());
  const { users, report } = await orgViews(await shared, orgId, TODAY);
  return {
    today: TODAY,
    org: {
      id: orgId,
      name: orgId === 'a' ? 'Contoso Japan' : 'Fabrikam',
      domains: orgId === 'a' ? ['contoso.example'] : ['fabrikam.example'],
    },
    actor: { id: actorId, displayName: 'Aiko Admin', isAdmin },
    users,
    report,
  };
}
