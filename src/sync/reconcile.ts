/**
 * After a drain, the local view of every account the drain touched is brought
 * in line with the remote's authoritative state (`GET …/state`), so a link
 * made on another device, or ended by a move, shows correctly. The states are
 * fetched a few at a time, then applied in one transaction (one by one if
 * that fails); an account that cannot be reconciled now is left for the next
 * drain.
 */
import type { WireAccountState, WireResult } from '../rules';
import { reconcileAccountState, type AppDb, type OutboxEntry } from '../store';
import type { SyncLog } from './log';
import type { Remote } from './remote';

/** GETs in flight at once: enough to hide latency, few enough to be polite. */
const CONCURRENCY = 6;

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

async function fetchStates(
  remote: Remote,
  accountIds: readonly string[],
  log: SyncLog,
): Promise<WireAccountState[]> {
  const states: WireAccountState[] = [];
  let next = 0;
  const worker = async () => {
    while (next < accountIds.length) {
      const accountId = accountIds[next++] as string;
      try {
        states.push(await remote.state(accountId));
      } catch (error) {
        log('warn', `sync: could not fetch the state of account ${accountId}`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, accountIds.length) }, worker));
  return states;
}

/** Returns how many accounts were reconciled. */
export async function reconcileAccounts(
  db: AppDb,
  remote: Remote,
  entries: readonly OutboxEntry[],
  results: readonly WireResult[],
  log: SyncLog,
): Promise<number> {
  const states = await fetchStates(remote, affectedAccounts(entries, results), log);
  try {
    await db.transaction('rw', db.associations, db.outbox, async () => {
      for (const state of states) await reconcileAccountState(db, state);
    });
    return states.length;
  } catch (error) {
    log('warn', 'sync: reconciling at once failed; one by one', error);
  }
  let done = 0;
  for (const state of states) {
    try {
      await reconcileAccountState(db, state);
      done += 1;
    } catch (error) {
      log('warn', `sync: could not reconcile account ${state.accountId}`, error);
    }
  }
  return done;
}
