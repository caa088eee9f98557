/**
 * After a drain, the local view of every account the drain touched is brought
 * in line with the remote's authoritative state (`GET …/state`), so a link
 * made on another device, or ended by a move, shows correctly.
 */
import type { WireResult } from '../rules';
import { reconcileAccountState, type AppDb, type OutboxEntry } from '../store';
import type { SyncLog } from './engine';
import type { Remote } from './remote';

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

/** Returns how many accounts were reconciled; a failure is logged and left for the next drain. */
export async function reconcileAccounts(
  db: AppDb,
  remote: Remote,
  entries: readonly OutboxEntry[],
  results: readonly WireResult[],
  log: SyncLog,
): Promise<number> {
  let done = 0;
  for (const accountId of affectedAccounts(entries, results)) {
    try {
      await reconcileAccountState(db, await remote.state(accountId));
      done += 1;
    } catch (error) {
      log('warn', `sync: could not reconcile account ${accountId}`, error);
    }
  }
  return done;
}
