import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, RulesInputError, addDays, type InvariantData } from '../../src/rules';
import { checkInvariants } from '../../src/rules/invariants';

type Account = InvariantData['accounts'][number];
type Profile = InvariantData['profiles'][number];
type Link = InvariantData['associations'][number];

function account(id: string, personId: string, patch: Partial<Account> = {}): Account {
  return {
    id,
    orgId: 'org-a',
    personId,
    email: `${id}@a.example`,
    roles: [],
    createdBy: 'admin',
    createdOn: '2025-01-01',
    firstSignInOn: '2025-01-02',
    deletedOn: null,
    ...patch,
  };
}

function link(profileId: string, accountId: string, startedOn: string, endedOn: string | null) {
  return { profileId, accountId, startedOn, endedOn };
}

/** A valid world: the first admin, Ann (Learn + Partner University), Bob (Learn). */
function world(
  patch: {
    accounts?: Account[];
    profiles?: Profile[];
    associations?: Link[];
  } = {},
): InvariantData {
  return {
    organizations: [
      { id: 'org-a', domains: ['a.example'] },
      { id: 'org-b', domains: ['b.example'] },
    ],
    accounts: [
      account('admin', 'p-admin', { roles: ['global-admin'], createdBy: null }),
      account('ann', 'p-ann'),
      account('bob', 'p-bob'),
      ...(patch.accounts ?? []),
    ],
    profiles: [
      { id: 'ann-learn', personId: 'p-ann', kind: 'learn', mcid: '1000001' },
      { id: 'ann-pu', personId: 'p-ann', kind: 'partner-university', mcid: null },
      { id: 'bob-learn', personId: 'p-bob', kind: 'learn', mcid: '1000002' },
      ...(patch.profiles ?? []),
    ],
    associations: patch.associations ?? [
      link('ann-learn', 'ann', '2025-02-01', '2025-05-01'),
      link('ann-learn', 'ann', '2025-06-01', null),
      link('ann-pu', 'ann', '2025-09-01', null),
      link('bob-learn', 'bob', '2025-06-01', null),
    ],
  };
}

const codes = (data: InvariantData) => checkInvariants(data).map((p) => p.code);

