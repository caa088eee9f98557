/**
 * A table of words in which an entry that needs no argument is written as a
 * plain string, turned into one signature for every entry: callers call each
 * entry the same way, and the two languages' tables do not repeat `() =>`.
 */
export function asCalls<A extends unknown[], K extends string>(
  table: Record<K, string | ((...args: A) => string)>,
): Record<K, (...args: A) => string> {
  const calls = {} as Record<K, (...args: A) => string>;
  for (const key of Object.keys(table) as K[]) {
    const entry: string | ((...args: A) => string) = table[key];
    calls[key] = typeof entry === 'string' ? () => entry : entry;
  }
  return calls;
}
