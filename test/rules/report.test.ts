import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type ReportInput, type ReportRow } from '../../src/rules';
import { skillsReport } from '../../src/rules/report';

type Acc = ReportInput['accounts'][number];
type Assoc = ReportInput['associations'][number];

const az900 = {
  id: 'ach-az900',
  profileId: 'learn-ana',
  code: 'AZ-900',
  title: 'Azure Fundamentals',
  kind: 'certification',
};

function input(accounts: Acc[], associations: Assoc[], completed: string[]): ReportInput {
  return {
    accounts,
    associations,
    achievements: completed.map((completedOn, i) => ({ ...az900, id: `ach-${i}`, completedOn })),
  };
}

const anaA: Acc = { id: 'ana-a', orgId: 'org-a', email: 'ana@contoso.example' };
const anaB: Acc = { id: 'ana-b', orgId: 'org-b', email: 'ana@fabrikam.example' };

/** The fields a test is about, in order. */
function brief(rows: ReportRow[]) {
  return rows.map((r) => [r.accountId, r.countsFrom, r.countsUntil, r.status]);
}

describe('the January departure (the article)', () => {
  const deleted: Acc = { ...anaA, deletedOn: '2027-01-15' };
  const closed: Assoc = {
    profileId: 'learn-ana',
    accountId: 'ana-a',
    startedOn: '2026-03-01',
    endedOn: '2027-01-15',
    endReason: 'account-deleted',
  };

  it.each([
    ['the day before the deletion', '2027-01-14', null, 'counted'],
    ['after the deletion', '2027-01-20', '2027-02-10', 'scheduled-removal'],
    ['the day before the refresh', '2027-02-09', '2027-02-10', 'scheduled-removal'],
    ['from 10 February', '2027-02-10', '2027-02-10', 'removed'],
  ])('%s', (_name, today, until, status) => {
    // Before its deletion day the account is not deleted yet, so the row is open.
    const data =
      today < '2027-01-15'
        ? input([deleted], [{ ...closed, endedOn: null, endReason: null }], ['2026-06-20'])
        : input([deleted], [closed], ['2026-06-20']);
    expect(brief(skillsReport(data, 'org-a', today))).toEqual([
      ['ana-a', '2026-06-30', until, status],
    ]);
  });

  it('an open association of a deleted account ends on the deletion day', () => {
    const data = input([deleted], [{ ...closed, endedOn: null, endReason: null }], ['2026-06-20']);
    expect(skillsReport(data, 'org-a', '2027-01-20')).toEqual([
      {
        achievementId: 'ach-0',
        accountId: 'ana-a',
        profileId: 'learn-ana',
        code: 'AZ-900',
        title: 'Azure Fundamentals',
        kind: 'certification',
        completedOn: '2026-06-20',
        startedOn: '2026-03-01',
        endedOn: '2027-01-15',
        endReason: 'account-deleted',
        countsFrom: '2026-06-30',
        countsUntil: '2027-02-10',
        status: 'scheduled-removal',
      },
    ]);
  });

  it('an earlier unlink keeps its own date and reason', () => {
    const unlinked: Assoc = { ...closed, endedOn: '2026-12-20', endReason: 'unlinked' };
    const [row] = skillsReport(input([deleted], [unlinked], ['2026-06-20']), 'org-a', '2027-01-20');
    expect(row).toMatchObject({
      endedOn: '2026-12-20',
      endReason: 'unlinked',
      countsUntil: '2027-01-10',
      status: 'removed',
    });
  });
});

describe('the move from company A to company B (the article)', () => {
  const data = input(
    [anaA, anaB],
    [
      {
        profileId: 'learn-ana',
        accountId: 'ana-a',
        startedOn: '2026-01-10',
        endedOn: '2026-11-25',
        endReason: 'moved',
      },
      { profileId: 'learn-ana', accountId: 'ana-b', startedOn: '2026-11-25' },
    ],
    ['2026-09-01'],
  );

  it('A keeps the credit until the next refresh', () => {
    expect(brief(skillsReport(data, 'org-a', '2026-11-27'))).toEqual([
      ['ana-a', '2026-09-11', '2026-12-10', 'scheduled-removal'],
    ]);
  });

  it('B gets it 10 days after the link', () => {
    expect(brief(skillsReport(data, 'org-b', '2026-11-27'))).toEqual([
      ['ana-b', '2026-12-05', null, 'pending'],
    ]);
    expect(brief(skillsReport(data, 'org-b', '2026-12-05'))).toEqual([
      ['ana-b', '2026-12-05', null, 'counted'],
    ]);
  });
});

