/**
 * Export and import of all data as one JSON file. Import is all or nothing:
 * the whole file is checked (size, JSON, format version, schema, references,
 * and the rules' invariants: an edited file is data the rules never allowed)
 * and every table is replaced in one transaction; the rows are checked table
 * by table as they are written, and any problem aborts that transaction, so
 * a bad file or a full disk leaves the database as it was.
 * This module is the store's entry point for export and import (not re-exported by
 * the store's index): the app loads it, and its validator, on first use.
 */
import * as v from 'valibot';
import { checkInvariants } from '../rules/invariants';
import type { AppDb, TableName } from './db';
import { TABLE_NAMES } from './db';
import { IMPORT_ISSUES_SHOWN, ImportError, type ImportIssue } from './errors';
import { guardQuota } from './storage';
import { derivedRows } from './org-derived';
import { DERIVED_TABLES } from './derived-tables';
import { callerWritesDerived } from './report-upkeep';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportHeaderSchema,
  ExportShellSchema,
  ExportTablesSchema,
  MAX_IMPORT_BYTES,
  type ExportFile,
  type ExportTables,
} from './transfer-schema';

export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAX_IMPORT_BYTES,
  type ExportFile,
  type ExportTables,
} from './transfer-schema';

export const EXPORT_NOTICE =
  'Contains personal data (names, work emails, MCIDs, achievements). Keep it safe and delete it when no longer needed.';

/** Every table, read in one transaction so the file is a consistent snapshot. */
export async function exportAll(db: AppDb, now: Date): Promise<ExportFile> {
  const tables = await db.transaction('r', db.tables, async () => {
    const entries = await Promise.all(
      TABLE_NAMES.map(async (name) => [name, await db.table(name).toArray()] as const),
    );
    return Object.fromEntries(entries) as ExportTables;
  });
  // A remote's bearer token is a credential, not data: it never goes into a
  // file that people mail around. After an import the person signs in again.
  tables.settings = tables.settings.map((s) =>
    s.remote.kind === 'http' ? { ...s, remote: { ...s.remote, token: null } } : s,
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    personalData: true,
    notice: EXPORT_NOTICE,
    tables,
  };
}

export async function exportJson(db: AppDb, now: Date): Promise<string> {
  // Compact: a large organization's file is a third smaller than indented.
  return JSON.stringify(await exportAll(db, now));
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Whether the text could hold a forbidden key: spelt out, or written with a
 * `\u` escape (the only way JSON spells a letter or `_` otherwise).
 */
const MAYBE_FORBIDDEN = /__proto__|constructor|prototype|\\u/;

function refuseForbidden(this: unknown, key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ImportError([{ path: key, reason: 'forbidden key' }]);
  return value;
}

/**
 * JSON.parse that refuses keys which could reach an object's prototype later
 * on. The check runs per value (a reviver: about twice the parse's time on a
 * large file), so only when a scan of the text says such a key could be there.
 */
function parseJson(text: string): unknown {
  try {
    return MAYBE_FORBIDDEN.test(text) ? JSON.parse(text, refuseForbidden) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new ImportError([{ path: '', reason: `not valid JSON (${reason})` }]);
  }
}

function tooLarge(text: string): boolean {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: only the middle range needs the encode.
  if (text.length > MAX_IMPORT_BYTES) return true;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_IMPORT_BYTES;
}

function checkHeader(data: unknown): void {
  const header = v.safeParse(ExportHeaderSchema, data);
  if (!header.success) {
    throw new ImportError([{ path: 'format', reason: 'not an MCID Link export file' }]);
  }
  if (header.output.version > EXPORT_VERSION) {
    throw new ImportError([
      {
        path: 'version',
        reason: `made by a newer version of MCID Link (format ${header.output.version}); update the app first`,
      },
    ]);
  }
}

/** References between tables: every id a row points at must be in the file. */
function checkReferences(t: ExportTables): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const ids = (name: TableName) => {
    const rows: { id?: string; key?: string }[] = t[name];
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const id = row.id ?? row.key ?? '';
      if (seen.has(id)) issues.push({ path: `tables.${name}.${i}.id`, reason: 'duplicate id' });
      seen.add(id);
    });
    return seen;
  };
  const orgs = ids('organizations');
  const people = ids('people');
  const accounts = ids('accounts');
  const profiles = ids('profiles');
  ids('achievements');
  ids('associations');
  ids('outbox');
  ids('catalog');
  const need = (set: Set<string>, id: string | null, path: string, what: string) => {
    if (id !== null && !set.has(id)) issues.push({ path, reason: `unknown ${what}` });
  };
  t.accounts.forEach((a, i) => {
    need(orgs, a.orgId, `tables.accounts.${i}.orgId`, 'organization');
    need(people, a.personId, `tables.accounts.${i}.personId`, 'person');
    need(accounts, a.createdBy, `tables.accounts.${i}.createdBy`, 'account');
  });
  t.profiles.forEach((p, i) => {
    need(people, p.personId, `tables.profiles.${i}.personId`, 'person');
  });
  t.achievements.forEach((a, i) => {
    need(profiles, a.profileId, `tables.achievements.${i}.profileId`, 'profile');
  });
  t.associations.forEach((a, i) => {
    need(profiles, a.profileId, `tables.associations.${i}.profileId`, 'profile');
    need(accounts, a.accountId, `tables.associations.${i}.accountId`, 'account');
  });
  t.outbox.forEach((e, i) => {
    need(accounts, e.accountId, `tables.outbox.${i}.accountId`, 'account');
    need(profiles, e.profile.id, `tables.outbox.${i}.profile.id`, 'profile');
  });
  const seqs = new Set<number>();
  t.outbox.forEach((e, i) => {
    if (e.seq !== undefined && seqs.has(e.seq)) {
      issues.push({ path: `tables.outbox.${i}.seq`, reason: 'duplicate seq' });
    }
    if (e.seq !== undefined) seqs.add(e.seq);
  });
  t.settings.forEach((s, i) => {
    need(accounts, s.currentAccountId, `tables.settings.${i}.currentAccountId`, 'account');
  });
  return issues;
}

