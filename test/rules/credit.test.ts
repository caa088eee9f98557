import { describe, it, expect } from 'vitest';
import { DEFAULT_POLICY, creditDate, reportRemovalDate } from '../../src/rules';

describe('creditDate: 10 days after the later of completion and start', () => {
  it.each([
    ['completed after the start', '2026-03-01', '2025-06-01', '2026-03-11'],
    ['started after completion', '2026-03-01', '2026-03-25', '2026-04-04'],
    ['crossing a month end', '2026-01-25', '2025-10-01', '2026-02-04'],
    ['crossing the year end', '2026-12-28', '2026-01-01', '2027-01-07'],
    ['through a leap day', '2028-02-25', '2027-01-01', '2028-03-06'],
    ['through a short February', '2027-02-25', '2027-01-01', '2027-03-07'],
    ['from a leap-day start', '2028-02-20', '2028-02-29', '2028-03-10'],
    ['same day', '2026-05-05', '2026-05-05', '2026-05-15'],
  ])('%s', (_name, completedOn, associatedOn, expected) => {
    expect(creditDate(completedOn, associatedOn)).toBe(expected);
  });

  it('uses the policy lag', () => {
    expect(creditDate('2026-01-25', '2025-10-01', { ...DEFAULT_POLICY, creditLagDays: 0 })).toBe(
      '2026-01-25',
    );
  });
});

describe('reportRemovalDate: the refresh day of the next month', () => {
  it.each([
    ['left in January (the article)', '2027-01-15', '2027-02-10'],
    ['on 1 January', '2027-01-01', '2027-02-10'],
    ['on 31 January', '2027-01-31', '2027-02-10'],
    ['on 31 December', '2026-12-31', '2027-01-10'],
    ['on the refresh day itself', '2027-03-10', '2027-04-10'],
    ['on a leap day', '2028-02-29', '2028-03-10'],
  ])('%s', (_name, endedOn, expected) => {
    expect(reportRemovalDate(endedOn)).toBe(expected);
  });

  it.each([
    [31, '2027-01-15', '2027-02-28'],
    [31, '2028-01-15', '2028-02-29'],
    [31, '2027-03-10', '2027-04-30'],
    [1, '2027-01-31', '2027-02-01'],
  ])('refresh day %i: %s → %s (clamped to the month)', (day, endedOn, expected) => {
    expect(reportRemovalDate(endedOn, { ...DEFAULT_POLICY, reportRefreshDay: day })).toBe(expected);
  });
});
