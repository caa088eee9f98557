/* global window, document, indexedDB -- a browser page */
/**
 * The benchmark harness page (built by bench/builds.mjs, served on the app's
 * origin so that it shares the app's IndexedDB). It imports the real store
 * and exposes a few timed operations on `window.bench` for playwright:
 *  - load the demo or the large data set into the app's own database;
 *  - the store's bulk load (importJson) against raw IndexedDB writes;
 *  - the organization's skills report (and users list) against raw getAll
 *    of the tables each reads.
 * Times are taken in the page with performance.now().
 */
import {
  SCHEMA_V1,
  SCHEMA_V2,
  TABLE_NAMES,
  openDb,
  getSettings,
  updateSettings,
} from '../src/store';
import { orgSkillsReport, orgUsers } from '../src/store/queries-org';
import { loadDemo } from '../src/store/demo';
import { importJson, writeTables } from '../src/store/transfer';
import { myView } from '../src/store/queries-me';
import { todayUtc } from '../src/rules/index.ts';
import { rememberChosen } from '../src/state/chosen-hint';
import { ORG_ID, largeExport, worldChunks } from './dataset.mjs';

/** @type {{ file: ReturnType<typeof largeExport>, text: string } | null} */
let large = null;
function largeFile() {
  if (!large) {
    const file = largeExport();
    large = { file, text: JSON.stringify(file) };
  }
  return large;
}

const REPORT_DB = 'bench-report';
const since = (t0) => performance.now() - t0;
const done = (req) =>
  new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
const committed = (tx) =>
  new Promise((ok, fail) => {
    tx.oncomplete = () => ok(undefined);
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error);
  });

/** The store's schema (Dexie syntax) as raw IndexedDB object stores and indexes. */
function createRawSchema(db) {
  const schema = { ...SCHEMA_V1, ...SCHEMA_V2 };
  for (const [name, spec] of Object.entries(schema)) {
    const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
    const store = db.createObjectStore(name, { keyPath: primary });
    for (const index of indexes) {
      const unique = index.startsWith('&');
      const bare = index.replace(/^&/, '');
      const keyPath = bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
      store.createIndex(bare, keyPath, { unique });
    }
  }
}

async function deleteDb(name) {
  await done(indexedDB.deleteDatabase(name));
}

async function rawOpen(name) {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => createRawSchema(req.result);
  return done(req);
}

