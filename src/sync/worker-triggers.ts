/**
 * What the service worker calls: a Background Sync event for our tag drains
 * the outbox. The event stays open until the drain ends (`waitUntil`), and it
 * fails when work is left waiting for a retry, so the browser wakes the worker
 * again later even if this worker is stopped meanwhile.
 */
import type { DrainOptions, DrainReport } from './engine';
import { OUTBOX_SYNC_TAG } from './messages';

export interface SyncEventLike {
  readonly tag: string;
  waitUntil(promise: Promise<unknown>): void;
}

export type DrainFn = (reason: string, options?: DrainOptions) => Promise<DrainReport>;

/** Drains for a wake-up; rejects when entries still wait for a retry. */
export async function drainForWakeUp(drain: DrainFn, reason: string): Promise<DrainReport> {
  // A sync event means the network is back: do not wait out earlier backoffs,
  // and read what changed meanwhile (the person's own accounts).
  const report = await drain(reason, { ignoreBackoff: true, pull: 'me' });
  if (report.outcome === 'retry-later') {
    throw new Error(`outbox: ${report.retried} action(s) wait for a retry (${report.error ?? ''})`);
  }
  return report;
}

/** Handles a `sync` event; returns false when it is not ours. */
export function handleSyncEvent(event: SyncEventLike, drain: DrainFn): boolean {
  if (event.tag !== OUTBOX_SYNC_TAG) return false;
  event.waitUntil(drainForWakeUp(drain, 'background-sync'));
  return true;
}
