/**
 * Settling a whole batch of the remote's answers at once, for the sync
 * engine: the same outcome as `settleResult` for each result in order, with
 * the common case written in bulk: a batch of 100 confirmed links is then a
 * handful of IndexedDB requests instead of five or more per result.
 */
import type { WireResult } from '../rules';
import type { AppDb } from './db';
import { isUnsettled } from './outbox';
import { settleResult } from './outbox-drain';
import type { Association, OutboxEntry } from './records';

/**
 * `settleResult` for a batch, in order, in one transaction. The common case
 * (an applied link that ended nothing: its row confirmed, its entry applied)
 * is written in bulk; any other result first writes what came before it, then
 * goes through `settleResult`, so every result sees the rows as settling them
 * one by one would have left them.
 */
export async function settleResults(
  db: AppDb,
  results: readonly WireResult[],
  now: Date,
): Promise<void> {
  const settledAt = now.toISOString();
  await db.transaction('rw', db.outbox, db.associations, async () => {
    const entries = await db.outbox.bulkGet(results.map((r) => r.id));
    const created = await db.associations.bulkGet(
      entries.map((e) => e?.effect.createdAssociationId ?? '\u0000none'),
    );
    let rows: Association[] = [];
    let done: OutboxEntry[] = [];
    // After a result went through settleResult, rows read up front may be stale.
    let stale = false;
    const flush = async () => {
      if (rows.length > 0) await db.associations.bulkPut(rows);
      if (done.length > 0) await db.outbox.bulkPut(done);
      rows = [];
      done = [];
    };
    for (const [i, result] of results.entries()) {
      const entry = entries[i];
      const createdId = entry?.effect.createdAssociationId;
      const row = stale && createdId ? await db.associations.get(createdId) : created[i];
      const simple =
        entry !== undefined &&
        entry.type === 'link' &&
        result.status === 'applied' &&
        (result.ended ?? []).length === 0 &&
        row !== undefined &&
        !done.some((d) => d.id === entry.id);
      if (!simple) {
        if (entry === undefined || !isUnsettled(entry)) continue;
        await flush();
        await settleResult(db, result, now);
        stale = true;
        continue;
      }
      if (!isUnsettled(entry)) continue;
      rows.push({
        ...row,
        pendingActionId: null,
        ...(result.association ? { startedOn: result.association.startedOn } : {}),
      });
      done.push({
        ...entry,
        state: 'applied',
        settledAt,
        lastError: null,
        code: null,
        nextAllowedOn: null,
      });
    }
    await flush();
  });
}