const bench = {
  /** Fills the app's own database ('mcid-link'): the demo, or the large set through import. */
  async prepareApp(kind) {
    const db = openDb();
    const t0 = performance.now();
    if (kind === 'demo') await loadDemo(db, new Date());
    else await importJson(db, largeFile().text);
    const ms = since(t0);
    // What the app's pages would remember after such a change (state/chosen-hint).
    rememberChosen(localStorage, (await getSettings(db)).currentAccountId !== null);
    db.close();
    return { ms };
  },

  async setCurrentAccount(accountId) {
    const db = openDb();
    await updateSettings(db, { currentAccountId: accountId });
    rememberChosen(localStorage, true);
    db.close();
  },

  /** Counts of the large set, for the table's labels. */
  largeCounts() {
    const t = largeFile().file.tables;
    return Object.fromEntries(TABLE_NAMES.map((n) => [n, t[n].length]));
  },

  /**
   * One bulk load of the large set into a fresh database, opened (schema made)
   * before the clock starts:
   *  - `store`: importJson, the store's only bulk path (parse, validate, write);
   *  - `store-write`: the same rows through Dexie bulkAdd in one transaction;
   *  - `raw`: the same rows with IDBObjectStore.add in one transaction.
   * With `keep`, a store load stays as the skills report's database.
   */
  async bulk({ kind, keep = false }) {
    const { file, text } = largeFile();
    const name = keep ? REPORT_DB : `bench-bulk-${crypto.randomUUID()}`;
    if (keep) await deleteDb(name);
    let ms;
    if (kind === 'raw') {
      const db = await rawOpen(name);
      const t0 = performance.now();
      const tx = db.transaction([...TABLE_NAMES], 'readwrite');
      for (const table of TABLE_NAMES) {
        const store = tx.objectStore(table);
        for (const row of file.tables[table]) store.add(row);
      }
      await committed(tx);
      ms = since(t0);
      db.close();
    } else {
      const db = openDb(name);
      await db.open();
      const t0 = performance.now();
      if (kind === 'store') await importJson(db, text);
      else
        await db.transaction('rw', db.tables, async () => {
          for (const table of TABLE_NAMES) await db.table(table).bulkAdd(file.tables[table]);
        });
      ms = since(t0);
      db.close();
    }
    if (!keep) await deleteDb(name);
    return { ms };
  },

  /** The skills report through the store, or a raw getAll of the tables it reads. */
  async report(kind) {
    if (kind === 'store') {
      const db = openDb(REPORT_DB);
      await db.open();
      const t0 = performance.now();
      const rows = await orgSkillsReport(db, ORG_ID, todayUtc(new Date()));
      const ms = since(t0);
      db.close();
      return { ms, rows: rows.length };
    }
    const db = await done(indexedDB.open(REPORT_DB));
    const t0 = performance.now();
    const tx = db.transaction(['accounts', 'associations', 'achievements'], 'readonly');
    const [accounts, associations, achievements] = await Promise.all([
      done(tx.objectStore('accounts').index('orgId').getAll(ORG_ID)),
      done(tx.objectStore('associations').getAll()),
      done(tx.objectStore('achievements').getAll()),
    ]);
    const ms = since(t0);
    db.close();
    return { ms, rows: accounts.length + associations.length + achievements.length };
  },

  /** The organization's users list through the store, or a raw getAll of what it reads. */
  async users(kind) {
    if (kind === 'store') {
      const db = openDb(REPORT_DB);
      await db.open();
      const t0 = performance.now();
      const users = await orgUsers(db, ORG_ID);
      const ms = since(t0);
      db.close();
      return { ms, rows: users.length };
    }
    const db = await done(indexedDB.open(REPORT_DB));
    const t0 = performance.now();
    const tx = db.transaction(['accounts', 'associations', 'profiles'], 'readonly');
    const [accounts, associations, profiles] = await Promise.all([
      done(tx.objectStore('accounts').index('orgId').getAll(ORG_ID)),
      done(tx.objectStore('associations').getAll()),
      done(tx.objectStore('profiles').getAll()),
    ]);
    const ms = since(t0);
    db.close();
    return { ms, rows: accounts.length + associations.length + profiles.length };
  },

  /**
   * The --large world (100,000 people, 1,000,000 achievements), generated
   * chunk by chunk and written as it comes, in one transaction: `store`
   * through the import's write loop (writeTables, progress counted) into
   * `name` (the app's own database by default), `raw` with
   * IDBObjectStore.add into a scratch database deleted after. The database
   * is made before the clock starts; generation runs inside the timing for
   * both alike.
   */
  async largeWorld({ kind, people, perProfile = 10 }) {
    const empty = () => Object.fromEntries(TABLE_NAMES.map((n) => [n, []]));
    let rows = 0;
    let progress = 0;
    if (kind === 'raw') {
      const name = `bench-large-raw-${crypto.randomUUID()}`;
      const db = await rawOpen(name);
      const t0 = performance.now();
      const tx = db.transaction([...TABLE_NAMES], 'readwrite');
      for (const chunk of worldChunks({ people, perProfile })) {
        const store = tx.objectStore(chunk.table);
        for (const row of chunk.rows) store.add(row);
        rows += chunk.rows.length;
      }
      await committed(tx);
      const ms = since(t0);
      db.close();
      await deleteDb(name);
      return { ms, rows };
    }
    await deleteDb('mcid-link');
    const db = openDb();
    await db.open();
    const t0 = performance.now();
    await db.transaction('rw', db.tables, async () => {
      for (const chunk of worldChunks({ people, perProfile })) {
        const tables = empty();
        tables[chunk.table] = chunk.rows;
        await writeTables(db, tables, { onProgress: () => (progress += 1) });
        rows += chunk.rows.length;
      }
    });
    const ms = since(t0);
    rememberChosen(localStorage, true);
    db.close();
    return { ms, rows, progress };
  },

  /** Home's read (myView) of one account in the app's database, or raw reads of the same rows by index. */
  async homeRead({ kind, accountId }) {
    if (kind === 'store') {
      const db = openDb();
      await db.open();
      const t0 = performance.now();
      const view = await myView(db, accountId, todayUtc(new Date()));
      const ms = since(t0);
      db.close();
      return { ms, achievements: view?.profiles[0]?.achievements.length ?? 0 };
    }
    const db = await done(indexedDB.open('mcid-link'));
    const t0 = performance.now();
    const tx = db.transaction(['accounts', 'profiles', 'associations', 'achievements'], 'readonly');
    const account = await done(tx.objectStore('accounts').get(accountId));
    const profiles = await done(
      tx.objectStore('profiles').index('personId').getAll(account.personId),
    );
    await Promise.all(
      profiles.flatMap((p) => [
        done(tx.objectStore('associations').index('profileId').getAll(p.id)),
        done(tx.objectStore('achievements').index('profileId').getAll(p.id)),
      ]),
    );
    const ms = since(t0);
    db.close();
    return { ms };
  },

  async cleanup() {
    await deleteDb(REPORT_DB);
  },
};

Object.assign(window, { bench });
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
