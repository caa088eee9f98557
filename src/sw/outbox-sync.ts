/**
 * The worker's half of sync: the same engine the page uses, woken by
 * Background Sync, by a page's message, and by the worker's own start.
 * The outbox in Dexie is the record; these events only say "drain now".
 */
import type { AppDb } from '../store';
import {
  createSyncEngine,
  handleSyncEvent,
  lockFor,
  openPartnerCenter,
  remoteFor,
  type SyncEngine,
  type SyncEventLike,
} from '../sync';
import { readRequest, type DrainAnswer } from '../sync/messages';

declare const self: ServiceWorkerGlobalScope;

export function startOutboxSync(db: AppDb): SyncEngine {
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
    // Anything but a well-formed DRAIN (another message, or a malformed one) is not ours here.
    const request = readRequest(event.data);
    if (request?.type !== 'DRAIN') return;
    // The page waits for the report on the port it sent (its triggers schedule the next wake).
    const port = event.ports[0];
    const answer = (message: DrainAnswer) => port?.postMessage(message);
    const { reason, ignoreBackoff, pull } = request;
    event.waitUntil(
      drain(`page:${reason}`, { ignoreBackoff, ...(pull ? { pull } : {}) }).then(
        (report) => answer({ ok: true, report }),
        (error: unknown) => answer({ ok: false, error: String(error) }),
      ),
    );
  });
  // A worker that starts (first install, or woken after being stopped) drains what waits.
  self.addEventListener('activate', (event: ExtendableEvent) => {
    event.waitUntil(drain('worker-start', { pull: 'me' }).catch(() => undefined));
  });
  return engine;
}
