/**
 * Calendar days as `YYYY-MM-DD` strings (UTC), computed as integer day numbers
 * (days since 1970-01-01). Nothing here reads the clock or the device's time
 * zone, so a decision made in Tokyo and one made in Los Angeles agree.
 * The day-number conversion is Howard Hinnant's `days_from_civil`.
 */
import { RulesInputError } from './errors';

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Years 0001..9999: what a four-digit `YYYY` can say.
const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function parse(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

/** True for a real calendar day written `YYYY-MM-DD` (so not `2026-02-30`). */
export function isIsoDate(value: unknown): value is string {
  return parse(value) !== null;
}

/** Parses `YYYY-MM-DD`, or throws `RulesInputError` naming `field`. */
export function parseIsoDate(value: unknown, field = 'date'): CalendarDate {
  const parsed = parse(value);
  if (!parsed) {
    throw new RulesInputError('BAD_DATE', field, 'not a calendar date YYYY-MM-DD', value);
  }
  return parsed;
}

export function toDayNumber(value: unknown, field = 'date'): number {
  const { year, month, day } = parseIsoDate(value, field);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(dayNumber: number, field = 'date'): string {
  if (!Number.isSafeInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new RulesInputError('DATE_OUT_OF_RANGE', field, 'outside years 0001..9999', dayNumber);
  }
  return formatDate(civilFromDays(dayNumber));
}

export function formatDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function wholeNumber(n: number, field: string): number {
  if (!Number.isSafeInteger(n)) {
    throw new RulesInputError('BAD_NUMBER', field, 'not a whole number', n);
  }
  return n;
}

export function addDays(date: string, days: number, field = 'date'): string {
  return fromDayNumber(toDayNumber(date, field) + wholeNumber(days, 'days'), field);
}

/** Adds calendar months; a day the target month lacks clamps to its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number, field = 'date'): string {
  const { year, month, day } = parseIsoDate(date, field);
  const index = year * 12 + (month - 1) + wholeNumber(months, 'months');
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) {
    throw new RulesInputError('DATE_OUT_OF_RANGE', field, 'outside years 0001..9999', date);
  }
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const d = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

export function maxDate(first: string, ...rest: string[]): string {
  return rest.reduce((m, d) => (compareDates(d, m) > 0 ? d : m), check(first));
}

export function minDate(first: string, ...rest: string[]): string {
  return rest.reduce((m, d) => (compareDates(d, m) < 0 ? d : m), check(first));
}

function check(date: string): string {
  parseIsoDate(date);
  return date;
}

/**
 * The UTC calendar day of an instant. The caller passes the instant (the rules
 * have no clock); using its UTC day keeps every device on the same "today".
 */
export function todayUtc(now: Date): string {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RulesInputError('BAD_DATE', 'now', 'invalid Date', ms);
  return fromDayNumber(Math.floor(ms / MS_PER_DAY), 'now');
}
