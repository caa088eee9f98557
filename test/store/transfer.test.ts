import { describe, expect, it } from 'vitest';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  StorageFullError,
  TABLE_NAMES,
  requestUnlink,
  resetAll,
  updateSettings,
  type AppDb,
} from '../../src/store';
import { settleResult } from '../../src/store/drain';
import { loadDemo } from '../../src/store/demo';
import { exportAll, exportJson, importJson, type ImportProgress } from '../../src/store/transfer';
import { NOW, freshDb } from './fixtures';

async function tables(db: AppDb) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

/** A database with every table in use: the demo, an outbox, settings and a catalog. */
async function populated(): Promise<AppDb> {
  const db = freshDb();
  const ids = await loadDemo(db, NOW);
  const profile = await db.profiles
    .where('personId')
    .equals((await db.accounts.get(ids.hana))?.personId ?? '')
    .first();
  const e = await requestUnlink(
    db,
    { actorAccountId: ids.hana, accountId: ids.hana, profileId: profile?.id ?? '' },
    NOW,
  );
  await settleResult(db, { id: e.id, status: 'rejected', code: 'NOT_LINKED' }, NOW);
  await updateSettings(db, {
    language: 'ja',
    remote: { kind: 'http', baseUrl: 'https://pc.example/api', token: 't0k' },
  });
  await db.catalog.put({
    id: 'designations',
    json: '{"sample":true}',
    sample: true,
    updatedAt: NOW.toISOString(),
  });
  return db;
}

async function importError(db: AppDb, text: string): Promise<ImportError> {
  const error: unknown = await importJson(db, text).then(
    () => new Error('imported'),
    (e: unknown) => e,
  );
  if (!(error instanceof ImportError)) throw error;
  return error;
}

describe('export → reset → import', () => {
  it('gives identical tables', async () => {
    const db = await populated();
    const before = await tables(db);
    const json = await exportJson(db, NOW);
    await resetAll(db);
    expect(await db.accounts.count()).toBe(0);
    const summary = await importJson(db, json);
    expect(summary.accounts).toBe(11);
    expect(summary.outbox).toBe(1);
    // Identical, except the remote's token, which an export never carries.
    const settings = before.settings as { remote: { token?: string | null } }[];
    expect(settings[0]?.remote.token).toBe('t0k');
    settings[0] = { ...settings[0], remote: { ...settings[0]?.remote, token: null } };
    expect(await tables(db)).toEqual(before);
    expect(json).not.toContain('t0k');
  });

  it('the file says what it is and that it holds personal data', async () => {
    const file = await exportAll(await populated(), NOW);
    expect(file).toMatchObject({
      format: 'mcid-link-export',
      version: 1,
      exportedAt: NOW.toISOString(),
      personalData: true,
    });
    expect(file.notice).toMatch(/personal data/);
    expect(Object.keys(file.tables)).toEqual([...TABLE_NAMES]);
  });
});

