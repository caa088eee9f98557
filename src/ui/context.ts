/** How components reach the shell state (one narrow entry point, like a wrapper module). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Messages } from '../i18n';
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
}

/**
 * The shell's messages and one area's words, in the current language
 * (re-renders when it changes). Each area's words are imported by its own
 * screens, so they load with those screens, not with the first paint.
 */
export function useAreaWords<T>(area: Record<Lang, T>): AreaWords<T> {
  const shell = useShell();
  const lang = shell.lang.value;
  return { lang, m: shell.messages.value, t: area[lang] };
}