/**
 * The rules' invariants over the file's tables (`checkInvariants`): the first
 * problems, and how many there are in all.
 */
function checkRules(t: ExportTables): { issues: ImportIssue[]; total: number } {
  const problems = checkInvariants(t);
  const at = (table: string, index: number) => `tables.${table}.${index}`;
  const issues = problems.slice(0, IMPORT_ISSUES_SHOWN).map((p): ImportIssue => {
    const other = p.other ? at(p.other.table, p.other.index) : undefined;
    let reason = p.reason;
    if (other !== undefined) reason += ` (see ${other})`;
    if (p.date !== undefined) reason += `; allowed from ${p.date}`;
    return {
      path: `${at(p.table, p.index)}.${p.field}`,
      reason,
      code: p.code,
      ...(other === undefined ? {} : { other }),
      ...(p.date === undefined ? {} : { date: p.date }),
    };
  });
  return { issues, total: problems.length };
}

/** The file's rows, not yet checked: what `checkedFile` leaves to `checkedTable`. */
type UncheckedTables = Record<TableName, unknown[]>;
type CheckedShell = Omit<ExportFile, 'tables'> & { tables: UncheckedTables };

const schemaIssues = (issues: readonly v.BaseIssue<unknown>[], prefix: string): ImportIssue[] =>
  issues.slice(0, 10).map((issue) => {
    const path = v.getDotPath(issue);
    return { path: path ? `${prefix}${path}` : prefix.replace(/\.$/, ''), reason: issue.message };
  });

/**
 * The file as a whole: size, JSON, header and the fields around the tables
 * (which tables there are, not their rows: `checkedTable` checks those).
 */
function checkedFile(text: string): CheckedShell {
  if (tooLarge(text)) {
    throw new ImportError([
      { path: '', reason: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
    ]);
  }
  const data = parseJson(text);
  checkHeader(data);
  const result = v.safeParse(ExportShellSchema, data);
  if (!result.success) throw new ImportError(schemaIssues(result.issues, ''));
  return result.output;
}

/**
 * One table's rows against its schema. When they fail, the tables after it
 * are checked too, so the error lists the file's first problems wherever
 * they are, as a check of the whole file at once would.
 */
function checkedTable<N extends TableName>(file: CheckedShell, name: N): ExportTables[N] {
  const check = (table: TableName) =>
    v.safeParse(ExportTablesSchema.entries[table], file.tables[table]);
  const result = check(name);
  if (result.success) return result.output as ExportTables[N];
  const issues = TABLE_NAMES.slice(TABLE_NAMES.indexOf(name)).flatMap((table) => {
    const checked = table === name ? result : check(table);
    return checked.success ? [] : schemaIssues(checked.issues, `tables.${table}.`);
  });
  throw new ImportError(issues.slice(0, 10));
}

/** What holds between the tables: references, then the rules' invariants. */
function checkAcross(t: ExportTables): void {
  const issues = checkReferences(t);
  if (issues.length > 0) throw new ImportError(issues);
  // Only once every reference resolves: the rules look rows up by id.
  const rules = checkRules(t);
  if (rules.total > 0) throw new ImportError(rules.issues, rules.total);
}

/** Checks a whole export file; throws `ImportError` with the first problems found. */
export function parseExport(text: string): ExportFile {
  const file = checkedFile(text);
  const tables = Object.fromEntries(
    TABLE_NAMES.map((name) => [name, checkedTable(file, name)]),
  ) as ExportTables;
  checkAcross(tables);
  return { ...file, tables };
}

export type ImportSummary = Record<TableName, number>;

/**
 * How far an import is: the file is read and its header checked first (one
 * step), then its rows are checked and written, `done` of `total`, then the
 * organization's report made from them (`report`, its own count).
 */
export type ImportProgress =
  { phase: 'checking' } | { phase: 'writing' | 'report'; done: number; total: number };

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per bulk write (tests use small chunks); progress is reported after each. */
  chunkRows?: number;
}

