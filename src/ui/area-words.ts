/**
 * Each area's words beside the shell's, for the screens: its own module, so
 * the date formatting it brings (i18n/format) loads with the screens, not
 * with the shell's first paint.
 */
import type { Lang, Messages } from '../i18n';
import { formatRuleDay } from '../i18n/format';
import type { Policy } from '../rules';
import { useShell } from './context';

export interface AreaWords<T> {
  lang: Lang;
  /** The shell's messages: common words. */
  m: Messages;
  /** The area's own words. */
  t: T;
  /** The policy whose numbers the words quote. */
  policy: Policy;
  /**
   * A rules day (UTC) that something happened on, with its basis when the
   * device is not on UTC: "Jan 30, 2026 (UTC)".
   */
  day: (iso: string) => string;
  /**
   * A rules day from which something holds (next association, credit,
   * removal), with the moment it starts on this device when not on UTC:
   * "January 31, 2026 (UTC; from January 31 at 9:00 AM your time)".
   */
  from: (iso: string, style?: 'medium' | 'long') => string;
}

/**
 * A rules day's words in `lang`; the zone is read when a day is formatted
 * (state/shell reads it on first use), not when the words are made.
 */
export function dayWords(
  lang: Lang,
  timeZone: () => string,
): Pick<AreaWords<unknown>, 'day' | 'from'> {
  return {
    day: (iso) => formatRuleDay(iso, lang, { timeZone: timeZone() }),
    from: (iso, style) => formatRuleDay(iso, lang, { timeZone: timeZone(), from: true, style }),
  };
}

/**
 * The shell's messages and one area's words, in the current language
 * (re-renders when it changes). Each area's words are imported by its own
 * screens, so they load with those screens, not with the first paint.
 */
export function useAreaWords<T>(area: Record<Lang, T>): AreaWords<T> {
  const shell = useShell();
  const lang = shell.lang.value;
  return {
    lang,
    m: shell.messages.value,
    t: area[lang],
    policy: shell.policy,
    ...dayWords(lang, () => shell.timeZone),
  };
}
