/**
 * Home's view of the first rows (state/first-rows), made as the data state
 * makes it (store/queries-me `meViewOf`), by the settings among them; and
 * the data state's start, which home's actions wait for meanwhile. Apart
 * from first-rows.ts, which the shell imports: these load with home.
 */
import type { ReadonlySignal } from '@preact/signals';
import { todayUtc } from '../rules/dates';
import type { HomeRows } from '../store/open-ahead';
import { meViewOf, type MyView } from '../store/queries-me';
import type { AppState } from './app-state';
import { chosenIn } from './first-rows';

export interface FirstView {
  /** Today as a rules calendar day (UTC), by the device's clock. */
  today: () => string;
  /** The account the settings read first name (null: nobody is chosen). */
  currentAccountId: string | null;
  /**
   * That account's view, when it is the account the rows are of and they
   * can make it (null where a profile is linked to an account they hold no
   * row of).
   */
  view: MyView | null;
}

export function firstView(rows: HomeRows, now: () => Date = () => new Date()): FirstView {
  const today = () => todayUtc(now());
  const currentAccountId = chosenIn(rows);
  const view =
    currentAccountId === rows.account.id ? meViewOf({ ...rows, others: new Map() }, today()) : null;
  return { today, currentAccountId, view };
}

/** The data state, once it has started. */
export function dataStarted(data: ReadonlySignal<AppState | null>): Promise<AppState> {
  let stop: () => void = () => undefined;
  const started = new Promise<AppState>((resolve) => {
    stop = data.subscribe((app) => {
      if (app) resolve(app);
    });
  });
  void started.then(() => {
    stop();
  });
  return started;
}
