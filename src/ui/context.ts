/** How components reach the shell state (one narrow entry point, like a wrapper module). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formatRuleDay, type Lang, type Messages } from '../i18n';
import type { Policy } from '../rules';
import type { ShellState } from '../state/shell';

export const ShellContext = createContext<ShellState | null>(null);

export function useShell(): ShellState {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell() outside <ShellContext.Provider>');
  return shell;
}

/** The current messages; re-renders when the language changes. */
export function useMessages() {
  return useShell().messages.value;
}

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
 * The shell's messages and one area's words, in the current language
 * (re-renders when it changes). Each area's words are imported by its own
 * screens, so they load with those screens, not with the first paint.
 */
export function useAreaWords<T>(area: Record<Lang, T>): AreaWords<T> {
  const shell = useShell();
  const lang = shell.lang.value;
  // The zone is read when a day is formatted, not on every render (state/shell).
  return {
    lang,
    m: shell.messages.value,
    t: area[lang],
    policy: shell.policy,
    day: (iso) => formatRuleDay(iso, lang, { timeZone: shell.timeZone }),
    from: (iso, style) =>
      formatRuleDay(iso, lang, { timeZone: shell.timeZone, from: true, style }),
  };
}
