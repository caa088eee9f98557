/**
 * The page's first chunk opens the database ahead of Dexie (store/open-ahead):
 * it must create nothing, and must never stand in the way of Dexie's open or
 * of an update's new version.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meViewOf, myView, openDb, settingsOf, updateSettings } from '../../src/store';
import { homeKeysOf, openAhead, type HomeKeys } from '../../src/store/open-ahead';
import { addAchievement } from '../../src/store/ops-profile';
import { requestLink } from '../../src/store/ops-link';
import { NOW, TODAY, fixture, self } from './fixtures';

const names = async () => (await indexedDB.databases()).map((d) => d.name);
const opened = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(async () => {
  vi.useRealTimers();
  for (const name of await names()) if (name) indexedDB.deleteDatabase(name);
});

describe('openAhead', () => {
  it('creates no database where none exists, and Dexie then makes it from nothing', async () => {
    expect(await openAhead({ name: 'ahead-none' })).toBeNull();
    await opened();
    expect(await names()).not.toContain('ahead-none');
    const db = openDb('ahead-none');
    await db.open();
    expect(db.tables.length).toBeGreaterThan(0);
    db.close();
  });

  it('lets Dexie open beside it, and gives way at once to a newer version', async () => {
    const made = openDb('ahead-kept');
    await made.open();
    const version = made.verno;
    made.close();

    await openAhead({ name: 'ahead-kept', holdMs: 60_000 });
    await opened();
    const db = openDb('ahead-kept');
    await db.open();
    expect(db.verno).toBe(version);
    db.close();

    // An update's upgrade is not blocked by the connection held ahead.
    const blocked = vi.fn();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open('ahead-kept', version * 10 + 1);
      request.onblocked = blocked;
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    expect(upgraded).toBe(version * 10 + 1);
    expect(blocked).not.toHaveBeenCalled();
  });

  it('lets its connection go after the hold, with nothing asking for it', async () => {
    const made = openDb('ahead-held');
    await made.open();
    made.close();
    const close = vi.spyOn(IDBDatabase.prototype, 'close');
    await openAhead({ name: 'ahead-held', holdMs: 30 });
    await opened();
    expect(close).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });
});

/** The read ahead's answer (it must answer within 2 s). */
function answered<T>(read: Promise<T>): Promise<T> {
  return Promise.race([
    read,
    new Promise<never>((_, reject) => {
      setTimeout(() => {
        reject(new Error('the read ahead never answered'));
      }, 2_000);
    }),
  ]);
}

/**
 * Ann's account in A chosen in database `name` (closed again): both her
 * profiles, her Learn profile linked to it with one achievement.
 */
async function annInA(name: string, language: 'ja' | null = null) {
  const f = await fixture(openDb(name));
  await addAchievement(f.db, {
    profileId: f.learn.id,
    code: 'AZ-900',
    title: 'Azure Fundamentals',
    kind: 'certification',
    completedOn: '2026-11-01',
  });
  await requestLink(f.db, self(f.annA, f.learn), NOW);
  await updateSettings(f.db, { currentAccountId: f.annA.id, language });
  f.db.close();
  return f;
}

