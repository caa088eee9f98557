/**
 * "Last checked" and "what changed": what the reconciliations with the
 * remote's state changed on this device, kept until the person dismisses it.
 * Written in the reconciliation's own transaction, so a change and its news
 * are never one without the other; read by the page through a live query
 * (the service worker's pulls show up by themselves) from
 * src/store/sync-news-read.ts, which a first visit downloads without this writer.
 */
import type { AppDb } from './db';
import type { Association, SyncChange } from './records';
import { NEWS_KEY, getSyncNews } from './sync-news-read';

/** Changes kept at most; the oldest go first (the person reads the newest). */
export const MAX_SYNC_CHANGES = 50;

/** A row a reconciliation changed, and whether it was active before (null: new here). */
export interface Seen {
  row: Association;
  wasActive: boolean | null;
}

/**
 * Call inside a rw transaction on syncNews, accounts, organizations and
 * profiles. Names the changes, adds them in front of those kept (a newer
 * change of the same link replaces the older), and sets `checkedAt` if given.
 */
export async function recordChanges(
  db: AppDb,
  seen: readonly Seen[],
  checkedAt: Date | null,
): Promise<SyncChange[]> {
  if (seen.length === 0 && checkedAt === null) return [];
  const seenAt = (checkedAt ?? new Date()).toISOString();
  const accountIds = [...new Set(seen.map((s) => s.row.accountId))];
  const accounts = await db.accounts.bulkGet(accountIds);
  const orgIds = [...new Set(accounts.flatMap((a) => (a ? [a.orgId] : [])))];
  const orgs = await db.organizations.bulkGet(orgIds);
  const profiles = await db.profiles.bulkGet([...new Set(seen.map((s) => s.row.profileId))]);
  const orgOf = new Map(accounts.flatMap((a) => (a ? [[a.id, a.orgId] as const] : [])));
  const orgName = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  const kindOf = new Map(profiles.flatMap((p) => (p ? [[p.id, p.kind] as const] : [])));

  const changes: SyncChange[] = seen.map(({ row }) => {
    const orgId = orgOf.get(row.accountId) ?? null;
    return {
      id: row.id,
      seenAt,
      change: row.endedOn === null ? 'linked' : 'ended',
      accountId: row.accountId,
      orgId,
      orgName: orgId === null ? null : (orgName.get(orgId) ?? null),
      profileId: row.profileId,
      profileKind: kindOf.get(row.profileId) ?? null,
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      endReason: row.endReason,
    };
  });
  const news = await getSyncNews(db);
  const fresh = new Set(changes.map((c) => c.id));
  await db.syncNews.put({
    key: NEWS_KEY,
    checkedAt: checkedAt === null ? news.checkedAt : seenAt,
    changes: [...changes, ...news.changes.filter((c) => !fresh.has(c.id))].slice(
      0,
      MAX_SYNC_CHANGES,
    ),
  });
  return changes;
}

/**
 * A pull that changed nothing: "last checked" only. Call inside a rw
 * transaction on syncNews (it needs no other table).
 */
export async function recordChecked(db: AppDb, checkedAt: Date): Promise<void> {
  const news = await getSyncNews(db);
  await db.syncNews.put({ ...news, checkedAt: checkedAt.toISOString() });
}
