import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/rules';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  StorageFullError,
  TABLE_NAMES,
  resetAll,
  updateSettings,
  type AppDb,
} from '../../src/store';
import { requestLink, requestUnlink } from '../../src/store/ops-link';
import { deleteWorkAccount } from '../../src/store/ops-org';
import { settleResult } from '../../src/store/drain';
import { loadDemo } from '../../src/store/demo';
import { DERIVED_TABLES } from '../../src/store/derived-tables';
import { exportAll, exportJson, importJson, type ImportProgress } from '../../src/store/transfer';
import { NOW, TODAY, fixture, freshDb } from './fixtures';

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

  it('a link started on the day its account was deleted (linked, then deleted) imports again', async () => {
    // Found by the report's property test: the import refused a state the app had made.
    const f = await fixture();
    const self = { actorAccountId: f.annA.id, accountId: f.annA.id, profileId: f.learn.id };
    await requestLink(f.db, self, NOW);
    await deleteWorkAccount(f.db, { actorAccountId: f.adminA.id, accountId: f.annA.id }, NOW);
    const link = await f.db.associations.where('accountId').equals(f.annA.id).first();
    expect(link).toMatchObject({ startedOn: TODAY, endedOn: TODAY });
    const before = await tables(f.db);
    await importJson(f.db, await exportJson(f.db, NOW));
    expect(await tables(f.db)).toEqual(before);
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

  it('a prototype-pollution key spelt with \\u escapes', async () => {
    // A file without the words in plain text is parsed without the per-value
    // check; an escape must not slip a forbidden key past that.
    for (const [spelt, key] of [
      ['\\u005f_proto__', '__proto__'],
      ['constructo\\u0072', 'constructor'],
      ['\\u0070rototype', 'prototype'],
    ] as const) {
      const e = await refusedUnchanged((_, json) =>
        json.replace('"name":', `"${spelt}": {"polluted": true}, "name":`),
      );
      expect(e.issues[0]).toEqual({ path: key, reason: 'forbidden key' });
    }
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
    // Then the organization's rows, derived from the file's: their own count.
    let derived = 0;
    for (const name of DERIVED_TABLES) derived += await db.table(name).count();
    expect(derived).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ phase: 'checking' });
    const counted = seen.flatMap((p) => (p.phase === 'checking' ? [] : [p]));
    const writing = counted.filter((p) => p.phase === 'writing');
    const report = counted.filter((p) => p.phase === 'report');
    expect(seen.slice(1).map((p) => p.phase)).toEqual([
      ...writing.map(() => 'writing'),
      ...report.map(() => 'report'),
    ]);
    expect(writing.every((p) => p.total === total)).toBe(true);
    expect(report.every((p) => p.total === derived)).toBe(true);
    expect(report.map((p) => p.done)).toEqual([...report.map((p) => p.done)].sort((a, b) => a - b));
    expect([report[0]?.done, report.at(-1)?.done]).toEqual([0, derived]);
    const done = writing.map((p) => p.done);
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

describe('an edited file that breaks the rules is refused whole, nothing written', () => {
  type Row = Record<string, unknown>;
  interface Tables {
    accounts: Row[];
    profiles: Row[];
    associations: Row[];
  }
  const day = (n: number) => addDays(TODAY, n);

  async function refused(edit: (t: Tables) => void): Promise<ImportError> {
    const db = freshDb();
    await loadDemo(db, NOW);
    const json = await exportJson(db, NOW);
    const before = await tables(db);
    const file = JSON.parse(json) as { tables: Tables };
    edit(file.tables);
    const error = await importError(db, JSON.stringify(file));
    expect(await tables(db)).toEqual(before);
    return error;
  }
  const account = (t: Tables, local: string) => {
    const i = t.accounts.findIndex((a) => String(a.email).startsWith(`${local}@`));
    return { i, row: t.accounts[i] as Row };
  };
  const profileOf = (t: Tables, local: string, kind = 'learn') => {
    const person = account(t, local).row.personId;
    const i = t.profiles.findIndex((p) => p.personId === person && p.kind === kind);
    return { i, row: t.profiles[i] as Row };
  };
  const linksOf = (t: Tables, local: string) => {
    const id = profileOf(t, local).row.id;
    return t.associations.filter((s) => s.profileId === id);
  };
  const assoc = (
    profileId: unknown,
    accountId: unknown,
    startedOn: string,
    endedOn: string | null,
  ) => ({
    id: crypto.randomUUID(),
    profileId,
    accountId,
    startedOn,
    endedOn,
    endReason: endedOn === null ? null : 'unlinked',
    pendingActionId: null,
  });

  it('a link for a user who never signed in', async () => {
    const e = await refused((t) => {
      const yuki = account(t, 'yuki').row;
      const profile = {
        id: 'yuki-learn',
        personId: yuki.personId,
        kind: 'learn',
        mcid: '1999999',
        label: 'y@outlook.example',
      };
      t.profiles.push(profile);
      t.associations.push(assoc(profile.id, yuki.id, day(-1), null));
    });
    expect(e.issues.map((i) => i.code)).toEqual(['NOT_SIGNED_IN']);
    expect(e.issues[0]?.path).toMatch(/^tables\.associations\.\d+\.startedOn$/);
    expect(e.message).toMatch(/had not signed in/);
  });

  it('one profile active on two accounts', async () => {
    const e = await refused((t) => {
      // Mei's link to company A, which her move to B ended, active again.
      const [toA] = linksOf(t, 'mei').filter((s) => s.endReason === 'moved');
      Object.assign(toA as Row, { endedOn: null, endReason: null });
    });
    expect(e.issues.map((i) => i.code)).toEqual(['PROFILE_LINKED_TWICE']);
    expect(e.issues[0]?.other).toMatch(/^tables\.associations\.\d+$/);
  });

  it('another person’s MCID: on a profile of theirs, or linked to one’s account', async () => {
    const shared = await refused((t) => {
      profileOf(t, 'ryo').row.mcid = profileOf(t, 'hana').row.mcid;
    });
    expect(shared.issues.map((i) => i.code)).toEqual(['MCID_SHARED']);
    expect(shared.issues[0]?.path).toMatch(/\.mcid$/);

    const linked = await refused((t) => {
      const [sora] = linksOf(t, 'sora');
      (sora as Row).profileId = profileOf(t, 'taro').row.id;
    });
    expect(linked.issues.map((i) => i.code)).toContain('NOT_OWN_PROFILE');
  });

  it('five starts in five days, with the day each limit allowed the next', async () => {
    const e = await refused((t) => {
      const [sora] = linksOf(t, 'sora');
      const { profileId, accountId } = sora as Row;
      t.associations = t.associations.filter((s) => s !== sora);
      for (let n = 0; n < 5; n += 1) {
        t.associations.push(assoc(profileId, accountId, day(-9 + n), n < 4 ? day(-9 + n) : null));
      }
    });
    expect(e.issues.map((i) => [i.code, i.date])).toEqual([
      ['COOL_OFF', day(-9 + 30)],
      ['COOL_OFF', day(-8 + 30)],
      ['YEARLY_LIMIT', addMonths(day(-9), 12)],
      ['YEARLY_LIMIT', addMonths(day(-8), 12)],
    ]);
  });

  it('an account created by a user who is not an admin', async () => {
    const e = await refused((t) => {
      account(t, 'yuki').row.createdBy = account(t, 'hana').row.id;
    });
    expect(e.issues.map((i) => i.code)).toEqual(['CREATOR_NOT_ADMIN']);
    expect(e.issues[0]?.path).toMatch(/^tables\.accounts\.\d+\.createdBy$/);
  });

  it('names the first 5 problems and counts the rest', async () => {
    const e = await refused((t) => {
      for (const a of t.accounts) a.firstSignInOn = null;
    });
    const links = 10; // every association of the demo starts on a signed-out account now
    expect(e.issues).toHaveLength(5);
    expect(e.total).toBe(links);
    expect(e.message).toMatch(/; and 5 more$/);
  });
});
