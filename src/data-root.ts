/**
 * The second half of the composition root, loaded after the shell has
 * painted: the database and the data state; then sync, on demand. The sync
 * engine runs in the service worker when one controls the page (the page
 * asks it to drain and waits for its report); otherwise — first visit, no
 * support — the same engine runs here. Web Locks keep it to one drainer
 * either way.
 *
 * Sync (engine, remotes, their schemas, the embedded Partner Center) loads
 * only once there is something to deliver, or the embedded Partner Center
 * must start again: a drain with an empty outbox sends nothing and
 * reconciles nothing, so a visit with nothing queued never needs it.
 */
import type { SwBridge } from './pwa/sw-bridge';
import { createAppState, type AppState } from './state/app-state';
import { nextTask } from './state/next-task';
import { parseRoute, type ShellState } from './state/shell';
import { isUnsettled, onVersionChange, openDb, preloadDerivation, type HomeRows } from './store';
import type { DrainOptions, DrainReport, PageTriggers, PartnerCenterDb, PullScope } from './sync';

export interface DataRoot {
  app: AppState;
  stop: () => void;
}

interface SyncParts {
  pc: PartnerCenterDb;
  /** Wake the worker's drain (Background Sync, or a message); false where no worker can. */
  wakeSync: () => Promise<boolean>;
  triggers: PageTriggers;
  resetEmbedded: (pc: PartnerCenterDb) => Promise<void>;
}

/** The start's pull waits this long after the data state is up: the first paint comes first. */
const START_PULL_DELAY_MS = 1_500;

/** On the organization screens an admin's pull reads the organization's accounts. */
function pullScope(): PullScope {
  return parseRoute(location.hash).name === 'org' ? 'org' : 'me';
}

/**
 * `expectedAccountId`: the account the page's hint names (state/chosen-hint),
 * whose data is read while the settings are (they decide what is shown);
 * `homeRows`: its rows as the page's first read (store/open-ahead) gets them.
 *
 * Three tasks: Dexie's schema; IndexedDB's open (on a first visit, the
 * database's creation); then the data state and its first reads. In one
 * task they took 15–19 ms of a first visit's Lighthouse trace, over the
 * 12.5 ms that blocks input on a phone at a quarter of the speed. With
 * home's rows on their way (a returning visit), the data state starts at
 * once instead: the database is open already (store/open-ahead), its
 * queries wait for Dexie's open themselves, and home may show the rows'
 * view before they answer.
 */