describe('credit dates', () => {
  const active: Assoc = { profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2025-10-01' };

  it('cross a month end', () => {
    const data = input([anaA], [active], ['2026-01-25']);
    expect(brief(skillsReport(data, 'org-a', '2026-02-03'))).toEqual([
      ['ana-a', '2026-02-04', null, 'pending'],
    ]);
    expect(skillsReport(data, 'org-a', '2026-02-04')[0]?.status).toBe('counted');
  });

  it('count from a leap-day link, and a year later the window closes on 28 February', () => {
    const leap: Assoc = {
      profileId: 'learn-ana',
      accountId: 'ana-a',
      startedOn: '2028-02-29',
      endedOn: '2029-02-28',
    };
    // Completed before the link: 29 Feb + 10 = 10 March. Completed 20 Feb 2029: credit
    // on 2 March 2029, after the link ended, so it never counts.
    const data = input([anaA], [leap], ['2028-02-20', '2029-02-20']);
    expect(brief(skillsReport(data, 'org-a', '2029-03-01'))).toEqual([
      ['ana-a', '2028-03-10', '2029-03-10', 'scheduled-removal'],
    ]);
  });
});

describe('edges', () => {
  it('a credit date after the end never counts; on the end day it does', () => {
    const short = (endedOn: string): Assoc => ({
      profileId: 'learn-ana',
      accountId: 'ana-a',
      startedOn: '2026-05-01',
      endedOn,
    });
    expect(
      skillsReport(input([anaA], [short('2026-05-10')], ['2026-04-01']), 'org-a', '2026-06-01'),
    ).toEqual([]);
    expect(
      brief(
        skillsReport(input([anaA], [short('2026-05-11')], ['2026-04-01']), 'org-a', '2026-06-01'),
      ),
    ).toEqual([['ana-a', '2026-05-11', '2026-06-10', 'scheduled-removal']]);
  });

  it('only associations at accounts of the organization, only that profile’s achievements', () => {
    const data: ReportInput = {
      accounts: [anaA, anaB],
      associations: [
        { profileId: 'learn-ana', accountId: 'ana-b', startedOn: '2026-01-01' },
        { profileId: 'learn-bob', accountId: 'ana-a', startedOn: '2026-01-01' },
        { profileId: 'learn-ana', accountId: 'nobody', startedOn: '2026-01-01' },
      ],
      achievements: [{ ...az900, completedOn: '2026-02-01' }],
    };
    expect(skillsReport(data, 'org-a', '2026-06-01')).toEqual([]);
    expect(skillsReport(data, 'org-x', '2026-06-01')).toEqual([]);
    expect(skillsReport(data, 'org-b', '2026-06-01')).toHaveLength(1);
  });

  it('a future deletion does not end anything yet', () => {
    const data = input(
      [{ ...anaA, deletedOn: '2026-12-01' }],
      [{ profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-01-01' }],
      ['2026-02-01'],
    );
    expect(brief(skillsReport(data, 'org-a', '2026-11-25'))).toEqual([
      ['ana-a', '2026-02-11', null, 'counted'],
    ]);
  });

  it('a relink shows each stretch, oldest first', () => {
    const data = input(
      [anaA],
      [
        { profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-04-15' },
        {
          profileId: 'learn-ana',
          accountId: 'ana-a',
          startedOn: '2026-01-01',
          endedOn: '2026-03-01',
          endReason: 'unlinked',
        },
      ],
      ['2025-12-01'],
    );
    expect(brief(skillsReport(data, 'org-a', '2026-04-20'))).toEqual([
      ['ana-a', '2026-01-11', '2026-04-10', 'removed'],
      ['ana-a', '2026-04-25', null, 'pending'],
    ]);
  });

  it('does not depend on the order of the input', () => {
    const accounts = [
      anaA,
      anaB,
      { id: 'bob-a', orgId: 'org-a', email: 'bob@contoso.example', deletedOn: '2026-08-01' },
    ];
    const associations: Assoc[] = [
      {
        profileId: 'p1',
        accountId: 'ana-a',
        startedOn: '2026-01-01',
        endedOn: '2026-06-01',
        endReason: 'moved',
      },
      { profileId: 'p1', accountId: 'ana-b', startedOn: '2026-06-01' },
      { profileId: 'p2', accountId: 'bob-a', startedOn: '2026-02-01' },
      { profileId: 'p2', accountId: 'ana-a', startedOn: '2026-01-15' },
    ];
    const achievements = ['p1', 'p2', 'p1', 'p2'].map((profileId, i) => ({
      ...az900,
      id: `a${i}`,
      profileId,
      completedOn: `2026-0${i + 2}-20`,
    }));
    const expected = skillsReport({ accounts, associations, achievements }, 'org-a', '2026-08-15');
    expect(expected.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(accounts, { minLength: accounts.length }),
        fc.shuffledSubarray(associations, { minLength: associations.length }),
        fc.shuffledSubarray(achievements, { minLength: achievements.length }),
        (acc, assoc, ach) => {
          expect(
            skillsReport(
              { accounts: acc, associations: assoc, achievements: ach },
              'org-a',
              '2026-08-15',
            ),
          ).toEqual(expected);
        },
      ),
    );
  });
});
