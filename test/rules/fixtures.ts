/**
 * A small world in the article's terms: companies A and B, one person (Ana)
 * with accounts in both and her profiles; `learn-ana-2` is Kai's MCID, which
 * corrupt data can put on Ana's account (one MCID per person: docs/policy.md rule 3).
 */
import type { World } from '../../src/rules';

type Assoc = World['associations'][number];

export function demoWorld(associations: Assoc[] = []): World {
  return {
    organizations: [
      { id: 'org-a', domains: ['contoso.example'] },
      { id: 'org-b', domains: ['Fabrikam.EXAMPLE', 'fabrikam.co.example'] },
    ],
    accounts: [
      { id: 'ana-a', orgId: 'org-a', email: 'ana@contoso.example' },
      { id: 'ana-b', orgId: 'org-b', email: 'Ana.Silva@FABRIKAM.example' },
      { id: 'bob-a', orgId: 'org-a', email: 'bob@contoso.example' },
      { id: 'gone-a', orgId: 'org-a', email: 'gone@contoso.example', deletedOn: '2026-11-01' },
      {
        id: 'leaving-a',
        orgId: 'org-a',
        email: 'leaving@contoso.example',
        deletedOn: '2026-12-01',
      },
      { id: 'gmail-a', orgId: 'org-a', email: 'ana.private@gmail.example' },
      { id: 'sub-a', orgId: 'org-a', email: 'ana@mail.contoso.example' },
      { id: 'broken-a', orgId: 'org-a', email: 'not an email' },
      { id: 'orphan', orgId: 'org-x', email: 'ana@contoso.example' },
    ],
    profiles: [
      { id: 'learn-ana', kind: 'learn', mcid: '1234567', personId: 'ana' },
      { id: 'learn-ana-2', kind: 'learn', mcid: '7654321', personId: 'kai' },
      { id: 'learn-empty', kind: 'learn', mcid: null, personId: 'ana' },
      { id: 'learn-blank', kind: 'learn', mcid: '  ', personId: 'ana' },
      { id: 'learn-nomcid', kind: 'learn', personId: 'ana' },
      { id: 'pu-ana', kind: 'partner-university', personId: 'ana' },
      { id: 'pu-ana-2', kind: 'partner-university', mcid: null, personId: 'ana' },
    ],
    associations,
  };
}

export function link(
  profileId: string,
  accountId: string,
  startedOn: string,
  endedOn: string | null = null,
): Assoc {
  return { profileId, accountId, startedOn, endedOn };
}

/** The person asks for themselves. */
export function self(accountId: string, profileId = 'learn-ana') {
  return { actorAccountId: accountId, accountId, profileId };
}

/** The error a call throws; fails the test when it does not throw. */
export function catchError(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
