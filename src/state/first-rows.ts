/**
 * Home's rows as the page's first read got them (store/open-ahead, read by
 * src/early.ts), for the screens to draw before the data state has started:
 * a returning visit's home does not wait for the storage code (Dexie, the
 * store), which loads once home is on screen (src/main.tsx). The settings
 * among those rows decide whose home it is, as the data state's would.
 */
import { effect, type ReadonlySignal, type Signal } from '@preact/signals';
import type { HomeRows } from '../store/open-ahead';
import type { AppState } from './app-state';

/** Home's rows as the page's first read got them, and the data state (null until it has started). */
export interface FirstRows {
  rows: HomeRows;
  data: ReadonlySignal<AppState | null>;
}

/** The account the settings among the first rows name (null: nobody is chosen). */
export function chosenIn(rows: HomeRows): string | null {
  return rows.settings?.currentAccountId ?? null;
}

/**
 * The first rows serve until the data state's first view of home, never
 * after: an account chosen later is waited for, not drawn from another's rows.
 */
export function dropOnFirstView(first: Signal<FirstRows | null>, app: AppState): void {
  effect(() => {
    if (app.meReady.value) first.value = null;
  });
}
