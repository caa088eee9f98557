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
import type { ShellState } from './state/shell';
import { isUnsettled, onVersionChange, openDb } from './store';
import type { DrainOptions, DrainReport, PageTriggers, PartnerCenterDb } from './sync';

export interface DataRoot {
  app: AppState;
  stop: () => void;
}

interface SyncParts {
  pc: PartnerCenterDb;
  triggers: PageTriggers;
  resetEmbedded: (pc: PartnerCenterDb) => Promise<void>;
}

function isWorkerAnswer(value: unknown): value is { ok: true; report: DrainReport } {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { ok?: unknown; report?: unknown };
  return answer.ok === true && typeof answer.report === 'object' && answer.report !== null;
}

export function startDataRoot(shell: ShellState, bridge: () => SwBridge | null): DataRoot {
  const db = openDb();
  onVersionChange(db, () => {
    shell.dbBlocked.value = true;
  });
  const now = () => Date.now();
  let app: AppState | null = null;
  let stopped = false;

  const report = (r: DrainReport) => {
    if (!app) return r;
    app.sync.value = {
      draining: false,
      needsSignIn: r.outcome === 'needs-sign-in',
      lastError: r.error,
    };
    return r;
  };

  let sync: Promise<SyncParts> | null = null;
  /** Loads and starts sync once; the page triggers' start drain delivers what waits. */
  function loadSync(): Promise<SyncParts> {
    sync ??= import('./sync').then((m) => {
      const pc = m.openPartnerCenter();
      const engine = m.createSyncEngine({
        db,
        getRemote: m.remoteFor({ app: db, pc, now }),
        lock: m.lockFor(navigator),
        clock: { now },
        random: Math.random,
        log: (level, message) => {
          if (level !== 'info') console.warn(`[sync] ${message}`);
        },
      });
      const drain = async (reason: string, options: DrainOptions = {}) => {
        if (app) app.sync.value = { ...app.sync.value, draining: true };
        const worker = bridge();
        if (worker?.controlled()) {
          const answer = await worker.drainInWorker(reason, {
            ignoreBackoff: options.ignoreBackoff === true,
            ...(options.pull ? { pull: options.pull } : {}),
          });
          if (isWorkerAnswer(answer)) return report(answer.report);
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
      });
      if (stopped) triggers.stop();
      return { pc, triggers, resetEmbedded: m.resetEmbedded };
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

  app = createAppState(db, {
    onQueued: () => {
      // Background Sync delivers even if this tab closes; the trigger does it now.
      void bridge()?.wakeSync();
      trigger('queued');
    },
    onSettingsChanged: () => {
      // Nothing waits: the next queued action loads sync with the new setting.
      if (sync === null) return;
      // Through the triggers: a drain already running is followed by this one, not dropped.
      trigger('settings', { ignoreBackoff: true });
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

  return {
    app: state,
    stop: () => {
      stopped = true;
      stopWatching();
      void sync?.then((s) => {
        s.triggers.stop();
      });
      state.dispose();
    },
  };
}
