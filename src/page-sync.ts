/**
 * What src/data-root.ts loads once there is something to deliver: the sync
 * engine's entry and the page's side of draining in the service worker
 * (src/pwa/sw-drain.ts), in one chunk. Neither is on a first visit.
 */
export {
  createSyncEngine,
  lockFor,
  openPartnerCenter,
  remoteFor,
  resetEmbedded,
  startPageTriggers,
} from './sync';
export { drainInWorker, wakeSync } from './pwa/sw-drain';
