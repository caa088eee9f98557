/**
 * The outbox drainer. One drain at a time across tabs and the worker (the
 * lock); entries are marked in flight, sent in `seq` order in batches of at
 * most MAX_BATCH with their ids as idempotency keys, and settled only from
 * the remote's answer. What happens to a batch on each failure follows
 * docs/sync-contract.md; the table is `onFailure` below.
 */
import { MAX_BATCH, type WireResult } from '../rules';
import { getSettings, pendingOutbox, type AppDb, type OutboxEntry, type Settings } from '../store';
import {
  dueEntries,
  failEntries,
  markSending,
  pullAccountIds,
  reconcileDue,
  requeueInterrupted,
  scheduleRetry,
  setReconcileDue,
} from '../store/drain';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { LockLike } from './lock';
import type { SyncLog } from './log';
import { settleBatch } from './settle';
import { DRAIN_LOCK } from './lock-name';
import { affectedAccounts, reconcileAccountIds } from './reconcile';
import { createFailureStreak, SLOW_RETRY_MS } from './problem';
import { isRemoteError, RemoteError, type Remote } from './remote';
import { emptyReport, type DrainOptions, type DrainReport, type SyncStatus } from './report';
import { toWire } from './wire';

export type { DrainOptions, DrainReport, PullScope, SyncStatus } from './report';
export { toWire } from './wire';

export interface SyncEngineOptions {
  db: AppDb;
  getRemote: (settings: Settings) => Remote;
  lock: LockLike;
  clock: { now(): number };
  random: () => number;
  backoff?: BackoffPolicy;
  log?: SyncLog;
  /** When another drainer holds the lock, try again after this long. */
  busyRetryMs?: number;
}

