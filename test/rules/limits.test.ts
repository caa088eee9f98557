import { describe, it, expect } from 'vitest';
import {
  DEFAULT_POLICY,
  associationsInWindow,
  checkLimits,
  coolOffEndsOn,
  isStartAllowed,
  nextAssociationDate,
  personOf,
  startsOfPerson,
  windowReturns,
  type Policy,
} from '../../src/rules';

const THREE = ['2026-01-05', '2026-03-01', '2026-06-01'];
const monthly: Policy = { ...DEFAULT_POLICY, yearlyLimit: 1, windowMonths: 1, coolOffDays: 0 };

describe('nextAssociationDate', () => {
  it.each([
    ['no starts: today', [], '2026-11-25', '2026-11-25'],
    ['cool-off: start + 30 days', ['2026-11-10'], '2026-11-25', '2026-12-10'],
    ['cool-off over the year end', ['2026-12-20'], '2026-12-21', '2027-01-19'],
    ['cool-off over a short February', ['2027-02-15'], '2027-02-16', '2027-03-17'],
    ['cool-off over a leap February', ['2028-02-15'], '2028-02-16', '2028-03-16'],
    ['cool-off over', ['2026-10-01'], '2026-11-25', '2026-11-25'],
    ['cool-off ends today', ['2026-10-26'], '2026-11-25', '2026-11-25'],
    ['3 a year: the oldest leaves', THREE, '2026-11-25', '2027-01-05'],
    ['3 a year: on the day itself', THREE, '2027-01-05', '2027-01-05'],
    ['2 of 3 used: only the cool-off', ['2026-03-01', '2026-11-01'], '2026-11-25', '2026-12-01'],
    [
      'the latest start counts, not the last listed',
      ['2026-11-01', '2026-03-01'],
      '2026-11-25',
      '2026-12-01',
    ],
    [
      'window from a leap day',
      ['2024-02-29', '2024-06-01', '2024-10-01'],
      '2024-11-15',
      '2025-02-28',
    ],
    [
      'window from 31 March',
      ['2025-03-31', '2025-05-31', '2025-08-31'],
      '2025-12-01',
      '2026-03-31',
    ],
    [
      '4 starts: the 2nd newest decides',
      ['2025-01-10', '2025-04-10', '2025-08-10', '2025-12-10'],
      '2026-01-15',
      '2026-04-10',
    ],
  ])('%s', (_name, starts, today, expected) => {
    expect(nextAssociationDate(starts, today)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2026-01-30', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
  ])('a one-month window from %s clamps to %s', (start, expected) => {
    expect(nextAssociationDate([start], start, monthly)).toBe(expected);
  });
});

describe('checkLimits tells the two limits apart', () => {
  it.each([
    ['inside the cool-off', ['2026-11-10'], '2026-12-09', { coolOffOk: false, windowOk: true }],
    ['on the cool-off end', ['2026-11-10'], '2026-12-10', { coolOffOk: true, windowOk: true }],
    ['window full', THREE, '2026-11-25', { coolOffOk: true, windowOk: false }],
    [
      'window full, day before the oldest leaves',
      THREE,
      '2027-01-04',
      { coolOffOk: true, windowOk: false },
    ],
    [
      'both',
      ['2026-01-05', '2026-03-01', '2026-11-20'],
      '2026-11-25',
      { coolOffOk: false, windowOk: false },
    ],
  ])('%s', (_name, starts, day, expected) => {
    expect(checkLimits(starts, day)).toEqual(expected);
    expect(isStartAllowed(starts, day)).toBe(expected.coolOffOk && expected.windowOk);
  });
});

describe('the window display ("n of 3")', () => {
  it('counts the starts still in the window and when each leaves', () => {
    expect(associationsInWindow(THREE, '2026-11-25')).toBe(3);
    expect(windowReturns(THREE, '2026-11-25')).toEqual(['2027-01-05', '2027-03-01', '2027-06-01']);
    expect(associationsInWindow(THREE, '2027-01-05')).toBe(2);
    expect(windowReturns(THREE, '2027-01-05')).toEqual(['2027-03-01', '2027-06-01']);
    expect(associationsInWindow(THREE, '2027-06-01')).toBe(0);
    expect(windowReturns(THREE, '2027-06-01')).toEqual([]);
  });

  it('sorts the returns whatever the order of the starts', () => {
    expect(windowReturns(['2026-06-01', '2026-01-31', '2025-12-01'], '2026-11-25')).toEqual([
      '2026-12-01',
      '2027-01-31',
      '2027-06-01',
    ]);
  });

  it('a leap-day start leaves on 28 February of the next year', () => {
    expect(windowReturns(['2028-02-29'], '2029-02-27')).toEqual(['2029-02-28']);
    expect(associationsInWindow(['2028-02-29'], '2029-02-28')).toBe(0);
  });
});

describe('helpers', () => {
  it('coolOffEndsOn is null before any start', () => {
    expect(coolOffEndsOn([], '2026-11-25')).toBeNull();
    expect(coolOffEndsOn(['2026-01-01', '2026-11-10'], '2026-11-25')).toBe('2026-12-10');
  });

  it('startsOfPerson collects ended and active starts of every profile of one person', () => {
    const world = {
      profiles: [
        { id: 'p', kind: 'learn' as const, mcid: '1234567', personId: 'ana' },
        { id: 'pu', kind: 'partner-university' as const, personId: 'ana' },
        { id: 'q', kind: 'learn' as const, mcid: '7654321', personId: 'kai' },
      ],
      associations: [
        { profileId: 'p', accountId: 'a', startedOn: '2026-01-01', endedOn: '2026-02-01' },
        { profileId: 'q', accountId: 'k', startedOn: '2026-03-01' },
        { profileId: 'pu', accountId: 'a', startedOn: '2026-04-01' },
        { profileId: 'unknown', accountId: 'a', startedOn: '2026-05-01' },
      ],
    };
    expect(startsOfPerson(world, 'ana')).toEqual(['2026-01-01', '2026-04-01']);
    expect(startsOfPerson(world, 'kai')).toEqual(['2026-03-01']);
    expect(personOf(world, 'pu')).toBe('ana');
    expect(() => personOf(world, 'unknown')).toThrow(/no such profile/);
  });
});
