/**
 * Languages, and the locale-aware formatting of the rules' calendar days.
 * Rules dates are UTC calendar days, so they are formatted in UTC: a date
 * never shifts by one for a person east or west of Greenwich.
 */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** The first supported language among the browser's preferences; English otherwise. */
export function detectLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-US' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-02-10` → "2026年2月10日" / "Feb 10, 2026". Invalid input is shown as given. */
export function formatDate(
  isoDay: string,
  lang: Lang,
  style: 'medium' | 'long' = 'medium',
): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const key = `${lang}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
}

/** An instant (epoch ms) as a short local time, for "retry at 14:05". */
export function formatTime(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeStyle: 'short' }).format(new Date(epochMs));
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang]).format(n);
}
