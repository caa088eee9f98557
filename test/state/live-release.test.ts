/**
 * A live query nobody watches stops after a while (the organization's
 * skills report at 10k users must not re-read 100k achievements on every
 * change while no screen shows it); watched again in time, it keeps going.
 */
import { effect } from '@preact/signals';
import { Dexie, type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppState } from '../../src/state/app-state';
import { liveSignal } from '../../src/state/live';
import { openDb } from '../../src/store';
import { loadDemo } from '../../src/store/demo';

type Db = Dexie & { rows: EntityTable<{ id: string; n: number }, 'id'> };
const dbs: Dexie[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function rowsDb(): Db {
  const db = new Dexie(`live-${crypto.randomUUID()}`) as Db;
  db.version(1).stores({ rows: 'id' });
  dbs.push(db);
  return db;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Watches `read` until `check` passes, then stops watching. */
async function watchUntil(read: () => unknown, check: (v: unknown) => boolean): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = effect(() => {
      if (!check(read())) return;
      queueMicrotask(() => {
        stop();
        resolve();
      });
    });
  });
}

describe('liveSignal with releaseAfterMs', () => {
  it('stops its query once nobody has watched it for that long, and says so', async () => {
    const db = rowsDb();
    let runs = 0;
    let released = 0;
    const live = liveSignal(
      () => {
        runs += 1;
        return db.rows.count();
      },
      -1,
      { releaseAfterMs: 30, onRelease: () => (released += 1) },
    );
    await watchUntil(
      () => live.value,
      (v) => v === 0,
    );
    await db.rows.add({ id: 'a', n: 1 });
    await sleep(20);
    expect(live.value).toBe(1);
    const before = runs;
    await sleep(60);
    expect(released).toBe(1);
    await db.rows.add({ id: 'b', n: 2 });
    await sleep(30);
    expect(runs).toBe(before);
    expect(live.value).toBe(1);
  });

  it('keeps going when watched again in time, and is never released if never watched', async () => {
    const db = rowsDb();
    let released = 0;
    const watched = liveSignal(() => db.rows.count(), -1, {
      releaseAfterMs: 50,
      onRelease: () => (released += 1),
    });
    const readOnly = liveSignal(() => db.rows.count(), -1, {
      releaseAfterMs: 10,
      onRelease: () => (released += 100),
    });
    await watchUntil(
      () => watched.value,
      (v) => v === 0,
    );
    await sleep(20);
    const seen: number[] = [];
    const stop = effect(() => {
      seen.push(watched.value);
    });
    await sleep(60);
    expect(released).toBe(0);
    await db.rows.add({ id: 'a', n: 1 });
    await sleep(20);
    expect(watched.value).toBe(1);
    expect(seen.at(-1)).toBe(1);
    expect(readOnly.value).toBe(1);
    stop();
    watched.dispose();
    readOnly.dispose();
  });
});

describe('the organization queries of the app state', () => {
  it('are shared while watched and start afresh after a release', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    await loadDemo(db, new Date('2026-11-25T09:00:00Z'));
    const app = createAppState(db, {
      now: () => new Date('2026-11-25T09:00:00Z'),
      releaseAfterMs: 30,
    });
    const orgId = (await db.organizations.toArray())[0]?.id ?? '';
    const query = { text: '', status: 'current', sort: 'countsFrom', dir: 'asc' } as const;
    const report = app.reportPage(orgId, query, 0, 50);
    expect(app.reportPage(orgId, { ...query }, 0, 50)).toBe(report);
    await watchUntil(
      () => report.value?.rows,
      (rows) => Array.isArray(rows),
    );
    await sleep(80);
    const fresh = app.reportPage(orgId, query, 0, 50);
    expect(fresh).not.toBe(report);
    await watchUntil(
      () => fresh.value?.rows,
      (rows) => Array.isArray(rows),
    );
    app.dispose();
  });
});

describe('a lazy liveSignal', () => {
  it('runs its query only while watched, keeps its value while paused, and reads afresh when watched again', async () => {
    const db = rowsDb();
    let runs = 0;
    const live = liveSignal(
      () => {
        runs += 1;
        return db.rows.count();
      },
      -1,
      { lazy: true },
    );
    await sleep(30);
    expect(runs).toBe(0);
    expect(live.ready.value).toBe(false);
    await watchUntil(
      () => live.value,
      (v) => v === 0,
    );
    await sleep(20);
    const paused = runs;
    await db.rows.add({ id: 'a', n: 1 });
    await sleep(30);
    expect(runs).toBe(paused);
    expect(live.value).toBe(0);
    await watchUntil(
      () => live.value,
      (v) => v === 1,
    );
    live.dispose();
  });
});

describe('the app state at home', () => {
  it('does not read the account list while nothing watches it (home with 10,000 users)', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    await loadDemo(db, new Date('2026-11-25T09:00:00Z'));
    const someone = (await db.accounts.toArray())[0]?.id ?? null;
    await db.settings.update('device', { currentAccountId: someone });
    const app = createAppState(db, { now: () => new Date('2026-11-25T09:00:00Z') });
    await watchUntil(
      () => app.me.value,
      (view) => view !== null,
    );
    await sleep(30);
    expect(app.accounts.ready.value).toBe(false);
    await watchUntil(
      () => app.accounts.value,
      (list) => Array.isArray(list) && list.length > 0,
    );
    app.dispose();
  });
});
