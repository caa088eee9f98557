/**
 * The public face of sync: the engine that drains the outbox, the two
 * remotes, the lock, and the triggers for the page and the service worker.
 */
export {
  createSyncEngine,
  toWire,
  type DrainOptions,
  type DrainReport,
  type PullScope,
  type SyncEngine,
} from './engine';
export type { SyncProblem } from './problem';
export { RemoteError, type Remote } from './remote';
export { createHttpRemote, validateBaseUrl, validateToken, type FetchLike } from './http-remote';
export { createEmbeddedRemote } from './embedded-remote';
export { openPartnerCenter, resetEmbedded, type PartnerCenterDb } from './partner-center-db';
export { remoteFor } from './remote-for';
export { createInProcessLock, type LockLike } from './lock';
export { createWebLock, lockFor, type LockManagerLike } from './web-lock';
export { OUTBOX_SYNC_TAG } from './messages';
export {
  MIN_PULL_GAP_MS,
  PULL_EVERY_MS,
  startPageTriggers,
  type PageTriggers,
  type TimersLike,
} from './page-triggers';
export { drainForWakeUp, handleSyncEvent, type SyncEventLike } from './worker-triggers';
