/**
 * Rows whose index value is one of `keys`, as one equality query per key.
 * Dexie's `anyOf` walks a cursor that jumps between keys; in fake-indexeddb
 * each jump rescans the index (5,000 keys over 10,000 rows: 170 s against
 * 0.9 s this way), and in browsers parallel key lookups in one transaction
 * are as fast. Rows come grouped by key, in the order of `keys`.
 */
import type { IndexableType, Table } from 'dexie';

export async function whereAnyOf<T, K, I>(
  table: Table<T, K, I>,
  index: string,
  keys: readonly IndexableType[],
): Promise<T[]> {
  const unique = [...new Set(keys)];
  const parts = await Promise.all(unique.map((key) => table.where(index).equals(key).toArray()));
  return parts.flat();
}
