import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  RulesInputError,
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
  toDayNumber,
  todayUtc,
} from '../../src/rules';
import { catchError } from './fixtures';
import { dayOf, isoOf, plusMonths } from './oracle';

// 1900-01-01 .. 2399-12-31 as day numbers: where the Date.UTC oracle is valid.
const dayArb = fc.integer({ min: dayOf('1900-01-01'), max: dayOf('2399-12-31') });
const isoArb = dayArb.map(isoOf);

describe('isIsoDate', () => {
  it.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-05', false],
    ['20261125', false],
    ['2026-11-25T00:00:00Z', false],
    [' 2026-11-25', false],
    ['', false],
    ['２０２６-１１-２５', false],
    [20261125, false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(20417)).toBe('2025-11-25');
  });

  it('agrees with the platform UTC calendar', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const iso = isoOf(day);
        expect(toDayNumber(iso)).toBe(day);
        expect(fromDayNumber(day)).toBe(iso);
      }),
    );
  });

  it('parses into parts', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-25', 30, '2026-12-25'],
    ['2026-12-20', 30, '2027-01-19'],
    ['2027-02-15', 30, '2027-03-17'],
    ['2028-02-15', 30, '2028-03-16'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-01-25', 10, '2026-02-04'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('matches the oracle', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        fc.pre(day + n <= dayOf('2399-12-31') && day + n >= dayOf('1900-01-01'));
        expect(addDays(isoOf(day), n)).toBe(isoOf(day + n));
      }),
    );
  });
});

describe('addMonths clamps to the end of the month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-11-25', 12, '2027-11-25'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-08-31', 0, '2026-08-31'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('matches the oracle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('1901-01-01'), max: dayOf('2299-12-31') }),
        fc.integer({ min: -120, max: 120 }),
        (day, n) => {
          expect(addMonths(isoOf(day), n)).toBe(plusMonths(isoOf(day), n));
        },
      ),
    );
  });
});

describe('comparing', () => {
  it('orders, measures and picks', () => {
    expect(compareDates('2026-01-31', '2026-02-01')).toBe(-1);
    expect(compareDates('2026-02-01', '2026-01-31')).toBe(1);
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(daysBetween('2026-11-25', '2026-12-25')).toBe(30);
    expect(daysBetween('2028-03-01', '2028-02-28')).toBe(-2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(maxDate('2026-01-31', '2026-02-01', '2025-12-31')).toBe('2026-02-01');
    expect(minDate('2026-01-31', '2026-02-01', '2025-12-31')).toBe('2025-12-31');
    expect(maxDate('2026-01-31')).toBe('2026-01-31');
  });

  it('agrees with day-number order', () => {
    fc.assert(
      fc.property(isoArb, isoArb, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(dayOf(a) - dayOf(b)));
        expect(daysBetween(a, b)).toBe(dayOf(b) - dayOf(a));
      }),
    );
  });
});

describe('todayUtc takes the instant it is given', () => {
  it.each([
    ['2026-11-25T00:00:00.000Z', '2026-11-25'],
    ['2026-11-25T23:59:59.999Z', '2026-11-25'],
    // 08:30 in Tokyo is still the day before in UTC.
    ['2026-11-25T08:30:00+09:00', '2026-11-24'],
    // 17:00 in Los Angeles is already the next day in UTC.
    ['2026-11-25T17:00:00-08:00', '2026-11-26'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31'],
  ])('%s → %s', (instant, expected) => {
    expect(todayUtc(new Date(instant))).toBe(expected);
  });

  it('throws on an invalid Date', () => {
    expect(() => todayUtc(new Date('not a date'))).toThrow(RulesInputError);
  });
});

describe('bad input throws a RulesInputError naming the field', () => {
  it.each([
    ['parseIsoDate', () => parseIsoDate('2026-02-30', 'today'), 'today', 'BAD_DATE'],
    ['toDayNumber', () => toDayNumber('yesterday'), 'date', 'BAD_DATE'],
    ['addDays date', () => addDays('2026-13-01', 1), 'date', 'BAD_DATE'],
    ['addDays fraction', () => addDays('2026-01-01', 1.5), 'days', 'BAD_NUMBER'],
    ['addMonths NaN', () => addMonths('2026-01-01', Number.NaN), 'months', 'BAD_NUMBER'],
    ['addDays overflow', () => addDays('9999-12-31', 1), 'date', 'DATE_OUT_OF_RANGE'],
    ['addMonths overflow', () => addMonths('9999-12-31', 1), 'date', 'DATE_OUT_OF_RANGE'],
    ['addMonths underflow', () => addMonths('0001-01-31', -1), 'date', 'DATE_OUT_OF_RANGE'],
    ['fromDayNumber', () => fromDayNumber(0.5), 'date', 'DATE_OUT_OF_RANGE'],
    ['compareDates', () => compareDates('2026-01-01', '2026-1-1'), 'b', 'BAD_DATE'],
    ['daysBetween', () => daysBetween('x', '2026-01-01'), 'from', 'BAD_DATE'],
    ['maxDate', () => maxDate('2026-01-01', '2026-02-30'), 'a', 'BAD_DATE'],
  ])('%s', (_name, call, field, problem) => {
    const error = catchError(call);
    expect(error).toBeInstanceOf(RulesInputError);
    expect(error).toMatchObject({ field, problem, name: 'RulesInputError' });
    expect((error as Error).message).toContain(field);
  });
});
