/**
 * Applying the remote's answers locally. A batch's results are settled in one
 * Dexie transaction by the store's `settleResults` (a 100-result batch is
 * then one commit, and confirmed links are written in bulk); should
 * that fail, they are settled one by one so that one bad row cannot hold back
 * the others. A result that still cannot be settled stays `sending`: the next
 * drain requeues it and the remote repeats its first answer.
 */
import type { WireResult } from '../rules';
import { type AppDb } from '../store';
import { settleResult, settleResults } from '../store/drain';
import type { SyncLog } from './log';

export async function settleBatch(
  db: AppDb,
  results: readonly WireResult[],
  now: Date,
  log: SyncLog,
  // The store's operation, replaceable so a test can make one result fail.
  settle: typeof settleResult = settleResult,
): Promise<{ settled: WireResult[]; error: string | null }> {
  try {
    // A test's replacement for settleResult goes one by one, in one transaction.
    if (settle === settleResult) {
      await settleResults(db, results, now);
    } else {
      await db.transaction('rw', db.outbox, db.associations, async () => {
        for (const result of results) await settle(db, result, now);
      });
    }
    return { settled: [...results], error: null };
  } catch (error) {
    log('warn', 'sync: settling the batch at once failed; one by one', error);
  }
  const settled: WireResult[] = [];
  let lastError: string | null = null;
  for (const result of results) {
    try {
      await settle(db, result, now);
      settled.push(result);
    } catch (error) {
      log('error', `sync: could not settle ${result.id}`, error);
      lastError = String(error);
    }
  }
  return { settled, error: lastError };
}
