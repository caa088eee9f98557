/** How screens reach the data state: null while the storage layer is still loading. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppState } from '../state/app-state';

export const DataContext = createContext<AppState | null>(null);

export function useData(): AppState | null {
  return useContext(DataContext);
}
