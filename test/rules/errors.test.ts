/** Bad input is a thrown RulesInputError naming the field, never a decision. */
import { describe, it, expect } from 'vitest';
import {
  DEFAULT_POLICY,
  RulesInputError,
  associationsInWindow,
  checkPolicy,
  creditDate,
  decideLink,
  decideUnlink,
  nextAssociationDate,
  reportRemovalDate,
  windowReturns,
  type World,
} from '../../src/rules';
import { skillsReport } from '../../src/rules/report';
import { catchError, demoWorld, link, self } from './fixtures';

const TODAY = '2026-11-25';

function expectInputError(call: () => unknown, field: string, problem: string): void {
  const error = catchError(call);
  expect(error).toBeInstanceOf(RulesInputError);
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ name: 'RulesInputError', field, problem });
  expect((error as Error).message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
}

describe('decideLink and decideUnlink', () => {
  const withBadStart = demoWorld([link('learn-ana', 'ana-a', '2026-11-31')]);
  const endsBeforeStart = demoWorld([
    link('learn-ana-2', 'bob-a', '2026-01-01'),
    link('learn-ana', 'ana-a', '2026-05-01', '2026-04-30'),
  ]);
  const duplicateAccount: World = {
    ...demoWorld(),
    accounts: [
      ...demoWorld().accounts,
      { id: 'ana-a', orgId: 'org-b', email: 'x@fabrikam.example' },
    ],
  };
  const duplicateOrg: World = {
    ...demoWorld(),
    organizations: [...demoWorld().organizations, { id: 'org-a', domains: [] }],
  };
  const badDeletion: World = {
    ...demoWorld(),
    accounts: [
      { id: 'ana-a', orgId: 'org-a', email: 'ana@contoso.example', deletedOn: '15/01/2027' },
    ],
  };
  // ana-a holds a link to a profile nobody knows: its kind would decide the answer.
  const danglingProfile = demoWorld([link('learn-ghost', 'ana-a', '2026-01-01')]);

  it.each([
    ['malformed today', demoWorld(), self('ana-a'), '2026/11/25', 'today', 'BAD_DATE'],
    ['impossible today', demoWorld(), self('ana-a'), '2026-02-29', 'today', 'BAD_DATE'],
    [
      'unknown profile',
      demoWorld(),
      self('ana-a', 'learn-nobody'),
      TODAY,
      'profileId',
      'UNKNOWN_ID',
    ],
    ['bad start date', withBadStart, self('ana-b'), TODAY, 'associations[0].startedOn', 'BAD_DATE'],
    [
      'ends before it starts',
      endsBeforeStart,
      self('ana-b'),
      TODAY,
      'associations[1].endedOn',
      'BAD_RECORD',
    ],
    [
      'two accounts with one id',
      duplicateAccount,
      self('ana-a'),
      TODAY,
      'accounts',
      'DUPLICATE_ID',
    ],
    [
      'two organizations with one id',
      duplicateOrg,
      self('ana-a'),
      TODAY,
      'organizations',
      'DUPLICATE_ID',
    ],
    ['bad deletion date', badDeletion, self('ana-a'), TODAY, 'accounts[0].deletedOn', 'BAD_DATE'],
  ])('%s', (_name, world, req, today, field, problem) => {
    expectInputError(() => decideLink(world, req, today), field, problem);
    expectInputError(() => decideUnlink(world, req, today), field, problem);
  });

  it('an unknown profile behind an active link of the account', () => {
    expectInputError(
      () => decideLink(danglingProfile, self('ana-a'), TODAY),
      'associations.profileId',
      'UNKNOWN_ID',
    );
  });

  it('an unknown account is a refusal, not an error', () => {
    expect(decideLink(demoWorld(), self('nobody'), TODAY)).toEqual({
      ok: false,
      code: 'NO_ACCESS',
    });
  });
});

describe('the policy', () => {
  it.each([
    ['yearlyLimit', 0],
    ['yearlyLimit', 2.5],
    ['windowMonths', -1],
    ['coolOffDays', Number.NaN],
    ['creditLagDays', Number.POSITIVE_INFINITY],
    ['reportRefreshDay', 0],
    ['reportRefreshDay', 32],
    ['coolOffDays', '30'],
  ])('%s = %j is refused everywhere', (key, value) => {
    const policy = { ...DEFAULT_POLICY, [key]: value };
    const field = `policy.${key}`;
    expectInputError(() => checkPolicy(policy), field, 'BAD_POLICY');
    expectInputError(
      () => decideLink(demoWorld(), self('ana-a'), TODAY, policy),
      field,
      'BAD_POLICY',
    );
    expectInputError(() => nextAssociationDate([], TODAY, policy), field, 'BAD_POLICY');
    expectInputError(() => creditDate(TODAY, TODAY, policy), field, 'BAD_POLICY');
    expectInputError(() => reportRemovalDate(TODAY, policy), field, 'BAD_POLICY');
  });

  it('the default is the article’s numbers and cannot be changed by accident', () => {
    expect(DEFAULT_POLICY).toEqual({
      yearlyLimit: 3,
      windowMonths: 12,
      coolOffDays: 30,
      creditLagDays: 10,
      reportRefreshDay: 10,
    });
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(checkPolicy(DEFAULT_POLICY)).toBe(DEFAULT_POLICY);
  });
});

describe('the date functions', () => {
  it.each([
    [
      'nextAssociationDate start',
      () => nextAssociationDate(['2026-01-01', '2026-1-2'], TODAY),
      'starts[1]',
    ],
    ['nextAssociationDate today', () => nextAssociationDate([], ''), 'today'],
    ['associationsInWindow', () => associationsInWindow(['x'], TODAY), 'starts[0]'],
    ['windowReturns', () => windowReturns([], '2026-11-25Z'), 'today'],
    ['creditDate completedOn', () => creditDate('2026-02-30', TODAY), 'completedOn'],
    ['creditDate associatedOn', () => creditDate(TODAY, 'soon'), 'associatedOn'],
    ['reportRemovalDate', () => reportRemovalDate('2027-01'), 'endedOn'],
  ])('%s', (_name, call, field) => {
    expectInputError(call, field, 'BAD_DATE');
  });

  it('skillsReport names the row', () => {
    const input = {
      accounts: [{ id: 'ana-a', orgId: 'org-a' }],
      associations: [{ profileId: 'p', accountId: 'ana-a', startedOn: '2026-01-01' }],
      achievements: [
        {
          id: 'a',
          profileId: 'p',
          code: 'AZ-900',
          title: 't',
          kind: 'certification',
          completedOn: '2026-01-32',
        },
      ],
    };
    expectInputError(
      () => skillsReport(input, 'org-a', TODAY),
      'achievements[0].completedOn',
      'BAD_DATE',
    );
    expectInputError(() => skillsReport(input, 'org-a', 'today'), 'today', 'BAD_DATE');
  });
});
