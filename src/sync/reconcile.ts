/**
 * After a drain, the local view of every account the drain touched is brought
 * in line with the remote's authoritative state, so a link made on another
 * device, or ended by a move, shows correctly.
 *
 * The states are read in batches of MAX_STATES (`POST …/accounts/state`), a
 * few batches at a time; a remote without the batch read is asked per
 * account (`GET …/accounts/{id}/state`). A batch that fails is tried once
 * more; a wrong answer is never applied. All the states read are then applied
 * in one transaction (one account at a time if that fails). The accounts that
 * could not be reconciled are returned: the engine tries them on its next
 * drain.
 */
import type { WireAccountState, WireResult } from '../rules';
import { type AppDb, type OutboxEntry, type SyncChange } from '../store';
import {
  reconcileAccountState,
  reconcileAccountStates,
  type ReconcileOptions,
} from '../store/drain';
import type { SyncLog } from './log';
import { isRemoteError, MAX_STATES, type Remote } from './remote';

/** Per-account GETs in flight at once: enough to hide latency, few enough to be polite. */
const CONCURRENCY = 6;
/** Batch state reads in flight at once (each is up to MAX_STATES accounts). */
const BATCH_CONCURRENCY = 2;
/** Tries of one batch state read, the first included. */
const BATCH_TRIES = 2;

/** Every account an entry or its result names: the move from company A touches A too. */
export function affectedAccounts(
  entries: readonly OutboxEntry[],
  results: readonly WireResult[],
): string[] {
  const ids = new Set<string>();
  for (const e of entries) ids.add(e.accountId);
  for (const r of results) {
    if (r.association) ids.add(r.association.accountId);
    for (const ended of r.ended ?? []) ids.add(ended.accountId);
  }
  return [...ids].sort();
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function fetchOneByOne(
  remote: Remote,
  accountIds: readonly string[],
  log: SyncLog,
  errors: unknown[],
): Promise<WireAccountState[]> {
  const states: WireAccountState[] = [];
  await pool(accountIds, CONCURRENCY, async (accountId) => {
    try {
      states.push(await remote.state(accountId));
    } catch (error) {
      errors.push(error);
      log('warn', `sync: could not fetch the state of account ${accountId}`, error);
    }
  });
  return states;
}

/** Retrying the same read can help after these; not after a 401/403 or a 400. */
function worthRetrying(error: unknown): boolean {
  return isRemoteError(error) && ['network', 'timeout', 'server', 'malformed'].includes(error.kind);
}

/** One batch read, tried again once after a failure that may pass; null: not supported. */
async function fetchBatch(
  read: (accountIds: readonly string[]) => Promise<WireAccountState[] | null>,
  accountIds: readonly string[],
): Promise<WireAccountState[] | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read(accountIds);
    } catch (error) {
      if (attempt >= BATCH_TRIES || !worthRetrying(error)) throw error;
    }
  }
}

/**
 * The states of `accountIds` the remote gave; accounts it could not answer
 * are missing, and why is pushed to `errors`.
 */
export async function fetchStates(
  remote: Remote,
  accountIds: readonly string[],
  log: SyncLog,
  errors: unknown[] = [],
): Promise<WireAccountState[]> {
  if (!remote.states) return fetchOneByOne(remote, accountIds, log, errors);
  const read = remote.states.bind(remote);
  const size = remote.maxStates ?? MAX_STATES;
  const chunks: string[][] = [];
  for (let i = 0; i < accountIds.length; i += size) {
    chunks.push(accountIds.slice(i, i + size));
  }
  const states: WireAccountState[] = [];
  const unbatched: string[] = [];
  await pool(chunks, BATCH_CONCURRENCY, async (chunk) => {
    try {
      const answer = await fetchBatch(read, chunk);
      if (answer === null) unbatched.push(...chunk);
      else states.push(...answer);
    } catch (error) {
      errors.push(error);
      log('warn', `sync: could not fetch the state of ${chunk.length} accounts`, error);
    }
  });
  if (unbatched.length > 0) {
    states.push(...(await fetchOneByOne(remote, unbatched, log, errors)));
  }
  return states;
}

export interface ReconcileOutcome {
  reconciled: number;
  /** Accounts whose state could not be read or applied: for the next drain. */
  missed: string[];
  /** What the reconciliation changed here (the store recorded it for "what changed"). */
  changes: SyncChange[];
  /** Why no state at all could be read (the remote refused every read), or null. */
  failure: unknown;
}

/**
 * Reconciles these accounts with the remote; says which could not be. With
 * `checkedAt` (a pull), "last checked" is recorded when every state was read.
 */
export async function reconcileAccountIds(
  db: AppDb,
  remote: Remote,
  accountIds: readonly string[],
  log: SyncLog,
  options: ReconcileOptions = {},
): Promise<ReconcileOutcome> {
  const errors: unknown[] = [];
  const states = await fetchStates(remote, accountIds, log, errors);
  const complete = errors.length === 0 && states.length > 0;
  const settleOptions = complete ? options : {};
  const done = new Set<string>();
  const changes: SyncChange[] = [];
  try {
    changes.push(...(await reconcileAccountStates(db, states, settleOptions)));
    for (const state of states) done.add(state.accountId);
  } catch (error) {
    log('warn', 'sync: reconciling at once failed; one by one', error);
    for (const state of states) {
      try {
        changes.push(...(await reconcileAccountState(db, state)));
        done.add(state.accountId);
      } catch (cause) {
        log('warn', `sync: could not reconcile account ${state.accountId}`, cause);
      }
    }
  }
  return {
    reconciled: done.size,
    missed: accountIds.filter((id) => !done.has(id)),
    changes,
    failure: states.length === 0 && errors.length > 0 ? errors[0] : null,
  };
}