export interface SyncEngine {
  drain(reason: string, options?: DrainOptions): Promise<DrainReport>;
  status(): SyncStatus;
  /** Called after every change of `status()`; returns the unsubscribe. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

/** The remote setting an auth failure belongs to: a new token or URL resumes the queue. */
function remoteKey(settings: Settings): string {
  return JSON.stringify(settings.remote);
}

/** Failures that count toward a named problem (the rest are answers, or the device's own). */
const RETRYABLE: ReadonlySet<string> = new Set(['network', 'timeout', 'server', 'malformed']);

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, lock, clock, random } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const log: SyncLog = options.log ?? (() => undefined);
  const busyRetryMs = options.busyRetryMs ?? 2_000;
  const listeners = new Set<(status: SyncStatus) => void>();
  let current: SyncStatus = {
    draining: false,
    needsSignIn: false,
    lastReport: null,
    problem: null,
  };
  // The remote setting that answered 401/403; nothing is sent to it again.
  let authFailedFor: string | null = null;
  // Identical failures in a row: after a few, the problem is named (problem.ts).
  const streak = createFailureStreak();

  function setStatus(patch: Partial<SyncStatus>): void {
    current = { ...current, ...patch };
    for (const listener of listeners) listener(current);
  }

  async function run(reason: string, drainOptions: DrainOptions): Promise<DrainReport> {
    const report = emptyReport(reason);
    // Whatever a crashed drain left in flight goes again: ids make it safe.
    await requeueInterrupted(db);
    const settings = await getSettings(db);
    const key = remoteKey(settings);
    if (authFailedFor !== null && authFailedFor !== key) authFailedFor = null;
    if (authFailedFor !== null) {
      report.outcome = 'needs-sign-in';
      return report;
    }
    let remote: Remote;
    try {
      remote = options.getRemote(settings);
    } catch (error) {
      report.outcome = 'misconfigured';
      report.error = String(error);
      log('error', 'sync: remote setting unusable', error);
      return report;
    }

    const server = settings.remote.kind === 'http' ? settings.remote.baseUrl : null;
    // This drain's first retryable failure (one per drain counts toward a problem).
    // (An object: TypeScript does not see the closure below assign a plain variable.)
    const drained: { failure: RemoteError | null } = { failure: null };
    let answered = false;
    const noteFailure = async (error: RemoteError) => {
      if (drained.failure !== null) return;
      drained.failure = error;
      await streak.failed(
        error,
        clock.now(),
        server,
        () => remote.probe?.() ?? Promise.resolve(null),
      );
    };

    const results: WireResult[] = [];
    const touched: OutboxEntry[] = [];
    const cutoff = drainOptions.ignoreBackoff ? Number.MAX_SAFE_INTEGER : clock.now();
    for (;;) {
      const batch = await dueEntries(db, cutoff, MAX_BATCH);
      if (batch.length === 0) break;
      const ids = batch.map((e) => e.id);
      await markSending(db, ids);
      report.sent += batch.length;
      let answer: WireResult[];
      try {
        answer = await remote.send(batch.map(toWire));
        answered = true;
      } catch (error) {
        const remoteError = asRemoteError(error);
        if (RETRYABLE.has(remoteError.kind)) await noteFailure(remoteError);
        else answered = true;
        const stop = await onFailure(batch, remoteError, report, key);
        if (stop) break;
        // A batch failed as final may still have been applied by an earlier,
        // unanswered delivery: its accounts are reconciled too.
        touched.push(...batch);
        continue;
      }
      const { settled, error } = await settleBatch(db, answer, new Date(clock.now()), log);
      for (const result of settled) {
        if (result.status === 'applied') report.applied += 1;
        else report.rejected += 1;
      }
      results.push(...settled);
      if (error !== null) report.error = error;
      touched.push(...batch);
    }

    // Accounts an earlier drain could not reconcile (here, in a stopped worker, or a page) too.
    const due = await reconcileDue(db);
    const accounts = new Set([...affectedAccounts(touched, results), ...due]);
    const now = new Date(clock.now());
    // A pull reads the person's (or the organization's) accounts too, in the same
    // reads and the same settle. Not when sending just failed: it would fail alike.
    const pull =
      drainOptions.pull && drained.failure === null && report.outcome !== 'needs-sign-in';
    if (pull) {
      const ids = await pullAccountIds(db, drainOptions.pull ?? 'me');
      report.pulled = ids.length;
      for (const id of ids) accounts.add(id);
    }
    if (report.outcome === 'needs-sign-in') {
      // The remote refuses us until a new sign-in: its states are read after that.
      await setReconcileDue(db, { done: [], missed: [...accounts] }, now);
    } else if (accounts.size > 0) {
      const outcome = await reconcileAccountIds(db, remote, [...accounts].sort(), log, {
        ...(pull ? { checkedAt: new Date(clock.now()) } : {}),
      });
      report.reconciled = outcome.reconciled;
      report.changed = outcome.changes.length;
      // Only what was due is cleared (the rest never was): nothing written when all went well.
      await setReconcileDue(db, { done: due, missed: outcome.missed }, now);
      if (outcome.reconciled > 0) answered = true;
      if (outcome.failure !== null) {
        const error = asRemoteError(outcome.failure);
        if (RETRYABLE.has(error.kind)) await noteFailure(error);
      }
    }
    if (drained.failure === null && answered) streak.succeeded();
    report.problem = streak.current();
    report.nextWakeAt = await nextRetryAt();
    return report;
  }

  function asRemoteError(error: unknown): RemoteError {
    if (isRemoteError(error)) return error;
    // A bug or corrupt data in the remote's code path: retried, never guessed at.
    return new RemoteError('server', `unexpected: ${String(error)}`, { cause: error });
  }

  /** Applies docs/sync-contract.md to a failed batch. Returns true when the drain must stop. */
  async function onFailure(
    batch: OutboxEntry[],
    error: RemoteError,
    report: DrainReport,
    key: string,
  ): Promise<boolean> {
    const ids = batch.map((e) => e.id);
    const message = `${error.kind}: ${error.message}`;
    report.error = message;
    switch (error.kind) {
      case 'bad-request':
        // Final for the whole batch: rolled back and shown; the next batch goes on.
        log('warn', 'sync: batch refused as a bad request', error);
        await failEntries(db, ids, message, new Date(clock.now()));
        report.failed += ids.length;
        return false;
      case 'auth':
        // Nothing is dropped: back to queued, and the queue waits for a new sign-in.
        log('warn', 'sync: remote wants a new sign-in', error);
        await requeueInterrupted(db);
        authFailedFor = key;
        report.outcome = 'needs-sign-in';
        return true;
      default: {
        if (error.kind === 'malformed') log('error', 'sync: malformed answer, not applied', error);
        else log('info', `sync: ${message}, will retry`);
        const attempts = Math.max(...batch.map((e) => e.attempts));
        const backedOff =
          error.kind === 'rate-limited' && error.retryAfterMs !== null
            ? error.retryAfterMs
            : backoffDelay(attempts, random, backoff);
        // A named problem will not pass in seconds: retry slowly, keep every action.
        const wait = streak.current() ? Math.max(backedOff, SLOW_RETRY_MS) : backedOff;
        await scheduleRetry(db, ids, clock.now() + wait, message);
        report.retried += ids.length;
        report.outcome = 'retry-later';
        return true;
      }
    }
  }

  async function nextRetryAt(): Promise<number | null> {
    const waiting = (await pendingOutbox(db)).filter((e) => e.state === 'retry');
    const times = waiting.map((e) => e.nextAttemptAt ?? clock.now());
    return times.length === 0 ? null : Math.min(...times);
  }

  return {
    async drain(reason: string, drainOptions: DrainOptions = {}): Promise<DrainReport> {
      const outcome = await lock.tryRun(DRAIN_LOCK, async () => {
        setStatus({ draining: true });
        try {
          return await run(reason, drainOptions);
        } finally {
          setStatus({ draining: false });
        }
      });
      const report: DrainReport = outcome.acquired
        ? outcome.value
        : { ...emptyReport(reason), outcome: 'busy', nextWakeAt: clock.now() + busyRetryMs };
      if (outcome.acquired) {
        setStatus({
          lastReport: report,
          needsSignIn: report.outcome === 'needs-sign-in',
          problem: report.problem,
        });
      }
      return report;
    },
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