describe('openAhead: home\u2019s rows', () => {
  it('reads the hinted account\u2019s rows, and the view made of them is myView\u2019s', async () => {
    const f = await annInA('ahead-rows', 'ja');

    const rows = await answered(openAhead({ name: 'ahead-rows', accountId: f.annA.id }));
    expect(rows).not.toBeNull();
    if (!rows) return;
    expect(settingsOf(rows.settings)).toMatchObject({
      currentAccountId: f.annA.id,
      language: 'ja',
    });
    expect(rows.profiles.map((p) => p.id).sort()).toEqual([f.learn.id, f.annPu.id].sort());
    expect(rows.achievements).toHaveLength(1);
    expect(rows.links).toHaveLength(1);
    const db = openDb('ahead-rows');
    const view = meViewOf({ ...rows, others: new Map() }, TODAY);
    expect(view?.activeLinks.learn?.profile.id).toBe(f.learn.id);
    expect(view).toEqual(await myView(db, f.annA.id, TODAY));
    db.close();
  });

  it('makes no view where a profile is linked to an account it did not read', async () => {
    const f = await fixture(openDb('ahead-other'));
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    f.db.close();
    // Seen from Ann's account in B, her MCID is linked to her account in A.
    const rows = await answered(openAhead({ name: 'ahead-other', accountId: f.annB.id }));
    expect(rows?.account.id).toBe(f.annB.id);
    if (!rows) return;
    expect(meViewOf({ ...rows, others: new Map() }, TODAY)).toBeNull();
    const db = openDb('ahead-other');
    const view = await myView(db, f.annB.id, TODAY);
    expect(view?.profiles[0]?.activeLink?.account?.id).toBe(f.annA.id);
    db.close();
  });

  it('reads nothing for an unknown account, or from a database at another version', async () => {
    const f = await fixture(openDb('ahead-unknown'));
    f.db.close();
    expect(await answered(openAhead({ name: 'ahead-unknown', accountId: 'nobody' }))).toBeNull();

    // No database at all: it answers (with nothing) and still creates none.
    expect(await answered(openAhead({ name: 'ahead-missing', accountId: 'a1' }))).toBeNull();
    expect(await names()).not.toContain('ahead-missing');

    // A version 5 database (what an older app left): Dexie upgrades it before anything reads.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('ahead-v5', 50);
      request.onupgradeneeded = () => {
        // Every store the read asks for, so only the version stops it.
        const made = request.result;
        made.createObjectStore('settings', { keyPath: 'key' });
        made
          .createObjectStore('accounts', { keyPath: 'id' })
          .put({ id: 'a1', orgId: 'o1', personId: 'p1' });
        made.createObjectStore('organizations', { keyPath: 'id' });
        made.createObjectStore('people', { keyPath: 'id' });
        made.createObjectStore('profiles', { keyPath: 'id' }).createIndex('personId', 'personId');
        for (const name of ['associations', 'achievements']) {
          made.createObjectStore(name, { keyPath: 'id' }).createIndex('profileId', 'profileId');
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    expect(await answered(openAhead({ name: 'ahead-v5', accountId: 'a1' }))).toBeNull();
  });
});

/**
 * The order of the reads' requests and answers: every get and getAll, of
 * stores and of indexes, as IndexedDB is asked and answers.
 */
function watchRequests(): { log: ('ask' | 'answer')[]; stop: () => void } {
  const log: ('ask' | 'answer')[] = [];
  const patched: [object, string, unknown][] = [];
  const wrap = (proto: object, name: 'get' | 'getAll') => {
    const real = Reflect.get(proto, name) as (this: unknown, ...args: unknown[]) => IDBRequest;
    patched.push([proto, name, real]);
    Reflect.set(proto, name, function (this: unknown, ...args: unknown[]) {
      const request = real.apply(this, args);
      log.push('ask');
      request.addEventListener('success', () => {
        log.push('answer');
      });
      return request;
    });
  };
  wrap(IDBObjectStore.prototype, 'get');
  wrap(IDBObjectStore.prototype, 'getAll');
  wrap(IDBIndex.prototype, 'getAll');
  return {
    log,
    stop: () => {
      for (const [proto, name, real] of patched) Reflect.set(proto, name, real);
    },
  };
}

/** How many times the read waited for answers before asking again. */
const rounds = (log: readonly string[]) =>
  log.filter((entry, i) => entry === 'ask' && log[i - 1] === 'answer').length + 1;

describe('openAhead: home\u2019s rows by the last visit\u2019s keys', () => {
  /** Ann in A, with both her profiles, a link and an achievement; her keys as a read finds them. */
  async function annWithData(name: string) {
    const f = await annInA(name);
    const rows = await answered(openAhead({ name, accountId: f.annA.id }));
    if (!rows) throw new Error('no rows');
    return { f, rows, keys: homeKeysOf(rows) };
  }

  it('names the account, its organization and person, and every profile in id order', async () => {
    const { f, keys } = await annWithData('ahead-keys');
    expect(keys).toEqual({
      accountId: f.annA.id,
      orgId: f.orgA.id,
      personId: f.annA.personId,
      profileIds: [f.learn.id, f.annPu.id].sort(),
    });
  });

  it('asks for everything at once where the keys hold, in three rounds without them', async () => {
    const { f, rows, keys } = await annWithData('ahead-one-round');
    const watched = watchRequests();
    try {
      expect(
        await answered(openAhead({ name: 'ahead-one-round', accountId: f.annA.id, keys })),
      ).toEqual(rows);
      // settings, account, organization, person, profiles, and per profile its links and achievements.
      expect(watched.log.filter((e) => e === 'ask')).toHaveLength(9);
      expect(rounds(watched.log)).toBe(1);
      watched.log.length = 0;
      await answered(openAhead({ name: 'ahead-one-round', accountId: f.annA.id }));
      expect(rounds(watched.log)).toBe(3);
    } finally {
      watched.stop();
    }
  });

  it('reads the same rows as without keys whatever the keys say', async () => {
    const { f, rows, keys } = await annWithData('ahead-stale');
    const stale: HomeKeys[] = [
      { ...keys, accountId: f.annB.id },
      { ...keys, orgId: f.orgB.id },
      { ...keys, personId: f.benA.personId },
      { ...keys, profileIds: [f.learn.id] },
      { ...keys, profileIds: [...keys.profileIds, f.pu.id] },
      { ...keys, profileIds: [...keys.profileIds].reverse() },
      { ...keys, profileIds: [] },
      { accountId: f.annA.id, orgId: 'gone', personId: 'gone', profileIds: ['gone'] },
    ];
    for (const wrong of stale) {
      expect(
        await answered(openAhead({ name: 'ahead-stale', accountId: f.annA.id, keys: wrong })),
        JSON.stringify(wrong),
      ).toEqual(rows);
    }
    // Keys for an account that is gone: nothing, as without them.
    expect(
      await answered(
        openAhead({
          name: 'ahead-stale',
          accountId: 'nobody',
          keys: { ...keys, accountId: 'nobody' },
        }),
      ),
    ).toBeNull();
  });
});
