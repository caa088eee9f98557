/** The app's database. Its own module: the page's first chunk opens it ahead (open-ahead.ts) without Dexie. */
export const DB_NAME = 'mcid-link';

/**
 * The schema's newest version (db.ts declares it): a database at another
 * version is left for Dexie to upgrade before anything reads its rows.
 */
export const DB_VERSION = 7;
