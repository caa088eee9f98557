/**
 * The public face of sync: the engine that drains the outbox, the two
 * remotes, the lock, and the triggers for the page and the service worker.
 */
export {
  createSyncEngine,
  toWire,
  type DrainOptions,
  type DrainOutcome,
  type DrainReport,
  type PullScope,
  type SyncProblem,
  type SyncProblemKind,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncStatus,
} from './engine';
export type { SyncLog } from './log';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export {
  RemoteError,
  isRemoteError,
  RETRYABLE_KINDS,
  type Remote,
  type RemoteErrorKind,
} from './remote';
export {
  createHttpRemote,
  validateBaseUrl,
  validateToken,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  type HttpRemoteOptions,
} from './http-remote';
export { createEmbeddedRemote, type EmbeddedRemoteOptions } from './embedded-remote';
export {
  openPartnerCenter,
  resetEmbedded,
  PC_DB_NAME,
  type PartnerCenterDb,
} from './partner-center-db';
export { remoteFor, type RemoteDeps } from './remote-for';
export { createInProcessLock, type LockLike, type LockOutcome } from './lock';
export { createWebLock, lockFor, type LockManagerLike } from './web-lock';
export { DRAIN_LOCK, OUTBOX_SYNC_TAG } from './lock-name';
export {
  MIN_PULL_GAP_MS,
  PULL_EVERY_MS,
  startPageTriggers,
  type DocumentLike,
  type EventTargetLike,
  type PageTriggerOptions,
  type PageTriggers,
  type TimersLike,
} from './page-triggers';
export { drainForWakeUp, handleSyncEvent, type SyncEventLike } from './worker-triggers';
