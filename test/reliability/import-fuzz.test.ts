/**
 * Import files are outside input: fuzzed with random text, random JSON, and
 * valid exports broken in one place (a wrong type, a missing or unknown key,
 * a prototype key, a dangling reference, deep nesting, a huge string). Every
 * one must be refused with a short, readable `ImportError`, and the database
 * must hold exactly what it held before.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportError, TABLE_NAMES, openDb, type AppDb } from '../../src/store';
import { loadDemo } from '../../src/store/demo';
import { exportAll, importJson } from '../../src/store/transfer';

const NOW = new Date('2026-11-25T09:00:00Z');
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let db: AppDb;
let valid: { [key: string]: Json };
let before: string;

async function snapshot(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return JSON.stringify(out);
}

beforeAll(async () => {
  db = openDb(`t-${crypto.randomUUID()}`);
  await loadDemo(db, NOW);
  valid = JSON.parse(JSON.stringify(await exportAll(db, NOW))) as { [key: string]: Json };
  before = await snapshot();
});

/** Imports `text`; it must be refused with a clear ImportError and write nothing. */
async function refused(text: string): Promise<ImportError> {
  const error: unknown = await importJson(db, text).then(
    () => new Error(`imported: ${text.slice(0, 300)}`),
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw error;
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) expect(issue.reason.length).toBeGreaterThan(0);
  // A message the settings screen can show: short, whatever the file held.
  expect(error.message.length).toBeLessThan(2_000);
  expect(error.message).toMatch(/^The file cannot be imported: /);
  expect(await snapshot()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return error;
}

/** Every path to a value inside `value` (object keys and array indexes). */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function clone(): { [key: string]: Json } {
  return JSON.parse(JSON.stringify(valid)) as { [key: string]: Json };
}

function parentOf(root: Json, path: (string | number)[]): { [k: string]: Json } | Json[] {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  return node as { [k: string]: Json } | Json[];
}

/** A value of another JSON type than `value`, never valid where `value` was. */
function wrongType(value: Json): Json {
  if (value === null) return {};
  if (Array.isArray(value)) return {};
  switch (typeof value) {
    case 'string':
      return 12345;
    case 'number':
      return 'x';
    case 'boolean':
      return 'true';
    default:
      return [];
  }
}

const OPTIONAL_KEYS = new Set(['seq', 'mcid', 'dismissedAt']);
const REFERENCE_KEYS = new Set(['orgId', 'personId', 'profileId', 'accountId', 'createdBy']);

describe('import of random input', () => {
  it('refuses any random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
        await refused(text);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses any random JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await refused(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a random JSON value under the right header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (tables) => {
        await refused(JSON.stringify({ ...valid, tables }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('import of a valid export broken in one place', () => {
  const pathIndex = fc.nat();

  it('refuses a value of the wrong type anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(pathIndex, async (n) => {
        const file = clone();
        const all = paths(file).filter((p) => p.length > 0);
        const path = all[n % all.length] ?? [];
        const parent = parentOf(file, path) as Record<string | number, Json>;
        const key = path[path.length - 1] as string | number;
        parent[key] = wrongType(parent[key] as Json);
        await refused(JSON.stringify(file));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a missing required key or an unknown key in any object', async () => {
    await fc.assert(
      fc.asyncProperty(pathIndex, fc.boolean(), fc.string({ minLength: 1 }), async (n, drop, k) => {
        const file = clone();
        const objects = paths(file).filter((p) => {
          const node =
            p.length === 0 ? file : (parentOf(file, p) as Record<string, Json>)[p.at(-1) as string];
          return (
            node !== null &&
            typeof node === 'object' &&
            !Array.isArray(node) &&
            Object.keys(node).length > 0
          );
        });
        const path = objects[n % objects.length] ?? [];
        const node = (
          path.length === 0
            ? file
            : (parentOf(file, path) as Record<string, Json>)[path.at(-1) as string]
        ) as Record<string, Json>;
        const keys = Object.keys(node).filter((key) => !OPTIONAL_KEYS.has(key));
        if (drop && keys.length > 0) Reflect.deleteProperty(node, keys[n % keys.length] as string);
        else node[`${k}\u0000extra`] = 1;
        await refused(JSON.stringify(file));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a prototype key in any object, and nothing is polluted', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathIndex,
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        async (n, key) => {
          const file = clone();
          const objects = paths(file).filter((p) => {
            const node =
              p.length === 0
                ? file
                : (parentOf(file, p) as Record<string, Json>)[p.at(-1) as string];
            return node !== null && typeof node === 'object' && !Array.isArray(node);
          });
          const path = objects[n % objects.length] ?? [];
          const node = (
            path.length === 0
              ? file
              : (parentOf(file, path) as Record<string, Json>)[path.at(-1) as string]
          ) as object;
          // An own key named __proto__, as JSON.parse would make from a file.
          Object.defineProperty(node, key, {
            value: { polluted: true },
            enumerable: true,
            configurable: true,
            writable: true,
          });
          const error = await refused(JSON.stringify(file));
          expect(error.issues[0]?.reason).toBe('forbidden key');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a reference to a row that is not in the file', async () => {
    await fc.assert(
      fc.asyncProperty(pathIndex, async (n) => {
        const file = clone();
        const refs = paths(file).filter((p) => REFERENCE_KEYS.has(String(p.at(-1))));
        const path = refs[n % refs.length] ?? [];
        const parent = parentOf(file, path) as Record<string, Json>;
        parent[path.at(-1) as string] = 'no-such-row';
        const error = await refused(JSON.stringify(file));
        expect(error.issues[0]?.reason).toMatch(/^unknown /);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a huge string in any string field with a short message', async () => {
    const huge = 'A'.repeat(3_000_000);
    const file = clone();
    const strings = paths(file).filter((p) => {
      const parent = parentOf(file, p) as Record<string | number, Json>;
      return p.length > 0 && typeof parent[p.at(-1) as string] === 'string';
    });
    // A sample across the file: every table's string fields are reached.
    for (const path of strings.filter((_, i) => i % 37 === 0)) {
      const copy = clone();
      (parentOf(copy, path) as Record<string | number, Json>)[path.at(-1) as string] = huge;
      await refused(JSON.stringify(copy));
    }
    // And a huge string where a number belongs (its message must not echo it).
    const copy = clone();
    const tables = copy.tables as Record<string, Json[]>;
    const outbox = { ...(tables.accounts?.[0] as Record<string, Json>) };
    tables.outbox = [{ ...outbox, seq: huge }];
    await refused(JSON.stringify(copy));
  });

  it('refuses deep nesting anywhere', async () => {
    for (const depth of [1_000, 100_000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      await refused(deep);
      await refused(
        JSON.stringify({ ...valid, notice: 'x' }).replace('"notice":"x"', `"notice":${deep}`),
      );
      await refused(`{"format":"mcid-link-export","version":1,"tables":{"people":${deep}}}`);
    }
  });
});

describe('import of a valid export edited around the rules', () => {
  type Row = Record<string, Json>;
  const tablesOf = (file: { [key: string]: Json }) =>
    file.tables as unknown as {
      accounts: Row[];
      profiles: Row[];
      associations: Row[];
    };
  const pick = <T>(rows: readonly T[], n: number): T => rows[n % rows.length] as T;
  const addDay = (day: string, n: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  /** Each edit breaks one invariant the rules keep, on the row `n` picks. */
  const edits: Record<string, (t: ReturnType<typeof tablesOf>, n: number, k: number) => void> = {
    'a link on an account that never signed in': (t, n) => {
      const s = pick(t.associations, n);
      const account = t.accounts.find((a) => a.id === s.accountId) as Row;
      account.firstSignInOn = null;
    },
    'a second start inside the cool-off': (t, n, k) => {
      const s = pick(t.associations, n);
      const startedOn = addDay(s.startedOn as string, k % 30);
      t.associations.push({
        ...s,
        id: 'extra',
        startedOn,
        endedOn: startedOn,
        endReason: 'unlinked',
      });
    },
    'an account created by a non-admin': (t, n, k) => {
      const created = t.accounts.filter((a) => a.createdBy !== null);
      const plain = t.accounts.filter((a) => (a.roles as string[]).length === 0);
      pick(created, n).createdBy = pick(plain, k).id as string;
    },
    'an MCID on another person’s profile': (t, n, k) => {
      const withMcid = t.profiles.filter((p) => p.mcid !== null);
      const from = pick(withMcid, n);
      const others = t.profiles.filter((p) => p.personId !== from.personId && p.kind === 'learn');
      pick(others, k).mcid = from.mcid as string;
    },
    'another person’s profile on an account': (t, n, k) => {
      const s = pick(t.associations, n);
      const owner = t.profiles.find((p) => p.id === s.profileId)?.personId;
      s.accountId = pick(
        t.accounts.filter((a) => a.personId !== owner),
        k,
      ).id as string;
    },
  };

  it('refuses each with the rule it breaks named, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(edits)),
        fc.nat(),
        fc.nat(),
        async (edit, n, k) => {
          const file = clone();
          edits[edit]?.(tablesOf(file), n, k);
          const error = await refused(JSON.stringify(file));
          expect(error.issues.some((i) => i.code !== undefined)).toBe(true);
          expect(error.total).toBeGreaterThanOrEqual(error.issues.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
