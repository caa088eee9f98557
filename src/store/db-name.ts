/** The app's database. Its own module: the page's first chunk opens it ahead (open-ahead.ts) without Dexie. */
export const DB_NAME = 'mcid-link';
