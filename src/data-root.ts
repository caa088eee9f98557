/**
 * The second half of the composition root, loaded after the shell has
 * painted: the database, the data state, and sync. The sync engine runs in
 * the service worker when one controls the page (the page asks it to drain
 * and waits for its report); otherwise — first visit, no support — the same
 * engine runs here. Web Locks keep it to one drainer either way.
 */
import type { SwBridge } from './pwa/sw-bridge';
import { createAppState, type AppState } from './state/app-state';
import type { ShellState } from './state/shell';
import { onVersionChange, openDb } from './store';
import {
  createSyncEngine,
  lockFor,
  openPartnerCenter,
  resetEmbedded,
  remoteFor,
  startPageTriggers,
  type DrainOptions,
  type DrainReport,
  type PageTriggers,
} from './sync';

export interface DataRoot {
  app: AppState;
  stop: () => void;
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
  const pc = openPartnerCenter();
  const now = () => Date.now();
  const engine = createSyncEngine({
    db,
    getRemote: remoteFor({ app: db, pc, now }),
    lock: lockFor(navigator),
    clock: { now },
    random: Math.random,
    log: (level, message) => {
      if (level !== 'info') console.warn(`[sync] ${message}`);
    },
  });

  let app: AppState | null = null;
  let triggers: PageTriggers | null = null;
  const report = (r: DrainReport) => {
    if (!app) return r;
    app.sync.value = {
      draining: false,
      needsSignIn: r.outcome === 'needs-sign-in',
      lastError: r.error,
    };
    return r;
  };

  async function drain(reason: string, options: DrainOptions = {}): Promise<DrainReport> {
    if (app) app.sync.value = { ...app.sync.value, draining: true };
    const worker = bridge();
    if (worker?.controlled()) {
      const answer = await worker.drainInWorker(reason, options.ignoreBackoff === true);
      if (isWorkerAnswer(answer)) return report(answer.report);
    }
    return report(await engine.drain(reason, options));
  }

  app = createAppState(db, {
    onQueued: () => {
      // Background Sync delivers even if this tab closes; the trigger does it now.
      void bridge()?.wakeSync();
      triggers?.trigger('queued');
    },
    onSettingsChanged: () => {
      // Through the triggers: a drain already running is followed by this one, not dropped.
      triggers?.trigger('settings', { ignoreBackoff: true });
    },
    onDataReplaced: () => resetEmbedded(pc),
    eraseDevice: async () => {
      triggers?.stop();
      // Both databases, every cache, the worker, and web storage: nothing left behind.
      await Promise.all([db.delete(), pc.delete()]);
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      const registrations = await navigator.serviceWorker.getRegistrations();
      await Promise.all(registrations.map((r) => r.unregister()));
      localStorage.clear();
      sessionStorage.clear();
    },
  });

  triggers = startPageTriggers({
    drain,
    window,
    document,
    clock: { now },
    onError: (error) => {
      console.warn('[sync]', error);
    },
  });

  const state = app;
  const started = triggers;
  return {
    app: state,
    stop: () => {
      started.stop();
      state.dispose();
    },
  };
}
