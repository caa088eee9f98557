/**
 * The planner's data, kept current. The planner needs the person's whole
 * history (every start of the profile, every one of their work accounts),
 * which the screens' views summarize away, so it reads the store's planner
 * query (one read transaction) through the app state, and reads again whenever
 * the person's live view changes (a link, a refusal rolled back, a new day).
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { AppState } from '../app-state';
import { plannerDataFrom, type PlannerLoad } from '../../rules/planner/data';

export type PlannerState = PlannerLoad | { state: 'error' };

export interface PlannerSource {
  load: ReadonlySignal<PlannerState>;
  dispose(): void;
}

type AppEntry = Pick<AppState, 'me' | 'meReady' | 'settings' | 'plannerTables' | 'today'>;

export function followPlanner(app: AppEntry): PlannerSource {
  const load = signal<PlannerState>({ state: 'loading' });
  // A late answer for an older change must not overwrite a newer one.
  let latest = 0;
  const stop = effect(() => {
    const settings = app.settings.value;
    const ready = app.meReady.value;
    // Read here so that any change to the person's live view re-reads the snapshot.
    const view = app.me.value;
    const token = ++latest;
    if (settings === null || !ready) return;
    const accountId = settings.currentAccountId;
    if (accountId === null || view === null) {
      load.value = { state: 'no-account' };
      return;
    }
    void read(app, accountId).then((next) => {
      if (token === latest) load.value = next;
    });
  });
  return {
    load,
    dispose: () => {
      latest += 1;
      stop();
    },
  };
}

async function read(app: AppEntry, accountId: string): Promise<PlannerState> {
  try {
    const tables = await app.plannerTables(accountId);
    if (!tables.ok) return { state: 'error' };
    return plannerDataFrom(tables.value, accountId, app.today());
  } catch {
    return { state: 'error' };
  }
}
