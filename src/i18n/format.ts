/**
 * The locale-aware formatting of numbers, times and the rules' calendar days.
 * Rules dates are UTC calendar days (Partner Center decides on them), so they
 * are formatted in UTC: a date never shifts by one east or west of Greenwich.
 * Shown to a person whose device is not on UTC, a rules day says its basis
 * (`formatRuleDay`), so "31 January" is never taken for their own 31 January.
 * Its own module, out of the shell's first paint: screens import it.
 */
import type { Lang } from './lang';

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

// Each Intl format is made once per key: a list formats a value in every
// row, and making the format costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function made<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** `2026-02-10` → "2026年2月10日" / "Feb 10, 2026". Invalid input is shown as given. */
export function formatDate(
  isoDay: string,
  lang: Lang,
  style: 'medium' | 'long' = 'medium',
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const format = made(
    `date:${lang}:${style}`,
    () => new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: style, timeZone: 'UTC' }),
  );
  return format.format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/** An instant (epoch ms) as a short local time, for "retry at 14:05". */
export function formatTime(epochMs: number, lang: Lang): string {
  const format = made(
    `time:${lang}`,
    () => new Intl.DateTimeFormat(LOCALE[lang], { timeStyle: 'short' }),
  );
  return format.format(new Date(epochMs));
}

export function formatNumber(n: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(LOCALE[lang], options).format(n);
  return made(`number:${lang}`, () => new Intl.NumberFormat(LOCALE[lang])).format(n);
}

/** Whether the wall clock in `timeZone` reads 00:00 of the same day at this UTC midnight. */
function onUtcAt(midnight: Date, timeZone: string): boolean {
  const parts = made(
    `parts:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      }),
  ).formatToParts(midnight);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return (
    get('year') === midnight.getUTCFullYear() &&
    get('month') === midnight.getUTCMonth() + 1 &&
    get('day') === midnight.getUTCDate() &&
    get('hour') === 0 &&
    get('minute') === 0
  );
}

export interface RuleDayOptions {
  /** The reader's time zone (IANA name). */
  timeZone: string;
  style?: 'medium' | 'long';
  /**
   * The day is one from which something holds: say when it starts on the
   * reader's clock ("from 9:00 AM on January 31 your time").
   */
  from?: boolean;
}

/**
 * A rules calendar day (UTC) as the person reads it. On a device whose zone
 * is UTC at that day's start it is the plain date; elsewhere it names the
 * basis, "(UTC)", and for a `from` day the local moment the UTC day begins,
 * which may be the day before (west) or later that day (east).
 */
export function formatRuleDay(isoDay: string, lang: Lang, options: RuleDayOptions): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const day = formatDate(isoDay, lang, options.style);
  const midnight = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (onUtcAt(midnight, options.timeZone)) return day;
  if (!options.from) return lang === 'ja' ? `${day}（UTC）` : `${day} (UTC)`;
  const local = made(
    `local:${lang}:${options.timeZone}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[lang], {
        timeZone: options.timeZone,
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }),
  ).format(midnight);
  return lang === 'ja'
    ? `${day}（UTC。この端末の時刻では ${local} から）`
    : `${day} (UTC; from ${local} your time)`;
}
