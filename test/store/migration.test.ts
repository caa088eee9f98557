import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { onVersionChange, openDb, openDbV1, type OutboxEntry } from '../../src/store';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
} from '../../src/store/db';
import { derivedRows, userOrderOf } from '../../src/store/org-derived';
import { DEFAULT_SETTINGS } from './fixtures';

/** The schema each version left, by version (index 0: version 1). */
const schemaAt = [
  SCHEMA_V1,
  { ...SCHEMA_V1, ...SCHEMA_V2 },
  { ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3 },
  { ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3, ...SCHEMA_V4 },
  { ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3, ...SCHEMA_V4, ...SCHEMA_V5 },
  { ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3, ...SCHEMA_V4, ...SCHEMA_V5, ...SCHEMA_V6 },
] as const;

/** A populated version-1 database, written with the real v1 schema. */
async function populateV1(name: string) {
  const v1 = openDbV1(name);
  await v1.organizations.add({
    id: 'o1',
    name: 'Contoso',
    domains: ['Contoso.Example', 'contoso.example'],
  });
  await v1.people.add({ id: 'p1', displayName: 'Ann' });
  await v1.accounts.bulkAdd([
    {
      id: 'a1',
      orgId: 'o1',
      personId: 'p1',
      displayName: 'Ann',
      email: ' Ann@Contoso.example',
      roles: ['global-admin'],
      createdBy: null,
      createdOn: '2025-01-01',
      firstSignInOn: '2025-01-02',
      deletedOn: null,
    },
  ]);
  await v1.profiles.add({ id: 'l1', personId: 'p1', kind: 'learn', mcid: '1234567', label: 'ann' });
  await v1.achievements.add({
    id: 'x1',
    profileId: 'l1',
    code: 'AZ-900',
    title: 'Azure Fundamentals',
    kind: 'certification',
    completedOn: '2025-03-01',
  });
  await v1.associations.add({
    id: 's1',
    profileId: 'l1',
    accountId: 'a1',
    startedOn: '2025-02-01',
    endedOn: null,
    endReason: null,
    pendingActionId: 'e1',
  });
  const entry: OutboxEntry = {
    id: 'e1',
    seq: 1,
    type: 'link',
    actorAccountId: 'a1',
    accountId: 'a1',
    profile: { kind: 'learn', id: 'l1', mcid: '1234567' },
    requestedAt: '2025-02-01T00:00:00.000Z',
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    code: null,
    nextAllowedOn: null,
    effect: { createdAssociationId: 's1', ended: [] },
    settledAt: null,
  };
  await v1.outbox.add(entry);
  await v1.settings.put({
    key: 'device',
    language: 'ja',
    currentAccountId: 'a1',
    remote: { kind: 'embedded' },
    embeddedOffline: false,
    embeddedDelayMs: 0,
  });
  const tables = Object.fromEntries(
    await Promise.all(v1.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
  expect(v1.verno).toBe(1);
  v1.close();
  return tables;
}

describe('schema v1 → v2', () => {
  it('keeps every row, applies the transform and adds the new table and index', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const before = await populateV1(name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(7);

    for (const [table, rows] of Object.entries(before)) {
      expect(await db.table(table).count(), table).toBe(rows.length);
    }
    expect(await db.people.toArray()).toEqual(before.people);
    expect(await db.profiles.toArray()).toEqual(before.profiles);
    expect(await db.achievements.toArray()).toEqual(before.achievements);
    expect(await db.associations.toArray()).toEqual(before.associations);
    expect(await db.settings.toArray()).toEqual(before.settings);
    // The transform: lower-case, de-duplicated domains and emails; outbox gains dismissedAt.
    expect(await db.organizations.get('o1')).toEqual({
      id: 'o1',
      name: 'Contoso',
      domains: ['contoso.example'],
    });
    expect((await db.accounts.get('a1'))?.email).toBe('ann@contoso.example');
    expect(await db.outbox.get('e1')).toEqual({
      ...(before.outbox?.[0] as object),
      dismissedAt: null,
    });
    // The new index finds the migrated account; the new table is there and empty.
    expect(
      await db.accounts.where('[orgId+email]').equals(['o1', 'ann@contoso.example']).count(),
    ).toBe(1);
    expect(await db.catalog.count()).toBe(0);
    // Version 7 derived what the organization's screens read from the migrated rows.
    const derived = derivedRows({
      accounts: await db.accounts.toArray(),
      associations: await db.associations.toArray(),
      achievements: await db.achievements.toArray(),
      profiles: await db.profiles.toArray(),
    });
    expect(derived.reportDays.length).toBeGreaterThan(0);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    expect(await db.reportDays.toArray()).toEqual([...derived.reportDays].sort(byKey));
    expect(await db.userLeaves.toArray()).toEqual([...derived.userLeaves].sort(byKey));
    expect(await db.userDirs.toArray()).toEqual([...derived.userDirs].sort(byKey));
    expect(await db.reportCounts.count()).toBe(derived.reportCounts.length);
    db.close();
  });
});

describe('version 5 to 7', () => {
  it("drops the row-per-achievement report and derives the days and the users' leaves", async () => {
    const name = `t-${crypto.randomUUID()}`;
    // A database as version 5 left it: the sources and its report rows.
    const v5 = new Dexie(name);
    v5.version(5).stores(schemaAt[4]);
    const account = {
      id: 'a1',
      orgId: 'o1',
      personId: 'p1',
      displayName: 'Ann',
      email: 'ann@contoso.example',
      roles: [],
      createdBy: null,
      createdOn: '2025-01-01',
      firstSignInOn: '2025-01-02',
      deletedOn: null,
    };
    await v5.table('accounts').add(account);
    await v5
      .table('profiles')
      .add({ id: 'l1', personId: 'p1', kind: 'learn', mcid: '1', label: '' });
    await v5.table('achievements').bulkAdd(
      ['2025-03-01', '2025-03-01', '2025-04-10'].map((completedOn, i) => ({
        id: `x${i}`,
        profileId: 'l1',
        code: `AZ-90${i}`,
        title: 'Exam',
        kind: 'certification',
        completedOn,
      })),
    );
    await v5.table('associations').add({
      id: 's1',
      profileId: 'l1',
      accountId: 'a1',
      startedOn: '2025-02-01',
      endedOn: null,
      endReason: null,
      pendingActionId: null,
    });
    await v5.table('reportRows').add({ id: 'stale', orgId: 'o1' });
    v5.close();

    const db = openDb(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('reportRows');
    const derived = derivedRows({
      accounts: await db.accounts.toArray(),
      associations: await db.associations.toArray(),
      achievements: await db.achievements.toArray(),
      profiles: await db.profiles.toArray(),
    });
    // Two credit days, one holding two rows; the lists "all", "active" and the account's state.
    expect(derived.reportDays.map((d) => d.rows.length)).toEqual([2, 1]);
    expect(await db.reportDays.toArray()).toEqual(derived.reportDays);
    expect(await db.reportCounts.toArray()).toEqual(derived.reportCounts);
    expect(await db.userLeaves.toArray()).toEqual(derived.userLeaves);
    expect(await db.userDirs.toArray()).toEqual([
      {
        key: 'o1',
        leaves: [
          {
            first: userOrderOf(account),
            n: { all: 1, active: 1, 'learn-linked': 1, 'signed-in': 1 },
          },
        ],
      },
    ]);
    db.close();
  });
});

describe('version 6 to 7', () => {
  it("drops the record per account and the lists' counts, and cuts the users into leaves", async () => {
    const name = `t-${crypto.randomUUID()}`;
    // A database as version 6 left it: sources, and users rows and counts of its own layout.
    const v6 = new Dexie(name);
    v6.version(6).stores(schemaAt[5]);
    const accounts = ['Ann', 'Bo', 'Cy'].map((displayName, i) => ({
      id: `a${i}`,
      orgId: 'o1',
      personId: `p${i}`,
      displayName,
      email: `${displayName.toLowerCase()}@contoso.example`,
      roles: [],
      createdBy: null,
      createdOn: '2025-01-01',
      firstSignInOn: i === 2 ? null : '2025-01-02',
      deletedOn: i === 1 ? '2025-06-01' : null,
    }));
    await v6.table('accounts').bulkAdd(accounts);
    await v6.table('orgUsers').add({ id: 'a0', lists: ['o1\u0000all\u0000ann\u0000a0'] });
    await v6.table('userCounts').add({ key: 'o1\u0000all', orgId: 'o1', list: 'all', n: 1 });
    v6.close();

    const db = openDb(name);
    await db.open();
    const names = db.tables.map((t) => t.name);
    expect(names).not.toContain('orgUsers');
    expect(names).not.toContain('userCounts');
    const leaves = await db.userLeaves.toArray();
    expect(leaves.flatMap((l) => l.rows.map((r) => r.id))).toEqual(['a0', 'a1', 'a2']);
    const [dir] = await db.userDirs.toArray();
    const count = (list: string) =>
      dir?.leaves.reduce((n, l) => n + (l.n[list as keyof typeof l.n] ?? 0), 0);
    expect([count('all'), count('active'), count('deleted'), count('never-signed-in')]).toEqual([
      3, 2, 1, 1,
    ]);
    db.close();
  });
});

describe('versionchange', () => {
  it('closes the old connection and tells the app, so a newer version can open', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const db = openDb(name);
    await db.settings.put(DEFAULT_SETTINGS);
    const seen: (number | null)[] = [];
    onVersionChange(db, ({ newVersion }) => seen.push(newVersion));

    // A newer tab (or the service worker) upgrades the same database.
    const newer = new Dexie(name);
    newer.version(8).stores({ settings: 'key', extra: 'id' });
    await newer.open();
    expect(seen).toEqual([8]);
    expect(db.isOpen()).toBe(false);
    // No silent reopen against the old schema: later calls fail loudly.
    await expect(db.settings.count()).rejects.toThrow();
    newer.close();
  });

  it('the unsubscribe function stops the callback', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const db = openDb(name);
    await db.open();
    let calls = 0;
    const stop = onVersionChange(db, () => calls++);
    stop();
    const newer = new Dexie(name);
    newer.version(7).stores({ settings: 'key' });
    await newer.open();
    expect(calls).toBe(0);
    newer.close();
    db.close();
  });
});

describe('every older version opens at the current one', () => {
  /** Tables and their indexes as IndexedDB holds them (not as Dexie declares them). */
  async function installed(name: string) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    const names = [...db.objectStoreNames].sort();
    const tx = db.transaction(names, 'readonly');
    const shape = Object.fromEntries(
      names.map((n) => {
        const store = tx.objectStore(n);
        return [n, { key: store.keyPath, indexes: [...store.indexNames].sort() }];
      }),
    );
    db.close();
    return { version: db.version, shape };
  }

  it.each([1, 2, 3, 4, 5, 6])(
    'a version %i database ends with the schema of a new one, its rows kept',
    async (version) => {
      const fresh = `t-${crypto.randomUUID()}`;
      const made = openDb(fresh);
      await made.open();
      made.close();
      // Every table any version made, but those a later version dropped.
      const every = { ...schemaAt[5], ...SCHEMA_V7 };
      const kept = Object.keys(every).filter((t) => every[t as keyof typeof every] !== null);
      expect(Object.keys((await installed(fresh)).shape)).toEqual(kept.sort());

      const name = `t-${crypto.randomUUID()}`;
      // As the app of that version left it: only its own version declared.
      const old = new Dexie(name);
      old.version(version).stores(schemaAt[version - 1] ?? {});
      await old.table('people').add({ id: 'p1', displayName: 'Ann' });
      await old.table('settings').put({ ...DEFAULT_SETTINGS, currentAccountId: null });
      old.close();

      const db = openDb(name);
      await db.open();
      expect(await db.people.get('p1')).toEqual({ id: 'p1', displayName: 'Ann' });
      expect((await db.settings.get('device'))?.currentAccountId).toBeNull();
      db.close();
      expect(await installed(name)).toEqual(await installed(fresh));
    },
  );
});
