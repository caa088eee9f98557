/**
 * How a `ReportDay` is stored: its rows as columns, one array per field,
 * instead of an array of objects. A structured clone writes every object's
 * keys again, so a day of a hundred rows wrote its sixteen field names a
 * hundred times: 100,000 achievements' days serialized to 32 MB, as columns
 * to 18 MB. A column whose values all equal the day's own field of that
 * name (`orgId`, `countsFrom`) is not stored at all.
 *
 * A DBCore middleware closest to IndexedDB (below Dexie's own and
 * `reportUpkeep`): everything above it, the store's code included, sees
 * `ReportDay` as `records.ts` says. A day stored before (with `rows`) reads
 * as it was written.
 */
import type { DBCore, DBCoreCursor, Middleware } from 'dexie';
import type { ReportDay, ReportRecord } from './records';

/** A day as IndexedDB holds it: `rows` replaced by `columns`. */
export interface StoredReportDay extends Omit<ReportDay, 'rows'> {
  /** How many rows. */
  n: number;
  /** The rows' fields, in their order. */
  names: string[];
  /** Each field's values, row by row (`undefined` where a row has no such field). */
  columns: Record<string, unknown[]>;
  /** The fields every row had with the day's own value of that field (not in `columns`). */
  same: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** A day's rows as columns; fields that repeat the day's own value for every row are left out. */
export function encodeDay(day: ReportDay): StoredReportDay {
  const { rows, ...fields } = day;
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  const columns: Record<string, unknown[]> = {};
  const same: string[] = [];
  const own = fields as unknown as Record<string, unknown>;
  for (const name of names) {
    const values = rows.map((row) => (row as unknown as Record<string, unknown>)[name]);
    if (name in own && values.every((value) => value === own[name])) same.push(name);
    else columns[name] = values;
  }
  return { ...fields, n: rows.length, names: [...names], columns, same };
}

/** The day as the store's code reads it (a day stored with `rows` is returned as it is). */
export function decodeDay(stored: StoredReportDay | ReportDay): ReportDay {
  if (!('columns' in stored)) return stored;
  const { n, names, columns, same, ...fields } = stored;
  const own = fields as unknown as Record<string, unknown>;
  const repeated = new Set(same);
  const rows: ReportRecord[] = [];
  // The fields in their first order: a row read back stringifies as it was
  // written (a day's revision hashes its rows' JSON).
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const name of names) {
      const value = repeated.has(name) ? own[name] : columns[name]?.[i];
      if (value !== undefined) row[name] = value;
    }
    rows.push(row as unknown as ReportRecord);
  }
  return { ...fields, rows };
}

const TABLE = 'reportDays';
const decoded = (value: unknown): unknown =>
  isRecord(value) && 'columns' in value ? decodeDay(value as unknown as StoredReportDay) : value;
const encoded = (value: unknown): unknown =>
  isRecord(value) && Array.isArray(value.rows) ? encodeDay(value as unknown as ReportDay) : value;

function decodedCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor;
  // As Dexie's own middlewares wrap a cursor: a native cursor's getters
  // refuse another `this`, so each is read from the cursor itself.
  return Object.create(cursor, {
    key: { get: (): unknown => cursor.key },
    primaryKey: { get: (): unknown => cursor.primaryKey },
    value: { get: () => decoded(cursor.value) },
  }) as DBCoreCursor;
}

export const reportDayCodec: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'reportDayCodec',
  // Below Dexie's own middlewares (the lowest is -1): they see days as records.ts says.
  level: -2,
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== TABLE) return table;
        return {
          ...table,
          mutate: (req) =>
            req.type === 'add' || req.type === 'put'
              ? table.mutate({ ...req, values: req.values.map(encoded) })
              : table.mutate(req),
          get: async (req) => decoded(await table.get(req)),
          getMany: async (req) => (await table.getMany(req)).map(decoded),
          query: async (req) => {
            const res = await table.query(req);
            return req.values ? { ...res, result: res.result.map(decoded) } : res;
          },
          openCursor: async (req) => decodedCursor(await table.openCursor(req)),
        };
      },
    };
  },
};
