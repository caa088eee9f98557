/* global window, document, indexedDB -- a browser page */
/**
 * The benchmark harness page (built by bench/builds.mjs, served on the app's
 * origin so that it shares the app's IndexedDB). It imports the real store
 * and exposes a few timed operations on `window.bench` for playwright:
 *  - load the demo or the large data set into the app's own database;
 *  - the store's bulk load (importJson, which also writes the organization's
 *    derived rows) against raw IndexedDB writes of the file's rows;
 *  - the organization's reads (users page, report page, whole-report CSV)
 *    through the kept rows against the derive-on-read baseline
 *    (bench/derive-on-read.mjs: the reads as they were before issue 17);
 *  - the --large world, written in batches with their derived rows.
 * Times are taken in the page with performance.now().
 */
import { TABLE_NAMES, openDb, getSettings, updateSettings } from '../src/store';
import { SCHEMA_AT_V7 } from '../src/store/db';
import { DERIVED_TABLES } from '../src/store/derived-tables';
import { orgReportChunks, orgReportPage, orgUsersPage } from '../src/store/queries-org';
import {
  countDeltas,
  dayRecord,
  derivedRows,
  inDayOrder,
  reportDays,
  reportRecords,
  userRecords,
} from '../src/store/org-derived';
import { userLayout } from '../src/store/user-leaves';
import { callerWritesDerived } from '../src/store/report-upkeep';
import { loadDemo } from '../src/store/demo';
import { importJson } from '../src/store/transfer';
import { myView } from '../src/store/queries-me';
import { todayUtc } from '../src/rules/index.ts';
import { toCsv } from '../src/rules/org/csv';
import { DEFAULT_REPORT_QUERY, queryReport, reportCsvRecords } from '../src/rules/org/report-rows';
import { DEFAULT_USERS_QUERY } from '../src/rules/org/users';
import { org as orgWords } from '../src/i18n/messages/org';
import { rememberChosen } from '../src/state/chosen-hint';
import { deriveSkillsReport, firstReportPage, firstUsersPage } from './derive-on-read.mjs';
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

/**
 * The store's schema (Dexie syntax) as raw IndexedDB object stores and
 * indexes: every table of the current version, the derived ones too (left
 * empty by the raw writes).
 */
