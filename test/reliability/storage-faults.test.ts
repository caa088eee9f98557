/**
 * A full disk in the middle of a write: every user action that writes is run
 * with IndexedDB refusing its first, second, third… write with
 * QuotaExceededError. The action must answer STORAGE_FULL (words in both
 * languages), and the database must hold exactly what it held before: an
 * action's effect and its outbox entry commit together or not at all.
 */
import { DEFAULT_POLICY } from '../../src/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { codes } from '../../src/i18n/messages/codes';
import { createAppState, type AppState } from '../../src/state/app-state';
import { TABLE_NAMES, openDb, type AppDb } from '../../src/store';
import { loadDemo } from '../../src/store/demo';
import { exportJson } from '../../src/store/transfer';

const NOW = new Date('2026-11-25T09:00:00Z');

/** Makes the n-th write (add or put) from now on throw QuotaExceededError; -1 disarms. */
const quota = { left: -1, hits: 0 };
const proto = IDBObjectStore.prototype;
type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const original = {
  add: Object.getOwnPropertyDescriptor(proto, 'add')?.value as Write,
  put: Object.getOwnPropertyDescriptor(proto, 'put')?.value as Write,
};
function guarded(name: 'add' | 'put') {
  return function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
    if (quota.left === 0) {
      quota.hits++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    if (quota.left > 0) quota.left--;
    return original[name].apply(this, args);
  };
}
proto.add = guarded('add');
proto.put = guarded('put');
afterEach(() => {
  quota.left = -1;
});

async function snapshot(db: AppDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return JSON.stringify(out);
}

interface World {
  db: AppDb;
  app: AppState;
  ids: Awaited<ReturnType<typeof loadDemo>>;
  hanaLearn: string;
  hanaPu: string;
  olivia: { actorAccountId: string; accountId: string; profileId: string };
}

async function world(): Promise<World> {
  const db = openDb(`t-${crypto.randomUUID()}`);
  const ids = await loadDemo(db, NOW);
  const app = createAppState(db, { now: () => NOW, persist: () => Promise.resolve('granted') });
  const hana = await db.accounts.get(ids.hana);
  const profiles = await db.profiles
    .where('personId')
    .equals(hana?.personId ?? '')
    .toArray();
  const id = (kind: string) => profiles.find((p) => p.kind === kind)?.id ?? '';
  const olivia = await db.accounts.get(ids.olivia);
  const oliviaPu = await db.profiles
    .where('personId')
    .equals(olivia?.personId ?? '')
    .first();
  return {
    db,
    app,
    ids,
    hanaLearn: id('learn'),
    hanaPu: id('partner-university'),
    olivia: { actorAccountId: ids.olivia, accountId: ids.olivia, profileId: oliviaPu?.id ?? '' },
  };
}

type Result = { ok: boolean; code?: string };
interface Case {
  /** Done first, with room on the disk. */
  prepare?: (w: World) => Promise<unknown>;
  act: (w: World) => Promise<Result>;
}
const self = (w: World, profileId: string) => ({
  actorAccountId: w.ids.hana,
  accountId: w.ids.hana,
  profileId,
});

const CASES: Record<string, Case> = {
  'remove access (effect + outbox entry)': { act: (w) => w.app.requestUnlink(self(w, w.hanaPu)) },
  // Olivia, whose last start was 3 months ago (Hana is inside her cool-off).
  'link (association + outbox entry)': {
    prepare: (w) => w.app.requestUnlink(w.olivia),
    act: (w) => w.app.requestLink(w.olivia),
  },
  'add a user': {
    act: async (w) =>
      w.app.addUser({
        actorAccountId: w.ids.adminA,
        orgId: (await w.db.accounts.get(w.ids.adminA))?.orgId ?? '',
        displayName: 'New Person',
        email: 'new.person@contoso.example',
      }),
  },
  'choose the language (settings)': { act: (w) => w.app.setLanguage('ja') },
  'change the remote (settings)': {
    act: (w) =>
      w.app.updateSettings({
        remote: { kind: 'http', baseUrl: 'https://pc.example', token: null },
      }),
  },
  'import an export': { act: async (w) => w.app.importJson(await exportJson(w.db, NOW)) },
  'load the demo again': { act: (w) => w.app.loadDemo() },
};

describe('a quota error during a write', () => {
  it.each(Object.keys(CASES))('%s: STORAGE_FULL and nothing half-written', async (name) => {
    const { prepare, act } = CASES[name] as Case;
    let failures = 0;
    for (let n = 0; n < 6; n++) {
      const w = await world();
      await prepare?.(w);
      const before = await snapshot(w.db);
      quota.left = n;
      quota.hits = 0;
      const result = await act(w).finally(() => {
        quota.left = -1;
      });
      w.app.dispose();
      if (quota.hits === 0) {
        // The action needed fewer than n + 1 writes: it succeeded whole.
        expect(result.ok, JSON.stringify(result)).toBe(true);
        break;
      }
      failures++;
      expect(result).toEqual({ ok: false, code: 'STORAGE_FULL' });
      expect(await snapshot(w.db)).toBe(before);
    }
    expect(failures).toBeGreaterThan(0);
  });

  it('is said in words, in both languages', () => {
    expect(codes.en.STORAGE_FULL(null, DEFAULT_POLICY)).toMatch(
      /out of storage.*Nothing was saved/,
    );
    expect(codes.ja.STORAGE_FULL(null, DEFAULT_POLICY).length).toBeGreaterThan(10);
  });
});
