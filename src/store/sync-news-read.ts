/**
 * The page's side of "Last checked" and "what changed" (src/store/sync-news.ts
 * writes them, in the reconciliation's transaction): the read its live query
 * makes and the person's dismissal. Apart from the writer, which only sync
 * runs, so a first visit downloads only these two.
 */
import type { AppDb } from './db';
import type { SyncNews } from './records';

export const NEWS_KEY = 'pull';

const EMPTY: SyncNews = { key: NEWS_KEY, checkedAt: null, changes: [] };

export async function getSyncNews(db: AppDb): Promise<SyncNews> {
  return (await db.syncNews.get(NEWS_KEY)) ?? EMPTY;
}

/** The person has read these changes (all of them when `ids` is omitted). */
export async function dismissSyncChanges(db: AppDb, ids?: readonly string[]): Promise<void> {
  await db.transaction('rw', db.syncNews, async () => {
    const news = await db.syncNews.get(NEWS_KEY);
    if (!news) return;
    const gone = ids ? new Set(ids) : null;
    await db.syncNews.put({
      ...news,
      changes: gone ? news.changes.filter((c) => !gone.has(c.id)) : [],
    });
  });
}
