/**
 * The report's figures against hand-computed cases: a departure in January,
 * a move from A to B, credits crossing a month end. The rows come from the
 * rules' skillsReport; these tests pin what the organization view shows.
 */
import { describe, expect, it } from 'vitest';
import { skillsReport } from '../../src/rules';
import {
  DEFAULT_REPORT_QUERY,
  joinPeople,
  queryReport,
  statusCounts,
} from '../../src/state/org-report';
import { orgUserRows } from '../../src/state/org-users';
import { account, cert, learn, link } from './org-fixtures';

describe('a departure in January', () => {
  // Ken completed AZ-104 in September; his account is deleted on 20 January.
  const input = {
    accounts: [account('ken', 'a', { deletedOn: '2026-01-20' })],
    associations: [link('p-ken', 'ken', '2025-06-01', '2026-01-20', 'account-deleted')],
    achievements: [cert('x1', 'p-ken', 'AZ-104', '2025-09-15')],
    profiles: [learn('p-ken')],
  };

  it('counts from 25 Sep and leaves the report on 10 Feb', () => {
    const [row] = skillsReport(input, 'a', '2026-01-25');
    expect(row?.countsFrom).toBe('2025-09-25');
    expect(row?.countsUntil).toBe('2026-02-10');
    expect(row?.status).toBe('scheduled-removal');
  });

  it('is a scheduled removal on 9 Feb and removed on 10 Feb', () => {
    expect(skillsReport(input, 'a', '2026-02-09')[0]?.status).toBe('scheduled-removal');
    expect(skillsReport(input, 'a', '2026-02-10')[0]?.status).toBe('removed');
  });

  it('shows the user as deleted with the removal date', () => {
    const [user] = orgUserRows(input, 'a');
    expect(user?.states).toEqual(['deleted', 'signed-in']);
    expect(user?.removalOn).toBe('2026-02-10');
  });

  it('drops out of the default ("current") view once removed', () => {
    const people = new Map([['ken', { displayName: 'Ken', email: 'ken@a.example' }]]);
    const before = joinPeople(skillsReport(input, 'a', '2026-02-09'), people);
    const after = joinPeople(skillsReport(input, 'a', '2026-02-10'), people);
    expect(queryReport(before, DEFAULT_REPORT_QUERY)).toHaveLength(1);
    expect(queryReport(after, DEFAULT_REPORT_QUERY)).toHaveLength(0);
    expect(queryReport(after, { ...DEFAULT_REPORT_QUERY, status: 'removed' })).toHaveLength(1);
  });
});

describe('a move from company A to company B', () => {
  // Ann linked her MCID to A on 1 March, passed AI-102 on 1 May, and linked
  // it to B on 20 November (today is 25 November): A's link ended, moved.
  const input = {
    accounts: [account('annA', 'a'), account('annB', 'b')],
    associations: [
      link('p-ann', 'annA', '2026-03-01', '2026-11-20', 'moved'),
      link('p-ann', 'annB', '2026-11-20'),
    ],
    achievements: [cert('ai', 'p-ann', 'AI-102', '2026-05-01')],
    profiles: [learn('p-ann')],
  };
  const today = '2026-11-25';

  it("A's view: counted since 11 May, removed on 10 December, link ended (moved)", () => {
    const [row] = skillsReport(input, 'a', today);
    expect(row).toMatchObject({
      countsFrom: '2026-05-11',
      countsUntil: '2026-12-10',
      endReason: 'moved',
      status: 'scheduled-removal',
    });
    const [user] = orgUserRows(input, 'a');
    expect(user?.states).toEqual(['signed-in']);
    expect(user?.ended).toEqual([
      { kind: 'learn', endedOn: '2026-11-20', endReason: 'moved', removalOn: '2026-12-10' },
    ]);
  });

  it("B's view: pending credit arriving on 30 November", () => {
    const [row] = skillsReport(input, 'b', today);
    expect(row).toMatchObject({ countsFrom: '2026-11-30', countsUntil: null, status: 'pending' });
    const [user] = orgUserRows(input, 'b');
    expect(user?.states).toEqual(['learn-linked', 'signed-in']);
    expect(user?.ended).toEqual([]);
  });
});

describe('credits crossing a month end', () => {
  const input = {
    accounts: [account('mei', 'a')],
    associations: [link('p-mei', 'mei', '2026-01-01')],
    achievements: [
      cert('c1', 'p-mei', 'AZ-104', '2026-01-25'),
      cert('c2', 'p-mei', 'AZ-305', '2026-02-25'),
      cert('c3', 'p-mei', 'SC-300', '2026-11-25'),
      cert('c4', 'p-mei', 'MS-102', '2026-12-28'),
    ],
    profiles: [learn('p-mei')],
  };

  it('adds ten calendar days across January, a non-leap February and the year end', () => {
    const rows = skillsReport(input, 'a', '2026-11-25');
    const from = Object.fromEntries(rows.map((r) => [r.code, r.countsFrom]));
    expect(from).toEqual({
      'AZ-104': '2026-02-04',
      'AZ-305': '2026-03-07',
      'SC-300': '2026-12-05',
      'MS-102': '2027-01-07',
    });
    expect(statusCounts(rows)).toEqual({
      counted: 2,
      pending: 2,
      'scheduled-removal': 0,
      removed: 0,
    });
  });
});

describe('filter and sort', () => {
  const input = {
    accounts: [
      account('u1', 'a', { displayName: '山田 太郎', email: 'yamada@a.example' }),
      account('u2', 'a', { displayName: 'Bob', email: 'bob@a.example' }),
    ],
    associations: [link('p1', 'u1', '2026-01-01'), link('p2', 'u2', '2026-01-01')],
    achievements: [
      cert('a1', 'p1', 'AZ-104', '2026-03-01'),
      cert('a2', 'p2', 'PL-300', '2026-02-01'),
      cert('a3', 'p2', 'AZ-305', '2026-11-20'),
    ],
  };
  const people = new Map(
    input.accounts.map((a) => [a.id, { displayName: a.displayName, email: a.email }]),
  );
  const rows = joinPeople(skillsReport(input, 'a', '2026-11-25'), people);

  it('finds rows by name, email or exam code, ignoring case and full-width letters', () => {
    const find = (text: string) =>
      queryReport(rows, { ...DEFAULT_REPORT_QUERY, text }).map((r) => r.achievementId);
    expect(find('山田')).toEqual(['a1']);
    expect(find('BOB@')).toEqual(['a2', 'a3']);
    expect(find('ａｚ-')).toEqual(['a1', 'a3']);
  });

  it('sorts by status, by date descending, and keeps pending rows under their filter', () => {
    const q = (over: Partial<typeof DEFAULT_REPORT_QUERY>) =>
      queryReport(rows, { ...DEFAULT_REPORT_QUERY, ...over }).map((r) => r.achievementId);
    expect(q({ sort: 'countsFrom', dir: 'desc' })).toEqual(['a3', 'a1', 'a2']);
    // Counted first (ties keep the rules' order, by account), then pending.
    expect(q({ sort: 'status' })).toEqual(['a1', 'a2', 'a3']);
    expect(q({ sort: 'status', dir: 'desc' })).toEqual(['a3', 'a1', 'a2']);
    expect(q({ status: 'pending' })).toEqual(['a3']);
    expect(q({ sort: 'name' })[0]).toBe('a2');
  });
});
