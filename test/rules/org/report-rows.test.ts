/**
 * The report's figures against hand-computed cases: a departure in January,
 * a move from A to B, credits crossing a month end. Rows come from the
 * store's queries over the rules' skillsReport; these tests pin what the
 * organization view shows from them.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORT_QUERY,
  queryReport,
  statusCounts,
} from '../../../src/rules/org/report-rows';
import { account, cert, learn, link, orgViews, seed } from './fixtures';

describe('a departure in January', () => {
  // Ken completed AZ-104 in September; his account is deleted on 20 January.
  const world = () => ({
    accounts: [account('ken', 'a', { deletedOn: '2026-01-20' })],
    associations: [link('p-ken', 'ken', '2025-06-01', '2026-01-20', 'account-deleted')],
    achievements: [cert('x1', 'p-ken', 'AZ-104', '2025-09-15')],
    profiles: [learn('p-ken')],
  });

  it('counts from 25 Sep and leaves the report on 10 Feb; the user shows as deleted', async () => {
    const db = await seed(world());
    const { report, users } = await orgViews(db, 'a', '2026-01-25');
    expect(report.map((r) => [r.countsFrom, r.countsUntil, r.status])).toEqual([
      ['2025-09-25', '2026-02-10', 'scheduled-removal'],
    ]);
    expect(users.map((u) => [u.states, u.removalOn, u.ended])).toEqual([
      [['deleted', 'signed-in'], '2026-02-10', []],
    ]);
  });

  it('is a scheduled removal on 9 Feb, removed on 10 Feb, and then leaves the default view', async () => {
    const db = await seed(world());
    const before = (await orgViews(db, 'a', '2026-02-09')).report;
    const after = (await orgViews(db, 'a', '2026-02-10')).report;
    expect(before[0]?.status).toBe('scheduled-removal');
    expect(after[0]?.status).toBe('removed');
    expect(queryReport(before, DEFAULT_REPORT_QUERY)).toHaveLength(1);
    expect(queryReport(after, DEFAULT_REPORT_QUERY)).toHaveLength(0);
    expect(queryReport(after, { ...DEFAULT_REPORT_QUERY, status: 'removed' })).toHaveLength(1);
  });
});

describe('a move from company A to company B', () => {
  // Ann linked her MCID to A on 1 March, passed AI-102 on 1 May, and linked
  // it to B on 20 November (today is 25 November): A's link ended, moved.
  const world = () => ({
    accounts: [account('annA', 'a'), account('annB', 'b')],
    associations: [
      link('p-ann', 'annA', '2026-03-01', '2026-11-20', 'moved'),
      link('p-ann', 'annB', '2026-11-20'),
    ],
    achievements: [cert('ai', 'p-ann', 'AI-102', '2026-05-01')],
    profiles: [learn('p-ann')],
  });
  const today = '2026-11-25';

  it("A's view: counted since 11 May, leaving on 10 December, link ended (moved)", async () => {
    const { report, users } = await orgViews(await seed(world()), 'a', today);
    expect(report[0]).toMatchObject({
      countsFrom: '2026-05-11',
      countsUntil: '2026-12-10',
      endReason: 'moved',
      status: 'scheduled-removal',
    });
    expect(users[0]?.states).toEqual(['signed-in']);
    expect(users[0]?.ended).toEqual([
      { profileId: 'p-ann', endedOn: '2026-11-20', endReason: 'moved', removalOn: '2026-12-10' },
    ]);
  });

  it("B's view: pending credit arriving on 30 November, Learn profile linked", async () => {
    const { report, users } = await orgViews(await seed(world()), 'b', today);
    expect(report[0]).toMatchObject({
      countsFrom: '2026-11-30',
      countsUntil: null,
      status: 'pending',
    });
    expect(users[0]?.states).toEqual(['learn-linked', 'signed-in']);
    expect(users[0]?.ended).toEqual([]);
  });

  it("A's ended link is no longer shown once the removal has happened", async () => {
    const { users } = await orgViews(await seed(world()), 'a', '2026-12-10');
    expect(users[0]?.ended).toEqual([]);
  });
});

describe('credits crossing a month end', () => {
  const world = () => ({
    accounts: [account('mei', 'a')],
    associations: [link('p-mei', 'mei', '2026-01-01')],
    achievements: [
      cert('c1', 'p-mei', 'AZ-104', '2026-01-25'),
      cert('c2', 'p-mei', 'AZ-305', '2026-02-25'),
      cert('c3', 'p-mei', 'SC-300', '2026-11-25'),
      cert('c4', 'p-mei', 'MS-102', '2026-12-28'),
    ],
    profiles: [learn('p-mei')],
  });

  it('adds ten calendar days across January, a non-leap February and the year end', async () => {
    const { report } = await orgViews(await seed(world()), 'a', '2026-11-25');
    expect(Object.fromEntries(report.map((r) => [r.code, r.countsFrom]))).toEqual({
      'AZ-104': '2026-02-04',
      'AZ-305': '2026-03-07',
      'SC-300': '2026-12-05',
      'MS-102': '2027-01-07',
    });
    expect(statusCounts(report)).toEqual({
      counted: 2,
      pending: 2,
      'scheduled-removal': 0,
      removed: 0,
    });
  });
});

describe('filter and sort', () => {
  const world = () => ({
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
    profiles: [learn('p1'), learn('p2')],
  });

  it('finds rows by name, email or exam code, ignoring case and full-width letters', async () => {
    const { report } = await orgViews(await seed(world()), 'a', '2026-11-25');
    const find = (text: string) =>
      queryReport(report, { ...DEFAULT_REPORT_QUERY, text }).map((r) => r.achievementId);
    expect(find('山田')).toEqual(['a1']);
    expect(find('BOB@')).toEqual(['a2', 'a3']);
    expect(find('ａｚ-')).toEqual(['a1', 'a3']);
  });

  it('sorts by date and by status both ways, and filters pending rows', async () => {
    const { report } = await orgViews(await seed(world()), 'a', '2026-11-25');
    const q = (over: Partial<typeof DEFAULT_REPORT_QUERY>) =>
      queryReport(report, { ...DEFAULT_REPORT_QUERY, ...over }).map((r) => r.achievementId);
    expect(q({ sort: 'countsFrom', dir: 'desc' })).toEqual(['a3', 'a1', 'a2']);
    // Counted first (ties in the rules' order, by account), then pending;
    // descending reverses both (a total order, as the store's pages keep it).
    expect(q({ sort: 'status' })).toEqual(['a1', 'a2', 'a3']);
    expect(q({ sort: 'status', dir: 'desc' })).toEqual(['a3', 'a2', 'a1']);
    expect(q({ status: 'pending' })).toEqual(['a3']);
    expect(q({ sort: 'name' })[0]).toBe('a2');
  });
});