describe('broken imports are refused with nothing written', () => {
  async function refusedUnchanged(mutate: (file: Record<string, unknown>, json: string) => string) {
    const db = await populated();
    const json = await exportJson(db, NOW);
    const before = await tables(db);
    const error = await importError(db, mutate(JSON.parse(json) as Record<string, unknown>, json));
    expect(await tables(db)).toEqual(before);
    return error;
  }

  it('truncated JSON', async () => {
    const e = await refusedUnchanged((_, json) => json.slice(0, json.length / 2));
    expect(e.issues[0]?.reason).toMatch(/not valid JSON/);
  });

  it('wrong types, with the path of each problem', async () => {
    const e = await refusedUnchanged((file) => {
      const t = file.tables as Record<string, Record<string, unknown>[]>;
      (t.accounts as Record<string, unknown>[])[2] = { ...t.accounts?.[2], email: 42 };
      (t.associations as Record<string, unknown>[])[0] = {
        ...t.associations?.[0],
        startedOn: '2026-02-30',
      };
      return JSON.stringify(file);
    });
    expect(e.issues.map((i) => i.path)).toEqual([
      'tables.accounts.2.email',
      'tables.associations.0.startedOn',
    ]);
    expect(e.message).toContain('tables.accounts.2.email');
  });

  it('an unknown key (strict objects)', async () => {
    const e = await refusedUnchanged((file) => {
      const t = file.tables as Record<string, Record<string, unknown>[]>;
      (t.people as Record<string, unknown>[])[0] = { ...t.people?.[0], isAdmin: true };
      return JSON.stringify(file);
    });
    expect(e.issues[0]?.path).toBe('tables.people.0.isAdmin');
  });

  it('a dangling reference', async () => {
    const e = await refusedUnchanged((file) => {
      const t = file.tables as Record<string, Record<string, unknown>[]>;
      (t.associations as Record<string, unknown>[])[1] = {
        ...t.associations?.[1],
        accountId: 'ghost',
      };
      return JSON.stringify(file);
    });
    expect(e.issues).toEqual([
      { path: 'tables.associations.1.accountId', reason: 'unknown account' },
    ]);
  });

  it('a newer format version, with a clear message', async () => {
    const e = await refusedUnchanged((file) =>
      JSON.stringify({ ...file, version: 2, tables: { later: [] } }),
    );
    expect(e.message).toMatch(/made by a newer version of MCID Link/);
  });

  it('an unknown format or version', async () => {
    const other = await refusedUnchanged((file) =>
      JSON.stringify({ ...file, format: 'someone-else' }),
    );
    expect(other.issues[0]?.reason).toMatch(/not an MCID Link export/);
    const zero = await refusedUnchanged((file) => JSON.stringify({ ...file, version: 0 }));
    expect(zero.issues[0]?.path).toBe('format');
    expect(await refusedUnchanged(() => '[]')).toBeInstanceOf(ImportError);
  });

  it('5 MB of junk', async () => {
    const kilobyte = Array.from({ length: 1024 }, (_, i) =>
      String.fromCharCode(33 + ((i * 7919) % 90)),
    );
    const e = await refusedUnchanged(() => kilobyte.join('').repeat(5 * 1024));
    expect(e.issues[0]?.reason).toMatch(/not valid JSON/);
  });

  it('a file over the size limit, refused before parsing', async () => {
    const big = await refusedUnchanged(() => ' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(big.issues[0]?.reason).toBe(`larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  });

  it('a prototype-pollution key anywhere', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      // Deep inside the first organization, where a naive merge would reach the prototype.
      const e = await refusedUnchanged((_, json) =>
        json.replace('"name":', `"${key}": {"polluted": true}, "name":`),
      );
      expect(e.issues[0]).toEqual({ path: key, reason: 'forbidden key' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a full disk during import: StorageFullError, old data intact', async () => {
    const db = await populated();
    const json = await exportJson(db, NOW);
    const before = await tables(db);
    db.catalog.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(importJson(db, json)).rejects.toBeInstanceOf(StorageFullError);
    expect(await tables(db)).toEqual(before);
  });
});

describe('import writes in chunks and says how far it is', () => {
  it('reports checking, then rows written up to the total, and writes every row', async () => {
    const db = await populated();
    const before = await tables(db);
    const json = await exportJson(db, NOW);
    await resetAll(db);
    const seen: ImportProgress[] = [];
    const summary = await importJson(db, json, {
      chunkRows: 3,
      onProgress: (p) => seen.push(p),
    });
    const total = Object.values(summary).reduce((n, c) => n + c, 0);
    expect(seen[0]).toEqual({ phase: 'checking' });
    const writing = seen.slice(1).map((p) => (p.phase === 'writing' ? p : null));
    expect(writing.every((p) => p?.total === total)).toBe(true);
    const done = writing.map((p) => p?.done ?? -1);
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(total);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Chunks of 3: progress moves many times, not once at the end.
    expect(done.length).toBeGreaterThan(total / 3);
    const settings = before.settings as { remote: { token?: string | null } }[];
    settings[0] = { ...settings[0], remote: { ...settings[0]?.remote, token: null } };
    expect(await tables(db)).toEqual(before);
  });

  it('a write failing in a later chunk leaves the old data as it was', async () => {
    const db = await populated();
    const json = await exportJson(db, NOW);
    const before = await tables(db);
    let n = 0;
    db.achievements.hook('creating', () => {
      n += 1;
      if (n > 5) throw new Error('disk trouble');
    });
    await expect(importJson(db, json, { chunkRows: 2 })).rejects.toThrow();
    expect(n).toBeGreaterThan(5);
    expect(await tables(db)).toEqual(before);
  });
});