export async function startDataRoot(
  shell: ShellState,
  bridge: () => SwBridge | null,
  expectedAccountId: string | null = null,
  homeRows: PromiseLike<HomeRows | null> | null = null,
): Promise<DataRoot> {
  const db = openDb();
  onVersionChange(db, () => {
    shell.dbBlocked.value = true;
  });
  if (homeRows === null) {
    await nextTask();
    // A failed open is reported by the first reads, as it was before this wait.
    await db.open().catch(() => undefined);
  }
  const now = () => Date.now();
  let app: AppState | null = null;
  let stopped = false;

  const report = (r: DrainReport) => {
    if (!app) return r;
    app.sync.value = {
      draining: false,
      needsSignIn: r.outcome === 'needs-sign-in',
      lastError: r.error,
      // Another drainer held the lock: what was known stays.
      problem: r.outcome === 'busy' ? app.sync.value.problem : r.problem,
    };
    return r;
  };

  let sync: Promise<SyncParts> | null = null;
  /** Loads and starts sync once; the page triggers' start drain delivers what waits. */
  function loadSync(): Promise<SyncParts> {
    // The page's side of draining in the worker comes with the sync code, not on a first visit.
    sync ??= import('./page-sync').then((m) => {
      const pc = m.openPartnerCenter();
      const engine = m.createSyncEngine({
        db,
        getRemote: m.remoteFor({ app: db, pc, now, onLine: () => navigator.onLine }),
        lock: m.lockFor(navigator),
        clock: { now },
        random: Math.random,
        log: (level, message) => {
          if (level !== 'info') console.warn(`[sync] ${message}`);
        },
      });
      const drain = async (reason: string, options: DrainOptions = {}) => {
        if (app) app.sync.value = { ...app.sync.value, draining: true };
        if (bridge()?.controlled()) {
          const answer = await m.drainInWorker(reason, {
            ignoreBackoff: options.ignoreBackoff === true,
            ...(options.pull ? { pull: options.pull } : {}),
          });
          if (answer?.ok) return report(answer.report);
        }
        return report(await engine.drain(reason, options));
      };
      const triggers = m.startPageTriggers({
        drain,
        window,
        document,
        clock: { now },
        onError: (error) => {
          console.warn('[sync]', error);
        },
        pullScope,
      });
      if (stopped) triggers.stop();
      const wakeSync = () => (bridge() === null ? Promise.resolve(false) : m.wakeSync());
      return { pc, wakeSync, triggers, resetEmbedded: m.resetEmbedded };
    });
    return sync;
  }
  const trigger = (reason: string, options?: DrainOptions) => {
    // Sync loaded by this call drains at once (the triggers' start): not twice.
    const loaded = sync !== null;
    void loadSync().then((s) => {
      if (loaded) s.triggers.trigger(reason, options);
    });
  };
  /** Like `trigger`, and read the server's state too (the triggers' start pulls already). */
  const pull = (reason: string, options?: DrainOptions) => {
    const loaded = sync !== null;
    void loadSync().then((s) => {
      if (loaded) s.triggers.pull(reason, options);
    });
  };

  app = createAppState(db, {
    expectedAccountId,
    homeRows,
    onQueued: () => {
      // The trigger drains now; Background Sync delivers even if this tab closes
      // (after the trigger: it tells whether sync was loaded before this call).
      trigger('queued');
      void loadSync().then((s) => s.wakeSync());
    },
    onSettingsChanged: () => {
      // Nothing waits: the next queued action loads sync with the new setting.
      if (sync === null) return;
      // Through the triggers: a drain already running is followed by this one, not dropped.
      // A new remote (or account) has its own truth: read it.
      pull('settings', { ignoreBackoff: true });
    },
    onSyncNow: () => {
      pull('sync-now', { ignoreBackoff: true });
    },
    onDataReplaced: async () => {
      const s = await loadSync();
      await s.resetEmbedded(s.pc);
    },
    eraseDevice: async () => {
      const s = await loadSync();
      s.triggers.stop();
      // Both databases, every cache, the worker, and web storage: nothing left behind.
      await Promise.all([db.delete(), s.pc.delete()]);
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      const registrations = await navigator.serviceWorker.getRegistrations();
      await Promise.all(registrations.map((r) => r.unregister()));
      localStorage.clear();
      sessionStorage.clear();
    },
  });

  // Something already waits (queued in an earlier visit, or in another tab): start sync.
  const state = app;
  const stopWatching = state.outbox.subscribe((entries) => {
    if (sync === null && entries.some((e) => isUnsettled(e))) void loadSync();
  });
  // Someone is chosen: sync starts once the page is idle, and its start pulls
  // what other devices changed. Choosing another account pulls theirs.
  let pulledFor: string | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const stopPulling = state.settings.subscribe((settings) => {
    const who = settings?.currentAccountId ?? null;
    if (who === null || who === pulledFor) return;
    const first = pulledFor === null;
    pulledFor = who;
    if (sync !== null) {
      if (!first) pull('account');
      return;
    }
    if (idle !== null) return;
    idle = setTimeout(() => {
      idle = null;
      if (stopped) return;
      // The derivation of the organization's rows follows every write of the
      // data: have it before the person's first action, not during it.
      preloadDerivation();
      void loadSync();
    }, START_PULL_DELAY_MS);
  });

  return {
    app: state,
    stop: () => {
      stopped = true;
      stopWatching();
      stopPulling();
      if (idle !== null) clearTimeout(idle);
      void sync?.then((s) => {
        s.triggers.stop();
      });
      state.dispose();
    },
  };
}
