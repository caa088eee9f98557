/**
 * The drain side of the outbox: what the sync engine calls to pick entries,
 * mark them in flight, and apply the remote's answers. The remote is
 * authoritative: a refusal rolls back exactly the optimistic effect that the
 * request recorded, and nothing else.
 */
import { todayUtc, type WireAssociation, type WireResult } from '../rules';
import type { AppDb } from './db';
import { isUnsettled, UNSETTLED_STATES } from './outbox';
import { whereAnyOf } from './where';
import type { Association, OutboxEntry } from './records';

function bySeq(a: OutboxEntry, b: OutboxEntry): number {
  return (a.seq ?? 0) - (b.seq ?? 0);
}

async function unsettledInOrder(db: AppDb): Promise<OutboxEntry[]> {
  const rows = await whereAnyOf(db.outbox, 'state', UNSETTLED_STATES);
  return rows.sort(bySeq);
}

/**
 * Entries to send now, in the order they were made. Per profile the order is
 * strict: once one entry of a profile cannot go (in flight, waiting for its
 * retry, or past `limit`), no later entry of that profile goes either, so the
 * remote never sees "unlink" before the "link" it undoes.
 */
export async function dueEntries(db: AppDb, now: number, limit: number): Promise<OutboxEntry[]> {
  const due: OutboxEntry[] = [];
  const blocked = new Set<string>();
  for (const entry of await unsettledInOrder(db)) {
    if (blocked.has(entry.profile.id)) continue;
    const ready =
      entry.state === 'queued' || (entry.state === 'retry' && (entry.nextAttemptAt ?? 0) <= now);
    if (ready && due.length < limit) due.push(entry);
    else blocked.add(entry.profile.id);
  }
  return due;
}

export async function markSending(db: AppDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    // One bulkPut, not an update() (a cursor) per entry: a batch is 100 entries.
    const marked = (await db.outbox.bulkGet([...ids]))
      .filter((e): e is OutboxEntry => e !== undefined && isUnsettled(e))
      .map((e) => ({ ...e, state: 'sending' as const }));
    if (marked.length > 0) await db.outbox.bulkPut(marked);
  });
}

/** Undoes an entry's optimistic effect. Call inside a rw transaction on outbox + associations. */
async function rollback(db: AppDb, entry: OutboxEntry): Promise<void> {
  const { createdAssociationId, ended } = entry.effect;
  if (createdAssociationId) await db.associations.delete(createdAssociationId);
  for (const before of ended) {
    // A row that is gone (deleted by an earlier rollback) stays gone.
    await db.associations.update(before.id, {
      endedOn: before.endedOn,
      endReason: before.endReason,
    });
  }
}

async function activeLink(db: AppDb, wire: WireAssociation): Promise<Association | undefined> {
  const rows = await db.associations
    .where('[profileId+accountId]')
    .equals([wire.profileId, wire.accountId])
    .toArray();
  return rows.find((a) => a.endedOn === null);
}

async function applyEnded(db: AppDb, wire: WireAssociation, today: string): Promise<void> {
  const local = await activeLink(db, wire);
  if (!local) return; // already ended locally (the optimistic effect did it)
  await db.associations.update(local.id, {
    endedOn: wire.endedOn ?? today,
    endReason: wire.endReason ?? 'moved',
  });
}

/**
 * Applies one result from the remote. Idempotent: an unknown id or an entry
 * already settled is left alone, so a result delivered twice changes nothing.
 */
export async function settleResult(db: AppDb, result: WireResult, now: Date): Promise<void> {
  const settledAt = now.toISOString();
  const today = todayUtc(now);
  await db.transaction('rw', db.outbox, db.associations, async () => {
    const entry = await db.outbox.get(result.id);
    if (!entry || !isUnsettled(entry)) return;
    if (result.status === 'rejected') {
      await rollback(db, entry);
      await db.outbox.update(entry.id, {
        state: 'rejected',
        code: result.code ?? null,
        nextAllowedOn: result.nextAllowedOn ?? null,
        settledAt,
      });
      return;
    }
    const created = entry.effect.createdAssociationId;
    if (created) {
      const changes: Partial<Association> = { pendingActionId: null };
      if (entry.type === 'link' && result.association) {
        changes.startedOn = result.association.startedOn;
      }
      await db.associations.update(created, changes);
    }
    // An applied unlink: the remote's end day is authoritative, as a link's start day is.
    const endedOn = result.association?.endedOn;
    if (entry.type === 'unlink' && endedOn) {
      for (const before of entry.effect.ended) {
        await db.associations.update(before.id, { endedOn });
      }
    }
    for (const wire of result.ended ?? []) await applyEnded(db, wire, today);
    await db.outbox.update(entry.id, {
      state: 'applied',
      settledAt,
      lastError: null,
      code: null,
      nextAllowedOn: null,
    });
  });
}

export async function scheduleRetry(
  db: AppDb,
  ids: readonly string[],
  nextAttemptAt: number,
  error: string,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const entry of await db.outbox.bulkGet([...ids])) {
      if (!entry || !isUnsettled(entry)) continue;
      await db.outbox.update(entry.id, {
        state: 'retry',
        attempts: entry.attempts + 1,
        nextAttemptAt,
        lastError: error,
      });
    }
  });
}

/** A final error for these entries (400/422): undo their effect like a refusal, state `failed`. */
export async function failEntries(
  db: AppDb,
  ids: readonly string[],
  error: string,
  now?: Date,
): Promise<void> {
  await db.transaction('rw', db.outbox, db.associations, async () => {
    // Newest first, so an earlier entry's rollback sees the rows as it left them.
    const entries = (await db.outbox.bulkGet([...ids]))
      .filter((e): e is OutboxEntry => e !== undefined && isUnsettled(e))
      .sort((a, b) => bySeq(b, a));
    for (const entry of entries) {
      await rollback(db, entry);
      await db.outbox.update(entry.id, {
        state: 'failed',
        lastError: error,
        settledAt: now ? now.toISOString() : null,
      });
    }
  });
}

/** Entries left `sending` by a crash go back to `queued`; resending is safe (idempotent ids). */
export async function requeueInterrupted(db: AppDb): Promise<number> {
  return db.outbox.where('state').equals('sending').modify({ state: 'queued' });
}
