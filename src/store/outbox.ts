/**
 * The page's side of the outbox: what waits, and dismissing a refusal once
 * read. The drain side (picking entries, settling the remote's answers) is
 * in outbox-drain.ts, reached through the store's `drain` entry point.
 */
import type { AppDb } from './db';
import type { OutboxEntry, OutboxState } from './records';

export const UNSETTLED_STATES: readonly OutboxState[] = ['queued', 'sending', 'retry'];

export function isUnsettled(entry: Pick<OutboxEntry, 'state'>): boolean {
  return UNSETTLED_STATES.includes(entry.state);
}

/** What the outbox panel shows: not yet applied, and refusals not yet dismissed, in order. */
export async function pendingOutbox(db: AppDb): Promise<OutboxEntry[]> {
  const rows = await db.outbox.orderBy('seq').toArray();
  return rows.filter((e) => e.state !== 'applied' && !e.dismissedAt);
}

/** The person has read a refusal. Only settled refusals can be dismissed; pending work cannot. */
export async function dismissEntry(db: AppDb, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(id);
    if (entry && (entry.state === 'rejected' || entry.state === 'failed')) {
      await db.outbox.update(id, { dismissedAt: now.toISOString() });
    }
  });
}
