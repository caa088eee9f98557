import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createAppState, type AppState } from '../../src/state/app-state';
import { liveSignal } from '../../src/state/live';
import { openDb, type AppDb, type HomeRows } from '../../src/store';
import { type DemoAccounts } from '../../src/store/demo';
import { meData } from '../../src/ui/screens/individual/use-me-data';

const NOW = new Date('2026-11-25T09:00:00Z');

/** Lets promise callbacks already settled run (a few microtask hops, no task). */
async function ticks(n = 8): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/** Resolves once `read()` passes `check`, re-checking as signals change. */
function until<T>(read: () => T, check: (value: T) => boolean, ms = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; last value: ${JSON.stringify(read())}`));
    }, ms);
    const stop = effect(() => {
      const value = read();
      if (check(value)) {
        clearTimeout(timer);
        queueMicrotask(() => {
          stop();
        });
        resolve(value);
      }
    });
  });
}

/** Every account `app.me` showed (null: none) until it shows `accountId`. */
async function shownUntil(app: AppState, accountId: string): Promise<(string | null)[]> {
  const seen: (string | null)[] = [];
  const stop = effect(() => {
    seen.push(app.me.value?.account.id ?? null);
  });
  await until(
    () => app.me.value?.account.id,
    (id) => id === accountId,
  );
  stop();
  return seen;
}

async function demoState(options: { onQueued?: () => void } = {}) {
  const db = openDb(`t-${crypto.randomUUID()}`);
  const persist = vi.fn(() => Promise.resolve('granted' as const));
  const app = createAppState(db, { now: () => NOW, persist, ...options });
  const loaded = await app.loadDemo();
  expect(loaded.ok).toBe(true);
  const ids = JSON.parse(JSON.stringify(await db.settings.get('device'))) as {
    currentAccountId: string;
  };
  return { db, app, persist, hana: ids.currentAccountId };
}

async function idsOf(db: AppDb): Promise<Partial<DemoAccounts>> {
  const byEmail = async (email: string) =>
    (await db.accounts.where('email').equals(email).first())?.id;
  return {
    sora: await byEmail('sora@contoso.example'),
    adminA: await byEmail('admin@contoso.example'),
  };
}

function learnId(app: AppState): string {
  const id = app.me.value?.profiles.find((p) => p.profile.kind === 'learn')?.profile.id;
  if (!id) throw new Error('no learn profile in view');
  return id;
}

describe('liveSignal', () => {
  it('follows a query and stops after dispose', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const count = liveSignal(() => db.people.count(), -1);
    expect(count.value).toBe(-1);
    await until(
      () => count.value,
      (n) => n === 0,
    );
    expect(count.ready.value).toBe(true);
    await db.people.add({ id: 'p1', displayName: 'A' });
    await until(
      () => count.value,
      (n) => n === 1,
    );
    count.dispose();
    await db.people.add({ id: 'p2', displayName: 'B' });
    await new Promise((r) => setTimeout(r, 50));
    expect(count.value).toBe(1);
  });

  it('keeps the error of a failing query', async () => {
    const broken = liveSignal(() => Promise.reject(new Error('nope')), 'initial');
    await until(() => broken.ready.value, Boolean);
    expect(broken.value).toBe('initial');
    expect(broken.error.value).toBeInstanceOf(Error);
    broken.dispose();
  });

  it('takes `first` if it comes before the query\u2019s answer, which then replaces it', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const count = liveSignal(() => db.people.count(), -1, { first: Promise.resolve({ value: 7 }) });
    await ticks();
    expect(count.value).toBe(7);
    expect(count.ready.value).toBe(true);
    await until(
      () => count.value,
      (n) => n === 0,
    );
    count.dispose();

    // Coming after the query's answer, it is ignored.
    let late: (first: { value: number }) => void = () => undefined;
    const later = liveSignal(() => db.people.count(), -1, {
      first: new Promise((resolve) => {
        late = resolve;
      }),
    });
    await until(() => later.ready.value, Boolean);
    late({ value: 7 });
    await ticks();
    expect(later.value).toBe(0);
    later.dispose();
  });

  it('sees a write made through another connection (another tab)', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const here = openDb(name);
    const otherTab = openDb(name);
    const people = liveSignal(() => here.people.toArray(), []);
    await until(() => people.ready.value, Boolean);
    await otherTab.people.add({ id: 'p1', displayName: 'From the other tab' });
    const seen = await until(
      () => people.value,
      (rows) => rows.length === 1,
    );
    expect(seen[0]?.displayName).toBe('From the other tab');
    people.dispose();
  });
});

describe('createAppState', () => {
  it('me follows the chosen account and updates after an action', async () => {
    const { app, hana } = await demoState();
    const view = await until(
      () => app.me.value,
      (v) => v?.account.id === hana,
    );
    expect(app.meReady.value).toBe(true);
    expect(view?.activeLinks.learn).not.toBeNull();
    const result = await app.requestUnlink({
      actorAccountId: hana,
      accountId: hana,
      profileId: learnId(app),
    });
    expect(result.ok).toBe(true);
    await until(
      () => app.me.value?.activeLinks.learn,
      (l) => l === null,
    );
    await until(
      () => app.queuedCount.value,
      (n) => n === 1,
    );
    app.dispose();
  });

  it('with the hint’s account, reads its view beside the settings and gives it once they name it', async () => {
    const { db, app: first, hana } = await demoState();
    first.dispose();
    const { sora } = await idsOf(db);
    if (!sora) throw new Error('no Sora in the demo');

    // The hint names the chosen account: the same view as without a hint.
    const hinted = createAppState(db, { now: () => NOW, expectedAccountId: hana });
    expect(hinted.me.value).toBeNull();
    expect(hinted.meReady.value).toBe(false);
    await until(
      () => hinted.me.value?.account.id,
      (id) => id === hana,
    );
    expect(hinted.meReady.value).toBe(true);
    hinted.dispose();

    // A stale hint (another account) is never shown: the settings decide.
    const stale = createAppState(db, { now: () => NOW, expectedAccountId: sora });
    expect(await shownUntil(stale, hana)).not.toContain(sora);
    stale.dispose();

    // Nobody chosen: ready with no view, whatever the hint said.
    await db.settings.update('device', { currentAccountId: null });
    const nobody = createAppState(db, { now: () => NOW, expectedAccountId: hana });
    await until(
      () => nobody.meReady.value,
      (ready) => ready,
    );
    expect(nobody.me.value).toBeNull();
    nobody.dispose();
  });

  it('with the rows read ahead, starts with home\u2019s view made of them, then its live query\u2019s', async () => {
    const { db, app: first, hana } = await demoState();
    first.dispose();
    const { sora } = await idsOf(db);
    if (!sora) throw new Error('no Sora in the demo');
    const rowsOf = async (accountId: string): Promise<HomeRows> => {
      const account = await db.accounts.get(accountId);
      if (!account) throw new Error(`no account ${accountId}`);
      const profiles = await db.profiles.where('personId').equals(account.personId).toArray();
      const ids = profiles.map((p) => p.id);
      return {
        settings: await db.settings.get('device'),
        account,
        org: await db.organizations.get(account.orgId),
        person: await db.people.get(account.personId),
        profiles,
        links: await db.associations.where('profileId').anyOf(ids).toArray(),
        achievements: await db.achievements.where('profileId').anyOf(ids).toArray(),
      };
    };
    const rows = await rowsOf(hana);
    // Marked, so the view shown first is seen to be the one made of these rows.
    rows.account = { ...rows.account, displayName: 'Read ahead' };
    const seeded = createAppState(db, {
      now: () => NOW,
      expectedAccountId: hana,
      homeRows: Promise.resolve(rows),
    });
    await ticks();
    expect(seeded.settings.ready.value).toBe(true);
    expect(seeded.meReady.value).toBe(true);
    expect(seeded.me.value?.account.displayName).toBe('Read ahead');
    const fresh = await until(
      () => seeded.me.value?.account.displayName,
      (name) => name !== 'Read ahead',
    );
    expect(fresh).toBe((await db.accounts.get(hana))?.displayName);
    seeded.dispose();

    // Rows of an account the settings do not name are never shown.
    const stale = createAppState(db, {
      now: () => NOW,
      expectedAccountId: sora,
      homeRows: rowsOf(sora),
    });
    expect(await shownUntil(stale, hana)).not.toContain(sora);
    stale.dispose();

    // Rows that come after the live query's answer are not shown.
    let late: (rows: HomeRows) => void = () => undefined;
    const slow = createAppState(db, {
      now: () => NOW,
      expectedAccountId: hana,
      homeRows: new Promise((resolve) => {
        late = resolve;
      }),
    });
    const real = await until(
      () => slow.me.value?.account.displayName,
      (name) => name !== undefined,
    );
    late(rows);
    await ticks();
    expect(slow.me.value?.account.displayName).toBe(real);
    expect(real).not.toBe('Read ahead');
    slow.dispose();
  });

  it('a refusal comes back as a result with its code and date, and nothing is queued', async () => {
    const onQueued = vi.fn();
    const { app, db } = await demoState({ onQueued });
    const { sora } = await idsOf(db);
    if (!sora) throw new Error('demo has no Sora');
    expect((await app.setCurrentAccount(sora)).ok).toBe(true);
    await until(
      () => app.me.value?.account.id,
      (id) => id === sora,
    );
    const req = { actorAccountId: sora, accountId: sora, profileId: learnId(app) };
    expect(await app.previewLink('link', req)).toEqual({
      ok: true,
      value: { ok: false, code: 'COOL_OFF', nextAllowedOn: '2026-12-13' },
    });
    expect(await app.requestLink(req)).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-13',
    });
    expect(onQueued).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(0);
    app.dispose();
  });

  it('calls onQueued after a queued action and asks for persistence once', async () => {
    const onQueued = vi.fn();
    const { app, hana, persist } = await demoState({ onQueued });
    await until(
      () => app.me.value,
      (v) => v !== null,
    );
    const profileId = learnId(app);
    await app.requestUnlink({ actorAccountId: hana, accountId: hana, profileId });
    expect(onQueued).toHaveBeenCalledTimes(1);
    await app.requestUnlink({ actorAccountId: hana, accountId: hana, profileId });
    expect(onQueued).toHaveBeenCalledTimes(1); // NOT_LINKED: nothing queued
    expect(persist).toHaveBeenCalledTimes(1);
    app.dispose();
  });

  it('choosing an account records no sign-in for it; the person’s own "this is me" does', async () => {
    const { app, db } = await demoState();
    const yuki = await db.accounts.where('email').equals('yuki@contoso.example').first();
    if (!yuki) throw new Error('no Yuki in the demo');
    expect(yuki.firstSignInOn).toBeNull();
    const users = app.orgUsersPage(yuki.orgId, { text: 'yuki', state: 'all' }, 0, 50);
    const stateOf = () => {
      const found = users.value?.users.find((u) => u.account.id === yuki.id);
      if (!found) return undefined;
      return found.account.firstSignInOn === null ? 'never-signed-in' : 'signed-in';
    };
    const data = meData(app);
    expect((await data.chooseAccount(yuki.id)).ok).toBe(true);
    await until(
      () => app.settings.value?.currentAccountId,
      (id) => id === yuki.id,
    );
    // The admin's "no response" stays: holding the device is not being Yuki.
    expect((await db.accounts.get(yuki.id))?.firstSignInOn).toBeNull();
    expect(await until(stateOf, (s) => s !== undefined)).toBe('never-signed-in');
    expect((await data.confirmSelf()).ok).toBe(true);
    expect((await db.accounts.get(yuki.id))?.firstSignInOn).toBe('2026-11-25');
    await until(stateOf, (s) => s === 'signed-in');
    app.dispose();
  });

  it('admin actions: add a user (refusals as codes), delete one; the users page follows', async () => {
    const { app, db } = await demoState();
    const { adminA } = await idsOf(db);
    const orgId = (await db.accounts.get(adminA ?? ''))?.orgId ?? '';
    const everyone = { text: '', state: 'all' } as const;
    const users = app.orgUsersPage(orgId, everyone, 0, 100);
    expect(app.orgUsersPage(orgId, { ...everyone }, 0, 100)).toBe(users);
    expect(app.orgUsersPage(orgId, everyone, 1, 100)).not.toBe(users);
    const before =
      (
        await until(
          () => users.value,
          (u) => u !== null,
        )
      )?.total ?? 0;
    const input = {
      actorAccountId: adminA ?? '',
      orgId,
      displayName: 'New',
      email: 'new@fabrikam.example',
    };
    expect(await app.addUser(input)).toEqual({ ok: false, code: 'EMAIL_DOMAIN' });
    const added = await app.addUser({ ...input, email: 'new@contoso.example' });
    if (!added.ok) throw new Error(added.code);
    await until(
      () => users.value?.total,
      (n) => n === before + 1,
    );
    expect(users.value?.everyone).toBe(before + 1);
    expect((await app.deleteUser(adminA ?? '', added.value.id)).ok).toBe(true);
    await until(
      () => users.value?.users.find((u) => u.account.id === added.value.id)?.account.deletedOn,
      (on) => on === '2026-11-25',
    );
    const report = app.reportPage(
      orgId,
      { text: '', status: 'all', sort: 'countsFrom', dir: 'asc' },
      0,
      50,
    );
    await until(
      () => report.value,
      (page) => (page?.rows.length ?? 0) > 0,
    );
    app.dispose();
  });

  it('the whole report for the designations follows a change, read in chunks', async () => {
    const { app, db } = await demoState();
    const { adminA } = await idsOf(db);
    const orgId = (await db.accounts.get(adminA ?? ''))?.orgId ?? '';
    const rows = app.reportRows(orgId);
    const stop = rows.subscribe(() => undefined);
    const before =
      (
        await until(
          () => rows.value,
          (r) => r !== null,
        )
      )?.length ?? 0;
    expect(before).toBeGreaterThan(0);
    const counts = await until(
      () =>
        app.reportPage(orgId, { text: '', status: 'all', sort: 'name', dir: 'asc' }, 0, 25).value,
      (p) => p !== null,
    );
    expect(counts?.total).toBe(before);
    // A new certification on a linked profile of the organization adds a row.
    const ours = new Set(
      (await db.accounts.where('orgId').equals(orgId).toArray()).map((a) => a.id),
    );
    const linked = await db.associations
      .filter((a) => a.endedOn === null && ours.has(a.accountId))
      .first();
    if (!linked) throw new Error('no open link in the demo organization');
    await db.achievements.add({
      id: 'new-cert',
      profileId: linked.profileId,
      code: 'AZ-900',
      title: 'AZ-900 exam',
      kind: 'certification',
      completedOn: '2026-11-20',
    });
    await until(
      () => rows.value?.length,
      (n) => n === before + 1,
    );
    stop();
    app.dispose();
  });

  it('settings: language, reset signs out and keeps the language; export → import', async () => {
    const { app, db } = await demoState();
    await app.setLanguage('ja');
    await until(
      () => app.settings.value?.language,
      (l) => l === 'ja',
    );
    const exported = await app.exportJson();
    if (!exported.ok) throw new Error(exported.code);
    expect((await app.reset()).ok).toBe(true);
    await until(
      () => app.me.value,
      (v) => v === null,
    );
    expect(await db.accounts.count()).toBe(0);
    expect(app.settings.value?.language).toBe('ja');
    const imported = await app.importFile(new Blob([exported.value]));
    expect(imported.ok && imported.value > 0).toBe(true);
    expect(await db.accounts.count()).toBe(11);
    const bad = await app.importJson('{"format":"mcid-link-export","version":9}');
    expect(bad).toMatchObject({ ok: false, code: 'IMPORT_INVALID' });
    expect(bad.ok ? '' : bad.issues?.[0]?.reason).toMatch(/newer version/);
    app.dispose();
  });

  it('catalog: null until saved, then the stored text; an empty one is refused', async () => {
    const { app } = await demoState();
    await until(() => app.catalog.ready.value, Boolean);
    expect(app.catalog.value).toBeNull();
    expect(await app.saveCatalog('{"designations":[]}', true)).toEqual({
      ok: true,
      value: undefined,
    });
    await until(
      () => app.catalog.value?.json,
      (json) => json === '{"designations":[]}',
    );
    expect(await app.saveCatalog('', false)).toEqual({ ok: false, code: 'INVALID_INPUT' });
    app.dispose();
  });
});

describe('replacing the data', () => {
  it('tells the embedded Partner Center after demo, reset and import, and not after a plain write', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const onDataReplaced = vi.fn(() => Promise.resolve());
    const app = createAppState(db, { now: () => NOW, onDataReplaced });
    expect((await app.loadDemo()).ok).toBe(true);
    expect(onDataReplaced).toHaveBeenCalledTimes(1);
    const exported = await app.exportJson();
    if (!exported.ok) throw new Error('export failed');
    await app.updateSettings({ embeddedDelayMs: 10 });
    expect(onDataReplaced).toHaveBeenCalledTimes(1);
    expect((await app.reset()).ok).toBe(true);
    expect(onDataReplaced).toHaveBeenCalledTimes(2);
    expect((await app.importJson(exported.value)).ok).toBe(true);
    expect(onDataReplaced).toHaveBeenCalledTimes(3);
    expect((await app.importJson('{not json')).ok).toBe(false);
    expect(onDataReplaced).toHaveBeenCalledTimes(3);
    app.dispose();
  });
});

describe('import progress', () => {
  it('goes reading → checking → writing up to every row, and is cleared after, also after a refusal', async () => {
    const { app } = await demoState();
    const exported = await app.exportJson();
    if (!exported.ok) throw new Error('export failed');
    const steps: unknown[] = [];
    const stop = effect(() => {
      steps.push(app.importProgress.value);
    });
    const imported = await app.importFile(new Blob([exported.value]));
    expect(imported.ok).toBe(true);
    const total = imported.ok ? imported.value : -1;
    expect(steps[0]).toBeNull();
    expect(steps[1]).toEqual({ phase: 'reading' });
    expect(steps[2]).toEqual({ phase: 'checking' });
    expect(steps).toContainEqual({ phase: 'writing', done: total, total });
    expect(steps.at(-1)).toBeNull();
    steps.length = 0;
    expect((await app.importJson('{not json')).ok).toBe(false);
    expect(steps.at(-1)).toBeNull();
    expect(app.importProgress.value).toBeNull();
    stop();
    app.dispose();
  });
});
