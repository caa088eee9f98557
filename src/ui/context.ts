/** How components reach the shell state (one narrow entry point, like a wrapper module). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
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
