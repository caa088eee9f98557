/**
 * The accounts a drain could not reconcile, kept in the database rather than
 * in the engine's memory: the next drain reads them whether it runs in the
 * same service worker, a restarted one, or a page. Only drains (which hold
 * the drain lock) call these, so they never race each other.
 */
import type { AppDb } from './db';

/** The accounts waiting for a reconciliation. */
export async function reconcileDue(db: AppDb): Promise<string[]> {
  return (await db.reconcileDue.toArray()).map((row) => row.accountId);
}

/**
 * After a drain's reconciliation: `done` (the accounts that were due) are
 * cleared, `missed` wait for the next drain, keeping the time they were
 * first missed. One transaction.
 */
export async function setReconcileDue(
  db: AppDb,
  change: { done: readonly string[]; missed: readonly string[] },
  now: Date,
): Promise<void> {
  if (change.done.length === 0 && change.missed.length === 0) return;
  await db.transaction('rw', db.reconcileDue, async () => {
    const kept = new Map(
      (await db.reconcileDue.bulkGet([...change.missed])).flatMap((row) =>
        row ? [[row.accountId, row.since] as const] : [],
      ),
    );
    await db.reconcileDue.bulkDelete([...change.done]);
    const since = now.toISOString();
    await db.reconcileDue.bulkPut(
      change.missed.map((accountId) => ({ accountId, since: kept.get(accountId) ?? since })),
    );
  });
}
