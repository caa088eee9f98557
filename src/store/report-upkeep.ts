/**
 * Keeps the organization's derived rows (`reportRows`, `reportCounts`,
 * `orgUsers`) equal to what `org-derived.ts` makes of the source tables, in
 * the same transaction as every change of a source — whichever code writes
 * it: an operation, the sync engine's settle, a test's raw `put`.
 *
 * A Dexie DBCore middleware, so no write path can forget it:
 * - every read-write transaction that includes a source table is widened to
 *   the sources and the derived tables (the refresh reads and writes them);
 * - after each write of a source, the profiles and accounts it touched are
 *   derived again: their old rows go, the new ones come, the counts move by
 *   the difference.
 * Import, demo and reset write everything at once: they derive all the rows
 * in one pass themselves (`callerWritesDerived`), so the writes of their
 * sources are not followed one by one. A schema upgrade's transaction is
 * left alone too; version 5's upgrade derives everything.
 */
import {
  Dexie,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Transaction,
} from 'dexie';
import { DERIVED_TABLES, SOURCE_TABLES, type Touched } from './derived-tables';
import type { Achievement, Association, LearningProfile, WorkAccount } from './records';

const SOURCES = new Set<string>(SOURCE_TABLES);

// Transactions whose caller writes the derived rows itself (import, demo, reset).
const callerWrites = new WeakSet();

/** The caller derives and writes every derived row in this transaction (import, demo, reset). */
export function callerWritesDerived(tx: Transaction): void {
  callerWrites.add(tx.idbtrans);
}

/** The derivation, loaded on the first write of a source and kept. */
type Refresh = typeof import('./report-refresh');

/**
 * Dexie's zone (its current transaction, what `liveQuery` observes), taken
 * when a write comes in: the derivation's calls below Dexie run in it.
 */
const zones = Dexie.Promise as unknown as { PSD: object };
let loaded: Promise<Refresh> | null = null;
function derivation(): Promise<Refresh> {
  loaded ??= import('./report-refresh');
  // Waiting for the module keeps the writing transaction alive (Dexie.waitFor).
  return Dexie.waitFor(loaded);
}

/** Loads the derivation ahead of the first write (an admin or a person about to act). */
export function preloadDerivation(): void {
  loaded ??= import('./report-refresh');
}

function isUpgrade(trans: DBCoreTransaction): boolean {
  return 'mode' in trans && trans.mode === 'versionchange';
}

function collect(table: string, rows: readonly unknown[], touched: Touched): void {
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    if (table === 'accounts') touched.accounts.add((row as WorkAccount).id);
    else if (table === 'profiles') touched.profiles.add((row as LearningProfile).id);
    else if (table === 'achievements') touched.profiles.add((row as Achievement).profileId);
    else if (table === 'associations') {
      touched.profiles.add((row as Association).profileId);
      touched.accounts.add((row as Association).accountId);
    }
  }
}

function keysOf(
  table: DBCoreTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
): unknown[] {
  if (req.type === 'delete') return req.keys as unknown[];
  const extract = table.schema.primaryKey.extractKey;
  const keys = req.keys as unknown[] | undefined;
  return keys ?? (extract ? req.values.map((v) => extract(v) as unknown) : []);
}

export const reportUpkeep: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ReportUpkeep',
  create(down) {
    const derivedHere = DERIVED_TABLES.every((name) =>
      down.schema.tables.some((t) => t.name === name),
    );
    if (!derivedHere) return {};
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => SOURCES.has(s));
        const all = widen ? [...new Set([...stores, ...SOURCE_TABLES, ...DERIVED_TABLES])] : stores;
        return down.transaction(all, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SOURCES.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const { trans } = req;
            if (isUpgrade(trans) || callerWrites.has(trans)) return table.mutate(req);
            const psd = zones.PSD;
            const { Tables, refresh, rebuild } = await derivation();
            const t = new Tables(down, trans, psd);
            if (req.type === 'deleteRange') {
              const res = await t.run(() => table.mutate(req));
              await rebuild(t);
              return res;
            }
            const touched: Touched = { profiles: new Set(), accounts: new Set() };
            // The rows as they were: a change may move a row away from what it touched.
            if (req.type !== 'add') {
              const keys = keysOf(table, req);
              collect(name, await t.run(() => table.getMany({ trans, keys })), touched);
            }
            const res = await t.run(() => table.mutate(req));
            if (req.type !== 'delete') collect(name, req.values, touched);
            await refresh(t, touched);
            return res;
          },
        };
      },
    };
  },
};