function createRawSchema(db) {
  for (const [name, spec] of Object.entries(SCHEMA_AT_V7)) {
    if (spec === null) continue;
    const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
    const store = db.createObjectStore(name, { keyPath: primary });
    for (const index of indexes) {
      const unique = index.startsWith('&');
      const multiEntry = index.startsWith('*');
      const bare = index.replace(/^[&*]/, '');
      const keyPath = bare.startsWith('[') ? bare.slice(1, -1).split('+') : bare;
      store.createIndex(bare, keyPath, { unique, multiEntry });
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

/** Rows per bulkAdd, as the import writes them (src/store/transfer.ts). */
const CHUNK_ROWS = 5000;
/** Rows a screen shows at first (the pager's default). */
const PAGE_SIZE = 50;
/** The whole report, as its CSV export reads it. */
const ALL_ROWS = { ...DEFAULT_REPORT_QUERY, status: /** @type {const} */ ('all') };

function csvText(rows) {
  const r = orgWords.en.report;
  return toCsv(
    r.csvHeader,
    reportCsvRecords(rows, { header: r.csvHeader, status: r.statuses, endReason: r.reasons }),
  );
}

/**
 * The organization's reads, timed on database `name` (opened before the
 * clock starts):
 *  - `users`: the first page of the users list, default query;
 *  - `report`: the first page of the skills report, default query;
 *  - `report-name`: its first page sorted by name (a sort the kept days are
 *    not in: the organization's days are read and sorted in memory);
 *  - `csv`: the whole report (every status) as CSV text;
 * `how: 'page'` through the rows the store keeps (orgUsersPage,
 * orgReportPage, orgReportChunks), `how: 'derive'` by the reads as they were
 * before issue 17 (bench/derive-on-read.mjs) and the old screens' query.
 */
async function orgRead({ name, what, how }) {
  const db = openDb(name);
  await db.open();
  const today = todayUtc(new Date());
  const t0 = performance.now();
  let shown;
  let total;
  let chars = 0;
  if (what === 'users') {
    const page =
      how === 'page'
        ? await orgUsersPage(db, ORG_ID, DEFAULT_USERS_QUERY, 0, PAGE_SIZE)
        : await firstUsersPage(db, ORG_ID, today, PAGE_SIZE);
    shown = 'users' in page ? page.users.length : page.items.length;
    total = page.total;
  } else if (what === 'report' || what === 'report-name') {
    const query =
      what === 'report' ? DEFAULT_REPORT_QUERY : { ...DEFAULT_REPORT_QUERY, sort: 'name' };
    const page =
      how === 'page'
        ? await orgReportPage(db, ORG_ID, today, query, 0, PAGE_SIZE)
        : await firstReportPage(db, ORG_ID, today, PAGE_SIZE, query);
    shown = 'rows' in page ? page.rows.length : page.items.length;
    total = page.total;
  } else {
    let rows;
    if (how === 'page') {
      rows = [];
      for await (const chunk of orgReportChunks(db, ORG_ID, today, ALL_ROWS)) {
        for (const row of chunk) rows.push(row);
      }
    } else {
      rows = queryReport(await deriveSkillsReport(db, ORG_ID, today), ALL_ROWS);
    }
    chars = csvText(rows).length;
    shown = rows.length;
    total = rows.length;
  }
  const ms = since(t0);
  db.close();
  if (shown === 0) throw new Error(`${what} (${how}) read nothing from ${name}`);
  return { ms, shown, total, chars };
}

/** People per write of the derived rows (a credit day holds rows of every batch). */
const DERIVED_BATCH_PEOPLE = 50_000;

/**
 * Writes the world of `worldChunks` into `db` as the import writes a file
 * (chunked bulkAdds issued at once, transactions marked with
 * `callerWritesDerived`), a transaction per batch: the generator's chunks of
 * one range of people (people, accounts, profiles, achievements, links: all
 * of their rows) make a batch. One transaction for a million rows did not
 * finish in 30 minutes in Chromium on this machine, raw or not; the raw
 * baseline commits per batch alike. The derived rows (`derivedRows`, the store's
 * derivation) of each batch are gathered and written every
 * DERIVED_BATCH_PEOPLE people: a credit day (one record for all of its
 * rows) added, or merged with what an earlier write left of that day; the
 * counts, shared by all, summed and written at the end, with the users
 * list's leaves (`userLayout`: their cut depends on every row of the
 * organization, so its users rows are gathered to the end). A
 * day's rows are gathered over the batches and sorted, with their revision,
 * once per write. The import derives a whole file at once and writes each
 * day once; a world too large to hold writes most days twice.
 */
async function writeWorld(db, chunks, onRows) {
  const counts = new Map();
  const written = new Set();
  let days = new Map();
  const users = [];
  let people = 0;
  const sum = (into, rows) => {
    for (const c of rows) {
      const had = into.get(c.key);
      if (had) had.n += c.n;
      else into.set(c.key, { ...c });
    }
  };
  const empty = () => Object.fromEntries(TABLE_NAMES.map((n) => [n, []]));
  const bulk = (table, rows) => {
    const writes = [];
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      const chunk = rows.slice(i, i + CHUNK_ROWS);
      writes.push(
        db
          .table(table)
          .bulkAdd(chunk)
          .then(() => onRows(chunk.length)),
      );
    }
    return writes;
  };
  const writeDerived = async () => {
    const merged = [...days.values()].filter((d) => written.has(d.key));
    const held = new Map(
      (await db.reportDays.bulkGet(merged.map((d) => d.key))).map((d) => [d.key, d]),
    );
    // Each day sorted and its revision made once per write, as the import does.
    const put = merged.map((d) =>
      dayRecord(d.orgId, d.countsFrom, inDayOrder([...held.get(d.key).rows, ...d.rows])),
    );
    const added = [...days.values()]
      .filter((d) => !written.has(d.key))
      .map((d) => dayRecord(d.orgId, d.countsFrom, inDayOrder(d.rows)));
    for (const d of added) written.add(d.key);
    await Promise.all([
      ...bulk('reportDays', added),
      db.reportDays.bulkPut(put).then(() => onRows(put.length)),
    ]);
    days = new Map();
  };
  const inTx = (fn) =>
    db.transaction('rw', db.tables, (tx) => {
      callerWritesDerived(tx);
      return fn();
    });
  const flush = async (batch) => {
    // As derivedRows, the users' leaves left to the end.
    const reports = reportRecords(batch);
    sum(counts, countDeltas(reports).values());
    // A day's rows gathered over the batches; sorted when written.
    for (const d of reportDays(reports)) {
      const had = days.get(d.key);
      if (had) had.rows.push(...d.rows);
      else
        days.set(d.key, {
          key: d.key,
          orgId: d.orgId,
          countsFrom: d.countsFrom,
          rows: [...d.rows],
        });
    }
    users.push(...userRecords(batch.accounts, batch));
    people += batch.people.length;
    await inTx(() => Promise.all(TABLE_NAMES.flatMap((table) => bulk(table, batch[table]))));
    if (people >= DERIVED_BATCH_PEOPLE) {
      people = 0;
      await inTx(writeDerived);
    }
  };
  let batch = empty();
  for (const chunk of chunks) {
    for (const row of chunk.rows) batch[chunk.table].push(row);
    // A range of people ends with its links (dataset.mjs worldChunks).
    if (chunk.table === 'associations') {
      await flush(batch);
      batch = empty();
    }
  }
  await flush(batch);
  await inTx(async () => {
    await writeDerived();
    const layout = userLayout(users);
    await Promise.all([
      ...bulk('reportCounts', [...counts.values()]),
      ...bulk('userLeaves', layout.userLeaves),
      ...bulk('userDirs', layout.userDirs),
    ]);
  });
}

/** The derived tables of `name` equal a derivation of all its sources at once (a check, not timed). */
async function checkDerived(name) {
  const db = openDb(name);
  await db.open();
  const [accounts, associations, achievements, profiles] = await Promise.all([
    db.accounts.toArray(),
    db.associations.toArray(),
    db.achievements.toArray(),
    db.profiles.toArray(),
  ]);
  const want = derivedRows({ accounts, associations, achievements, profiles });
  const problems = [];
  for (const table of DERIVED_TABLES) {
    const have = await db.table(table).toArray();
    const byKey = new Map(have.map((r) => [r.key, JSON.stringify(r)]));
    const wanted = want[table];
    const differ = wanted.filter((r) => byKey.get(r.key) !== JSON.stringify(r)).length;
    if (differ > 0 || have.length !== wanted.length)
      problems.push(`${table}: ${have.length} kept, ${wanted.length} derived, ${differ} differ`);
  }
  db.close();
  return problems;
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
   *  - `store`: importJson, the store's only bulk path (parse, validate, write
   *    the file's rows and the organization's derived rows);
   *  - `store-write`: the file's rows through Dexie bulkAdd in one
   *    transaction (marked callerWritesDerived: no derived rows);
   *  - `raw`: the file's rows with IDBObjectStore.add in one transaction.
   * With `keep`, a store load stays as the organization reads' database.
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
        await db.transaction('rw', db.tables, async (tx) => {
          callerWritesDerived(tx);
          for (const table of TABLE_NAMES) await db.table(table).bulkAdd(file.tables[table]);
        });
      ms = since(t0);
      db.close();
    }
    if (!keep) await deleteDb(name);
    return { ms };
  },

  /** An organization read on the store-section database (see `orgRead`). */
  async orgRead({ what, how, name = REPORT_DB }) {
    return orgRead({ name, what, how });
  },

  /**
   * The --large world (by default 100,000 people, 1,000,000 achievements),
   * generated chunk by chunk and written as it comes, in one transaction:
   * `store` as the import writes (`writeWorld`: the rows and their derived
   * rows) into `name` (the app's own database by default), `raw` with
   * IDBObjectStore.add of the same rows into a scratch database deleted
   * after. The database is made before the clock starts; generation runs
   * inside the timing for both alike. With `check`, the derived rows are
   * then compared with a derivation of everything at once (not timed).
   */
  async largeWorld({ kind, people, perProfile = 10, name = 'mcid-link', check = false }) {
    let rows = 0;
    let progress = 0;
    if (kind === 'raw') {
      const scratch = `bench-large-raw-${crypto.randomUUID()}`;
      const db = await rawOpen(scratch);
      const t0 = performance.now();
      // A transaction per batch of people, as the store's write below.
      let tx = db.transaction([...TABLE_NAMES], 'readwrite');
      for (const chunk of worldChunks({ people, perProfile })) {
        const store = tx.objectStore(chunk.table);
        for (const row of chunk.rows) store.add(row);
        rows += chunk.rows.length;
        if (chunk.table === 'associations') {
          await committed(tx);
          tx = db.transaction([...TABLE_NAMES], 'readwrite');
        }
      }
      await committed(tx);
      const ms = since(t0);
      db.close();
      await deleteDb(scratch);
      return { ms, rows };
    }
    await deleteDb(name);
    const db = openDb(name);
    await db.open();
    const t0 = performance.now();
    await writeWorld(db, worldChunks({ people, perProfile }), (n) => {
      rows += n;
      progress += 1;
    });
    const ms = since(t0);
    if (name === 'mcid-link') rememberChosen(localStorage, true);
    const derived = {
      reportRows: (await db.reportCounts.toArray()).reduce((n, c) => n + c.n, 0),
      reportDays: await db.reportDays.count(),
      userLeaves: await db.userLeaves.count(),
      reportCounts: await db.reportCounts.count(),
    };
    db.close();
    const problems = check ? await checkDerived(name) : null;
    return { ms, rows, progress, derived, problems };
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

  async deleteDb(name) {
    await deleteDb(name);
  },

  async cleanup() {
    await deleteDb(REPORT_DB);
  },
};

Object.assign(window, { bench });
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
