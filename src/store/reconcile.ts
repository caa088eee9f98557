/**
 * After a drain, the remote's view of one work account is authoritative:
 * local associations of that account are made to match it. What this device
 * still has in flight is left alone, or a reconcile that arrives before the
 * remote has seen a queued action would undo the optimistic effect.
 */
import { todayUtc, type WireAccountState, type WireAssociation } from '../rules';
import type { AppDb } from './db';
import { whereAnyOf } from './where';
import { UNSETTLED_STATES } from './outbox';
import type { Association } from './records';

const keyOf = (a: { profileId: string; startedOn: string }) => `${a.profileId}\u0000${a.startedOn}`;

/** Association ids that an unsettled outbox entry created or ended. */
async function protectedIds(db: AppDb): Promise<Set<string>> {
  const ids = new Set<string>();
  const entries = await whereAnyOf(db.outbox, 'state', UNSETTLED_STATES);
  for (const entry of entries) {
    if (entry.effect.createdAssociationId) ids.add(entry.effect.createdAssociationId);
    for (const ended of entry.effect.ended) ids.add(ended.id);
  }
  return ids;
}

function differs(local: Association, remote: WireAssociation): boolean {
  return (
    local.endedOn !== (remote.endedOn ?? null) ||
    local.endReason !== (remote.endReason ?? null) ||
    local.pendingActionId !== null
  );
}

/**
 * Matching is by (profile, start day): a settled link carries the remote's
 * start day. A remote association unknown here is inserted; a local one that
 * differs takes the remote's end; a local active one the remote does not list
 * was ended elsewhere (another device), so it ends on the remote's day.
 * Ended local rows the remote does not list stay: they are history that the
 * yearly limit counts.
 */
export async function reconcileAccountState(db: AppDb, state: WireAccountState): Promise<void> {
  const today = todayUtc(new Date(state.asOf));
  await db.transaction('rw', db.associations, db.outbox, async () => {
    const guarded = await protectedIds(db);
    const local = await db.associations.where('accountId').equals(state.accountId).toArray();
    const remote = state.associations.filter((r) => r.accountId === state.accountId);
    const byKey = new Map(local.map((l) => [keyOf(l), l]));
    const seen = new Set<string>();

    for (const r of remote) {
      const key = keyOf(r);
      seen.add(key);
      const match = byKey.get(key);
      if (match) {
        if (!guarded.has(match.id) && differs(match, r)) {
          await db.associations.update(match.id, {
            endedOn: r.endedOn ?? null,
            endReason: r.endReason ?? null,
            pendingActionId: null,
          });
        }
        continue;
      }
      await db.associations.add({
        id: crypto.randomUUID(),
        profileId: r.profileId,
        accountId: r.accountId,
        startedOn: r.startedOn,
        endedOn: r.endedOn ?? null,
        endReason: r.endReason ?? (r.endedOn ? 'unlinked' : null),
        pendingActionId: null,
      });
    }

    for (const l of local) {
      if (seen.has(keyOf(l)) || guarded.has(l.id) || l.endedOn !== null) continue;
      await db.associations.update(l.id, {
        endedOn: today < l.startedOn ? l.startedOn : today,
        endReason: 'unlinked',
        pendingActionId: null,
      });
    }
  });
}
