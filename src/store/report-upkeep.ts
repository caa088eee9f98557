/**
 * Keeps the organization's derived rows (`reportDays`, `reportCounts`,
 * `userLeaves`, `userDirs`) equal to what `org-derived.ts` makes of the source tables, in
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
  type DBCoreTransaction,
  type Middleware,
  type Transaction,
} from 'dexie';
import { DERIVED_TABLES, SOURCE_TABLES } from './derived-tables';

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
            const { writeAndFollow } = await derivation();
            return writeAndFollow(down, table, req, psd);
          },
        };
      },
    };
  },
};
