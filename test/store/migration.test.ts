import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { onVersionChange, openDb, openDbV1, type OutboxEntry } from '../../src/store';
import { deriveAll } from '../../src/store/org-derived';
import { DEFAULT_SETTINGS } from './fixtures';

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
    expect(db.verno).toBe(5);

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
    // Version 5 derived what the organization's screens read from the migrated rows.
    const derived = deriveAll({
      accounts: await db.accounts.toArray(),
      associations: await db.associations.toArray(),
      achievements: await db.achievements.toArray(),
      profiles: await db.profiles.toArray(),
    });
    expect(derived.reports.length).toBeGreaterThan(0);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await db.reportRows.toArray()).toEqual([...derived.reports].sort(byId));
    expect(await db.orgUsers.toArray()).toEqual([...derived.users].sort(byId));
    expect(await db.reportCounts.count()).toBe(derived.counts.length);
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
    newer.version(6).stores({ settings: 'key', extra: 'id' });
    await newer.open();
    expect(seen).toEqual([6]);
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
    newer.version(6).stores({ settings: 'key' });
    await newer.open();
    expect(calls).toBe(0);
    newer.close();
    db.close();
  });
});
