/**
 * The worker's half of sync: the same engine the page uses, woken by
 * Background Sync, by a page's message, and by the worker's own start.
 * The outbox in Dexie is the record; these events only say "drain now".
 */
import { openDb } from '../store';
import {
  createSyncEngine,
  handleSyncEvent,
  lockFor,
  openPartnerCenter,
  remoteFor,
  type SyncEngine,
  type SyncEventLike,
} from '../sync';

declare const self: ServiceWorkerGlobalScope;

export function startOutboxSync(): SyncEngine {
  const db = openDb();
  const pc = openPartnerCenter();
  const now = () => Date.now();
  const engine = createSyncEngine({
    db,
    getRemote: remoteFor({ app: db, pc, now, onLine: () => self.navigator.onLine }),
    lock: lockFor(self.navigator),
    clock: { now },
    random: Math.random,
    log: (level, message) => {
      if (level !== 'info') console.warn(`[sync] ${message}`);
    },
  });
  const drain = engine.drain.bind(engine);

  self.addEventListener('sync', (event) => {
    handleSyncEvent(event as unknown as SyncEventLike, drain);
  });
  self.addEventListener('message', (event: ExtendableMessageEvent) => {
    const data: unknown = event.data;
    if (
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === 'DRAIN'
    ) {
      // The page waits for the report on the port it sent (its triggers schedule the next wake).
      const port = event.ports[0];
      const { reason, ignoreBackoff, pull } = data as {
        reason?: unknown;
        ignoreBackoff?: unknown;
        pull?: unknown;
      };
      event.waitUntil(
        drain(typeof reason === 'string' ? `page:${reason.slice(0, 40)}` : 'message', {
          ignoreBackoff: ignoreBackoff === true,
          // Only the two scopes there are; anything else asks for no pull.
          ...(pull === 'me' || pull === 'org' ? { pull } : {}),
        }).then(
          (report) => port?.postMessage({ ok: true, report }),
          (error: unknown) => port?.postMessage({ ok: false, error: String(error) }),
        ),
      );
    }
  });
  // A worker that starts (first install, or woken after being stopped) drains what waits.
  self.addEventListener('activate', (event: ExtendableEvent) => {
    event.waitUntil(drain('worker-start', { pull: 'me' }).catch(() => undefined));
  });
  return engine;
}
