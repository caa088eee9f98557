/**
 * Rows whose `index` value is one of `keys`, for the organization queries
 * that look up thousands of keys at once.
 *
 * Dexie's `anyOf` walks a cursor that jumps between keys; fake-indexeddb
 * rescans the index at each jump (5,000 keys over 10,000 rows: 170 s). One
 * equality query per key costs about as much as reading ~80 rows, so when
 * the keys are many compared with the table, one scan is cheaper — in
 * browsers too, where a scan is one `getAll` instead of thousands of requests.
 */
import type { IndexableType, Table } from 'dexie';

/** A lookup per key costs about this many rows of a scan (measured in bench/store.bench.mjs). */
const ROWS_PER_LOOKUP = 50;

export async function whereAnyOf<T, K, I>(
  table: Table<T, K, I>,
  index: string & keyof T,
  keys: readonly IndexableType[],
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  if (unique.length * ROWS_PER_LOOKUP < (await table.count())) {
    const parts = await Promise.all(unique.map((key) => table.where(index).equals(key).toArray()));
    return parts.flat();
  }
  const wanted = new Set<unknown>(unique);
  return (await table.toArray()).filter((row) => wanted.has(row[index]));
}
