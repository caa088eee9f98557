/**
 * How screens reach the data state: null while the storage layer is still
 * loading. Before it has started, a returning visit's home may already have
 * its first rows (state/first-rows): home shows them, and its actions wait
 * for the data state.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppState } from '../state/app-state';
import type { FirstRows } from '../state/first-rows';

export type { FirstRows };

export const DataContext = createContext<AppState | null>(null);

export function useData(): AppState | null {
  return useContext(DataContext);
}

/** The first rows, as a signal: only the screens that read them follow them. */
export const FirstRowsContext = createContext<ReadonlySignal<FirstRows | null>>(signal(null));

export function useFirstRows(): FirstRows | null {
  return useContext(FirstRowsContext).value;
}