/** Enough rows per write that IndexedDB stays busy, few enough for a progress bar that moves. */
const CHUNK_ROWS = 5000;

/**
 * Writes checked tables into the (cleared) database inside the caller's
 * transaction, in TABLE_NAMES order (what a row points at comes first), and
 * then what the organization's screens read, derived from them in one pass
 * (the caller marked the transaction with `callerWritesDerived`, so the
 * store does not follow each chunk). Every chunk's bulkAdd is issued at once,
 * so IndexedDB never waits for the page between chunks; progress counts the
 * rows as they land, derived rows included.
 */
export async function writeTables(
  db: AppDb,
  t: ExportTables,
  options: ImportOptions = {},
): Promise<void> {
  const total = TABLE_NAMES.reduce((n, name) => n + t[name].length, 0);
  await writeChecked(db, { total, table: (name) => t[name], across: () => undefined }, options);
}

/** Where `writeChecked` takes the file's rows from. */
interface RowSource {
  /** How many rows the file's tables hold. */
  total: number;
  /** A table's checked rows; throws `ImportError` when they are not right. */
  table: <N extends TableName>(name: N) => ExportTables[N];
  /** Checks the tables together (references, rules); throws `ImportError`. */
  across: (t: ExportTables) => void;
}

/**
 * `writeTables` for rows checked as they are written: each table is checked
 * just before its writes are asked for, so IndexedDB writes one table while
 * the page checks the next, and the report is derived while it writes the
 * last ones. A problem found late throws: the caller's transaction aborts and
 * nothing is written.
 */
async function writeChecked(
  db: AppDb,
  source: RowSource,
  options: ImportOptions,
): Promise<ExportTables> {
  const size = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
  const writes: Promise<unknown>[] = [];
  // One step of the progress: its rows, counted as they land (IndexedDB
  // completes the writes in the order they were asked for).
  const step = (phase: 'writing' | 'report', total: number) => {
    let done = 0;
    const started = Promise.all(writes).then(() => {
      options.onProgress?.({ phase, done, total });
    });
    writes.push(started);
    return (name: TableName | (typeof DERIVED_TABLES)[number], rows: readonly object[]) => {
      const table = db.table(name);
      for (let i = 0; i < rows.length; i += size) {
        const chunk = rows.slice(i, i + size);
        writes.push(
          table.bulkAdd(chunk).then(() => {
            done += chunk.length;
            options.onProgress?.({ phase, done, total });
          }),
        );
      }
    };
  };
  const t: Partial<ExportTables> = {};
  try {
    const file = step('writing', source.total);
    for (const name of TABLE_NAMES) {
      const rows = source.table(name);
      Object.assign(t, { [name]: rows });
      file(name, rows);
    }
    const tables = t as ExportTables;
    source.across(tables);
    const derived = derivedRows(tables);
    const report = step(
      'report',
      DERIVED_TABLES.reduce((n, name) => n + derived[name].length, 0),
    );
    for (const name of DERIVED_TABLES) report(name, derived[name]);
  } catch (error) {
    // The transaction aborts: the writes already asked for fail with it, unwatched.
    for (const write of writes) write.catch(() => undefined);
    throw error;
  }
  await Promise.all(writes);
  return t as ExportTables;
}

/** Replaces all data with the file's, in one transaction; on any error nothing is written. */
export async function importJson(
  db: AppDb,
  text: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  options.onProgress?.({ phase: 'checking' });
  const file = checkedFile(text);
  const source: RowSource = {
    total: TABLE_NAMES.reduce((n, name) => n + file.tables[name].length, 0),
    table: (name) => checkedTable(file, name),
    across: checkAcross,
  };
  // This transaction is crucial: clear and add commit together, or the
  // device would be left with half of the old data and half of the new. The
  // rows are checked inside it, as they are written: any problem aborts it.
  const t = await guardQuota(() =>
    db.transaction('rw', db.tables, async (tx) => {
      callerWritesDerived(tx);
      await Promise.all(db.tables.map((table) => table.clear()));
      return writeChecked(db, source, options);
    }),
  );
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, t[n].length])) as ImportSummary;
}