describe('checkInvariants', () => {
  it('finds nothing in data the rules could have made', () => {
    expect(checkInvariants(world())).toEqual([]);
  });

  it('refuses an account whose email is not official for its organization', () => {
    const data = world({ accounts: [account('eve', 'p-eve', { email: 'eve@b.example' })] });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'EMAIL_NOT_OFFICIAL', table: 'accounts', index: 3, field: 'email' },
    ]);
  });

  it('refuses accounts created by a non-admin, another organization’s admin or a deleted admin', () => {
    const data = world({
      accounts: [
        account('by-ann', 'p-1', { createdBy: 'ann' }),
        account('admin-b', 'p-2', {
          orgId: 'org-b',
          email: 'x@b.example',
          roles: ['global-admin'],
          createdBy: null,
        }),
        account('by-b', 'p-3', { createdBy: 'admin-b' }),
        account('old-admin', 'p-4', { roles: ['account-admin'], deletedOn: '2025-03-01' }),
        account('late', 'p-5', { createdBy: 'old-admin', createdOn: '2025-03-01' }),
        account('early', 'p-6', { createdBy: 'admin', createdOn: '2024-12-31' }),
      ],
    });
    expect(
      checkInvariants(data).map((p) => [p.code, data.accounts[p.index]?.id, p.other?.index]),
    ).toEqual([
      ['CREATOR_NOT_ADMIN', 'by-ann', 1],
      ['CREATOR_NOT_ADMIN', 'by-b', 4],
      ['CREATOR_NOT_ADMIN', 'late', 6],
      ['CREATOR_NOT_ADMIN', 'early', 0],
    ]);
  });

  it('accepts an account created by an account admin, and the first admin of each organization', () => {
    const data = world({
      accounts: [
        account('acc-admin', 'p-1', { roles: ['account-admin'] }),
        account('by-acc-admin', 'p-2', { createdBy: 'acc-admin' }),
        account('admin-b', 'p-3', {
          orgId: 'org-b',
          email: 'x@b.example',
          roles: ['global-admin'],
          createdBy: null,
        }),
      ],
    });
    expect(checkInvariants(data)).toEqual([]);
  });

  it('refuses a second first admin, a first admin without the role, and creators in a loop', () => {
    const data = world({
      accounts: [
        account('admin2', 'p-1', { roles: ['global-admin'], createdBy: null }),
        account('nobody', 'p-2', { createdBy: null }),
        account('x', 'p-3', { roles: ['global-admin'], createdBy: 'y' }),
        account('y', 'p-4', { roles: ['global-admin'], createdBy: 'x' }),
      ],
    });
    expect(checkInvariants(data).map((p) => [p.code, data.accounts[p.index]?.id])).toEqual([
      ['FIRST_ADMIN_INVALID', 'admin2'],
      ['FIRST_ADMIN_INVALID', 'nobody'],
      ['CREATOR_NOT_ADMIN', 'x'],
    ]);
  });

  it('refuses an MCID on the profiles of two people, not on two of one person’s', () => {
    const data = world({
      profiles: [
        { id: 'eve-learn', personId: 'p-eve', kind: 'learn', mcid: '1000001' },
        { id: 'ann-2', personId: 'p-ann', kind: 'learn', mcid: '1000001' },
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'MCID_SHARED', table: 'profiles', index: 3, other: { table: 'profiles', index: 0 } },
    ]);
  });

  it('refuses a link of a user who never signed in, or signed in only after the start', () => {
    const data = world({
      accounts: [
        account('yuki', 'p-yuki', { firstSignInOn: null }),
        account('late', 'p-late', { firstSignInOn: '2025-07-02' }),
      ],
      profiles: [
        { id: 'yuki-learn', personId: 'p-yuki', kind: 'learn', mcid: '1000003' },
        { id: 'late-learn', personId: 'p-late', kind: 'learn', mcid: '1000004' },
      ],
      associations: [
        link('yuki-learn', 'yuki', '2025-07-01', null),
        link('late-learn', 'late', '2025-07-01', null),
        link('bob-learn', 'bob', '2025-01-02', null),
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'NOT_SIGNED_IN', table: 'associations', index: 0, field: 'startedOn' },
      { code: 'NOT_SIGNED_IN', table: 'associations', index: 1, field: 'startedOn' },
    ]);
  });

  it('refuses a start after the account’s deletion, and a link still active on it', () => {
    const data = world({
      accounts: [account('gone', 'p-ann', { deletedOn: '2025-05-01' })],
      associations: [
        link('ann-learn', 'gone', '2025-05-02', '2025-05-02'),
        link('ann-pu', 'gone', '2025-02-01', null),
        link('bob-learn', 'bob', '2025-02-01', null),
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'ACCOUNT_DELETED', index: 0, field: 'startedOn' },
      { code: 'ACCOUNT_DELETED', index: 1, field: 'endedOn' },
    ]);
  });

  it('accepts a link started and ended on the day its account was deleted (linked, then deleted)', () => {
    const data = world({
      accounts: [account('gone', 'p-ann', { deletedOn: '2025-05-01' })],
      associations: [link('ann-learn', 'gone', '2025-05-01', '2025-05-01')],
    });
    expect(checkInvariants(data)).toEqual([]);
  });

  it('accepts a link that ended on the day its account was deleted', () => {
    const data = world({
      accounts: [account('gone', 'p-ann', { deletedOn: '2025-05-01' })],
      associations: [link('ann-learn', 'gone', '2025-02-01', '2025-05-01')],
    });
    expect(checkInvariants(data)).toEqual([]);
  });

  it('refuses another person’s profile on a work account', () => {
    const data = world({ associations: [link('bob-learn', 'ann', '2025-06-01', null)] });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'NOT_OWN_PROFILE', index: 0, field: 'profileId' },
    ]);
  });

  it('refuses one profile active on two accounts', () => {
    const data = world({
      accounts: [account('ann-2', 'p-ann', { email: 'ann.2@a.example' })],
      associations: [
        link('ann-learn', 'ann', '2025-02-01', null),
        link('ann-learn', 'ann-2', '2025-06-01', null),
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'PROFILE_LINKED_TWICE', index: 1, other: { table: 'associations', index: 0 } },
    ]);
  });

  it('refuses two active profiles of one kind on one account, not one of each kind', () => {
    const data = world({
      profiles: [{ id: 'ann-learn-2', personId: 'p-ann', kind: 'learn', mcid: '1000009' }],
      associations: [
        link('ann-learn', 'ann', '2025-02-01', null),
        link('ann-pu', 'ann', '2025-04-01', null),
        link('ann-learn-2', 'ann', '2025-06-01', null),
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'ACCOUNT_HAS_OTHER_PROFILE', index: 2, other: { index: 0 } },
    ]);
  });

  it('refuses an active link of a Learn profile without an MCID', () => {
    const data = world({
      profiles: [{ id: 'ann-empty', personId: 'p-ann', kind: 'learn', mcid: null }],
      associations: [link('ann-empty', 'ann', '2025-02-01', null)],
    });
    expect(codes(data)).toEqual(['PROFILE_INCOMPLETE']);
  });

  it('refuses an association that ends before it starts', () => {
    const data = world({ associations: [link('ann-learn', 'ann', '2025-02-01', '2025-01-31')] });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'ENDS_BEFORE_START', index: 0, field: 'endedOn' },
    ]);
  });

  it('refuses five starts in five days, each after the first, with the day it was allowed', () => {
    const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'];
    const data = world({
      associations: days.map((d, i) => link('ann-learn', 'ann', d, i < 4 ? d : null)),
    });
    expect(checkInvariants(data).map((p) => [p.code, p.index, p.date])).toEqual([
      ['COOL_OFF', 1, '2025-03-31'],
      ['COOL_OFF', 2, '2025-04-01'],
      ['YEARLY_LIMIT', 3, '2026-03-01'],
      ['YEARLY_LIMIT', 4, '2026-03-02'],
    ]);
  });

  it('counts the limits per person, across their profiles and both routes', () => {
    // Ann: Learn on 1 Feb, Partner University on 10 Feb: 9 days apart.
    const data = world({
      associations: [
        link('ann-learn', 'ann', '2025-02-01', null),
        link('ann-pu', 'ann', '2025-02-10', null),
        link('bob-learn', 'bob', '2025-02-05', null),
      ],
    });
    expect(checkInvariants(data)).toMatchObject([
      { code: 'COOL_OFF', index: 1, date: '2025-03-03' },
    ]);
  });

  it('refuses a fourth start in 12 months per person even 30 days apart; accepts it a day later', () => {
    const starts = ['2025-01-05', '2025-03-01', '2025-06-01'];
    const fourth = (day: string) =>
      world({
        profiles: [{ id: 'ann-learn-2', personId: 'p-ann', kind: 'learn', mcid: '1000009' }],
        associations: [
          ...starts.map((d) => link('ann-learn', 'ann', d, addDays(d, 1))),
          link('ann-learn-2', 'ann', day, null),
        ],
      });
    expect(checkInvariants(fourth('2026-01-04'))).toMatchObject([
      { code: 'YEARLY_LIMIT', index: 3, date: '2026-01-05' },
    ]);
    expect(checkInvariants(fourth('2026-01-05'))).toEqual([]);
  });

  it('does not depend on the order of the rows', () => {
    const rows = [
      link('ann-learn', 'ann', '2025-06-01', null),
      link('ann-learn', 'ann', '2025-02-01', '2025-05-01'),
      link('ann-pu', 'ann', '2025-06-15', null),
    ];
    expect(checkInvariants(world({ associations: rows }))).toMatchObject([
      { code: 'COOL_OFF', index: 2 },
    ]);
  });

  it('follows the policy it is given', () => {
    const data = world({
      associations: [
        link('ann-learn', 'ann', '2025-02-01', '2025-02-05'),
        link('ann-learn', 'ann', '2025-02-11', null),
      ],
    });
    expect(codes(data)).toEqual(['COOL_OFF']);
    expect(checkInvariants(data, { ...DEFAULT_POLICY, coolOffDays: 10 })).toEqual([]);
  });

  it('throws on a malformed date rather than guessing', () => {
    const data = world({ associations: [link('ann-learn', 'ann', '2025-02-30', null)] });
    expect(() => checkInvariants(data)).toThrow(RulesInputError);
  });

  it('finds nothing in a valid organization of 20,000 people', () => {
    const n = 20_000;
    const accounts = Array.from({ length: n }, (_, i) => account(`u${i}`, `p${i}`));
    const profiles = accounts.map((a, i) => ({
      id: `f${i}`,
      personId: a.personId,
      kind: 'learn' as const,
      mcid: String(2_000_000 + i),
    }));
    const associations = accounts.map((a, i) => link(`f${i}`, a.id, '2025-06-01', null));
    expect(checkInvariants(world({ accounts, profiles, associations }))).toEqual([]);
  });
});
