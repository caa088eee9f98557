/**
 * After a drain, the remote's view of one work account is authoritative:
 * local associations of that account are made to match it. What this device
 * still has in flight is left alone, or a reconcile that arrives before the
 * remote has seen a queued action would undo the optimistic effect.
 * Many accounts are reconciled in one transaction (`reconcileAccountStates`),
 * which also records what it changed (`syncNews`) for "what changed".
 */
import { todayUtc, type WireAccountState, type WireAssociation } from '../rules';
import type { AppDb } from './db';
import { whereAnyOf } from './where';
import { UNSETTLED_STATES } from './outbox';
import type { Association, SyncChange } from './records';
import { recordChecked, recordChanges, type Seen } from './sync-news';

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
export async function reconcileAccountState(
  db: AppDb,
  state: WireAccountState,
  options: ReconcileOptions = {},
): Promise<SyncChange[]> {
  return reconcileAccountStates(db, [state], options);
}

export interface ReconcileOptions {
  /** A pull read these states at this time: it becomes "last checked". */
  checkedAt?: Date;
}

/** What applying the states would write, and what the person is told of it. */
interface Plan {
  changed: Map<string, Association>;
  added: Map<string, Association>;
  seen: Seen[];
}

/**
 * Works out what the states change here, reading the guarded ids and the
 * accounts' local rows once; writes nothing. States are applied in order, so
 * a later state of the same account wins, as if they had been applied one
 * after the other.
 */
async function plan(db: AppDb, states: readonly WireAccountState[]): Promise<Plan> {
  const guarded = await protectedIds(db);
  const accountIds = [...new Set(states.map((s) => s.accountId))];
  const rows = await whereAnyOf(db.associations, 'accountId', accountIds);
  const byAccount = new Map<string, Association[]>();
  for (const row of rows) {
    const list = byAccount.get(row.accountId) ?? [];
    list.push(row);
    byAccount.set(row.accountId, list);
  }
  const changed = new Map<string, Association>();
  const added = new Map<string, Association>();
  // Active before → ended, ended → active, or a new active link: what the person is told.
  const seenChanges = new Map<string, Seen>();
  const noteChange = (row: Association, wasActive: boolean | null) => {
    const active = row.endedOn === null;
    if (wasActive === active) seenChanges.delete(row.id);
    else if (wasActive !== null || active) seenChanges.set(row.id, { row, wasActive });
  };
  const activeBefore = new Map<string, boolean | null>();
  const before = (row: Association): boolean | null => {
    if (!activeBefore.has(row.id)) activeBefore.set(row.id, row.endedOn === null);
    return activeBefore.get(row.id) ?? null;
  };

  for (const state of states) {
    const today = todayUtc(new Date(state.asOf));
    const local = byAccount.get(state.accountId) ?? [];
    const remote = state.associations.filter((r) => r.accountId === state.accountId);
    const byKey = new Map(local.map((l) => [keyOf(l), l]));
    const seen = new Set<string>();
    const mark = (row: Association) => {
      (added.has(row.id) ? added : changed).set(row.id, row);
    };

    for (const r of remote) {
      const key = keyOf(r);
      seen.add(key);
      const match = byKey.get(key);
      if (match) {
        if (!guarded.has(match.id) && differs(match, r)) {
          const was = before(match);
          match.endedOn = r.endedOn ?? null;
          match.endReason = r.endReason ?? null;
          match.pendingActionId = null;
          mark(match);
          noteChange(match, was);
        }
        continue;
      }
      const row: Association = {
        id: crypto.randomUUID(),
        profileId: r.profileId,
        accountId: r.accountId,
        startedOn: r.startedOn,
        endedOn: r.endedOn ?? null,
        endReason: r.endReason ?? (r.endedOn ? 'unlinked' : null),
        pendingActionId: null,
      };
      added.set(row.id, row);
      activeBefore.set(row.id, null);
      noteChange(row, null);
      local.push(row);
    }
    byAccount.set(state.accountId, local);

    for (const l of local) {
      if (seen.has(keyOf(l)) || guarded.has(l.id) || l.endedOn !== null) continue;
      const was = before(l);
      l.endedOn = today < l.startedOn ? l.startedOn : today;
      l.endReason = 'unlinked';
      l.pendingActionId = null;
      mark(l);
      noteChange(l, was);
    }
  }
  return { changed, added, seen: [...seenChanges.values()] };
}

/**
 * `reconcileAccountState` for many accounts at once. Returns (and records,
 * in the same transaction) what changed: links that became active or ended
 * here because of the remote.
 *
 * The states are first compared with the local rows in a read-only
 * transaction. A pull usually changes nothing, and a read-write transaction
 * over the links is widened by the store to every source and derived table
 * (report-upkeep.ts): the organization's screens, the link check and home
 * would wait behind it. So only a comparison that finds a difference writes,
 * in one read-write transaction that compares again (the rows may have
 * moved meanwhile) and applies what it finds; otherwise only "last checked"
 * is written, when a pull asks for it.
 */
export async function reconcileAccountStates(
  db: AppDb,
  states: readonly WireAccountState[],
  options: ReconcileOptions = {},
): Promise<SyncChange[]> {
  if (states.length === 0 && !options.checkedAt) return [];
  const checkedAt = options.checkedAt ?? null;
  const look = await db.transaction('r', [db.associations, db.outbox], async () =>
    plan(db, states),
  );
  if (look.changed.size === 0 && look.added.size === 0) {
    if (checkedAt !== null)
      await db.transaction('rw', db.syncNews, async () => recordChecked(db, checkedAt));
    return [];
  }
  const tables = [
    db.associations,
    db.outbox,
    db.syncNews,
    db.accounts,
    db.organizations,
    db.profiles,
  ];
  return db.transaction('rw', tables, async () => {
    const { changed, added, seen } = await plan(db, states);
    if (changed.size > 0) await db.associations.bulkPut([...changed.values()]);
    if (added.size > 0) await db.associations.bulkAdd([...added.values()]);
    return recordChanges(db, seen, checkedAt);
  });
}
