import { describe, expect, it, vi } from 'vitest';
import { updateSettings, type AppDb } from '../../src/store';
import { requestLinkTyped } from '../../src/store/ops-link';
import { deleteWorkAccount } from '../../src/store/ops-org';
import type { WireAction } from '../../src/rules';
import {
  createEmbeddedRemote,
  createInProcessLock,
  createSyncEngine,
  openPartnerCenter,
  remoteFor,
  resetEmbedded,
  RemoteError,
  toWire,
  type PartnerCenterDb,
} from '../../src/sync';
import {
  activeLinks,
  crowd,
  fixture,
  link,
  manualClock,
  outbox,
  T0,
  TODAY,
  type SyncFixture,
} from './fixtures';
import { engineOn } from './engines';
import { DEFAULT_SETTINGS } from '../store/fixtures';
import { DIRECTORY_CHUNK } from '../../src/sync/directory';

const DAY = 86_400_000;

function freshPc(): PartnerCenterDb {
  return openPartnerCenter(`pc-${crypto.randomUUID()}`);
}

function remote(app: AppDb, pc: PartnerCenterDb, now = () => T0, extra = {}) {
  let n = 0;
  return createEmbeddedRemote({ app, pc, now, newId: () => `pc-assoc-${++n}`, ...extra });
}

function action(
  partial: Partial<WireAction> & Pick<WireAction, 'accountId' | 'profile'>,
): WireAction {
  return {
    id: crypto.randomUUID(),
    type: 'link',
    actorAccountId: partial.accountId,
    requestedAt: new Date(T0).toISOString(),
    ...partial,
  };
}

/** Ann's link of her Learn profile (with `mcid`) to her account in A. */
function annLearn(
  f: SyncFixture,
  mcid = f.learn.mcid,
  partial: Partial<WireAction> = {},
): WireAction {
  return action({
    accountId: f.annA.id,
    profile: { kind: 'learn', id: f.learn.id, mcid },
    ...partial,
  });
}

/** The fixture, a fresh Partner Center and the embedded remote over both. */
async function rig() {
  const f = await fixture();
  const pc = freshPc();
  return { f, pc, pcRemote: remote(f.db, pc) };
}

/** The object stores IndexedDB is asked to write (put, add, delete, clear) while `task` runs. */
async function storesWritten(task: () => Promise<unknown>): Promise<string[]> {
  const proto = IDBObjectStore.prototype;
  const spies = (['put', 'add', 'delete', 'clear'] as const).map((m) => vi.spyOn(proto, m));
  try {
    await task();
    const stores = spies.flatMap((spy) => spy.mock.contexts as IDBObjectStore[]);
    return [...new Set(stores.map((store) => store.name))].sort();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** The Partner Center's object stores read in whole (getAll, cursors) while `task` runs. */
async function pcStoresRead(pc: PartnerCenterDb, task: () => Promise<unknown>): Promise<string[]> {
  const proto = IDBObjectStore.prototype;
  const spies = (['getAll', 'openCursor'] as const).map((m) => vi.spyOn(proto, m));
  try {
    await task();
    const stores = spies.flatMap((spy) => spy.mock.contexts as IDBObjectStore[]);
    const ofPc = stores.filter((store) => store.transaction.db.name === pc.name);
    return [...new Set(ofPc.map((store) => store.name))].sort();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('embedded Partner Center', { timeout: 30_000 }, () => {
  it('neither reads nor writes its copy of a directory that has not changed', async () => {
    const { f, pc, pcRemote } = await rig();
    await pcRemote.send([annLearn(f)]);
    // A state read takes its links; a send its links, its answers and its seed mark.
    expect(await pcStoresRead(pc, () => pcRemote.state(f.annA.id))).toEqual(['associations']);
    expect(await pcStoresRead(pc, () => pcRemote.send([annLearn(f)]))).toEqual(['associations']);
    await f.db.accounts.update(f.benB.id, { firstSignInOn: TODAY });
    expect(await pcStoresRead(pc, () => pcRemote.state(f.annA.id))).toEqual([
      'accounts',
      'associations',
      'organizations',
      'profiles',
    ]);
    expect(await pc.accounts.get(f.benB.id)).toMatchObject({ firstSignInOn: TODAY });
  });

  it('copies only what changed of the directory at an arrival: nothing when nothing did', async () => {
    const { f, pc, pcRemote } = await rig();
    await crowd(f.db, f.orgAId, 20);
    await pcRemote.state(f.annA.id);
    // Copying 10,000 accounts again at every arrival held IndexedDB while the app's screens waited.
    expect(await storesWritten(() => pcRemote.state(f.annA.id))).toEqual([]);
    const admin = (await f.db.accounts.where('orgId').equals(f.orgAId).toArray()).find((a) =>
      a.roles.includes('global-admin'),
    );
    if (!admin) throw new Error('fixture has no admin');
    await deleteWorkAccount(f.db, { actorAccountId: admin.id, accountId: f.annA.id }, new Date(T0));
    await f.db.profiles.delete(f.pu.id);
    expect(await storesWritten(() => pcRemote.state(f.annA.id))).toEqual([
      'accounts',
      'meta',
      'profiles',
    ]);
    expect(await pc.accounts.get(f.annA.id)).toMatchObject({ deletedOn: TODAY });
    expect(await pc.profiles.get(f.pu.id)).toBeUndefined();
    expect(await pc.accounts.count()).toBe(await f.db.accounts.count());
  });

  it('copies a large directory in transactions of at most DIRECTORY_CHUNK rows each', async () => {
    // One transaction of 20,000 rows after an import held the origin's
    // IndexedDB for seconds: the app's own reads waited behind it.
    const { f, pc, pcRemote } = await rig();
    await crowd(f.db, f.orgAId, DIRECTORY_CHUNK + 500);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      await pcRemote.state(f.annA.id);
      const perTransaction = new Map<IDBTransaction, number>();
      for (const store of spy.mock.contexts as IDBObjectStore[]) {
        if (store.transaction.db.name !== pc.name || store.name === 'associations') continue;
        perTransaction.set(store.transaction, (perTransaction.get(store.transaction) ?? 0) + 1);
      }
      const sizes = [...perTransaction.values()];
      expect(Math.max(...sizes)).toBeLessThanOrEqual(DIRECTORY_CHUNK);
      expect(sizes.length).toBeGreaterThanOrEqual(4);
    } finally {
      spy.mockRestore();
    }
    expect(await pc.accounts.count()).toBe(await f.db.accounts.count());
    expect(await pc.profiles.count()).toBe(await f.db.profiles.count());
    // Nothing changed since: the next arrival writes nothing.
    expect(await storesWritten(() => pcRemote.state(f.annA.id))).toEqual([]);
  });

  it('applies a link with the rules and answers a repeat with the first result, applied once', async () => {
    const { f, pc, pcRemote } = await rig();
    const batch = [annLearn(f)];

    const first = await pcRemote.send(batch);
    const again = await pcRemote.send(batch);

    expect(first).toEqual([
      {
        id: batch[0]?.id,
        status: 'applied',
        association: { profileId: f.learn.id, accountId: f.annA.id, startedOn: TODAY },
      },
    ]);
    expect(again).toEqual(first);
    expect(await pc.associations.count()).toBe(1);
    expect(await pc.applied.count()).toBe(1);
  });

  it('answers a repeat unchanged even after the world moved on', async () => {
    const { f, pc, pcRemote } = await rig();
    const profile = { kind: 'learn' as const, id: f.learn.id, mcid: '1234567' };
    const linkIt = action({ accountId: f.annA.id, profile });
    const [linked] = await pcRemote.send([linkIt]);
    await pcRemote.send([action({ type: 'unlink', accountId: f.annA.id, profile })]);
    // The link, delivered again after the unlink, must not link again.
    expect(await pcRemote.send([linkIt])).toEqual([linked]);
    expect((await pc.associations.toArray()).filter((a) => a.endedOn === null)).toEqual([]);
  });

  it('refuses an action made for someone else (NOT_SELF)', async () => {
    const f = await fixture();
    const pcRemote = remote(f.db, freshPc());
    const [result] = await pcRemote.send([
      annLearn(f, f.learn.mcid, { actorAccountId: f.annB.id }),
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'NOT_SELF' });
  });

  it('ends the link to company A when the profile moves to B, and says so', async () => {
    const f = await fixture();
    const pc = freshPc();
    let now = T0;
    const pcRemote = remote(f.db, pc, () => now);
    const profile = { kind: 'learn' as const, id: f.learn.id, mcid: '1234567' };
    await pcRemote.send([action({ accountId: f.annA.id, profile })]);
    now = T0 + 31 * DAY;
    const [moved] = await pcRemote.send([action({ accountId: f.annB.id, profile })]);
    expect(moved?.ended).toEqual([
      {
        profileId: f.learn.id,
        accountId: f.annA.id,
        startedOn: TODAY,
        endedOn: '2026-12-26',
        endReason: 'moved',
      },
    ]);
    const stateA = await pcRemote.state(f.annA.id);
    expect(stateA.associations).toEqual(moved?.ended);
    expect(stateA.nextAssociationOn[f.learn.id]).toBe('2027-01-25');
  });

  it('honours the offline switch and the delay', async () => {
    const f = await fixture();
    const slept: number[] = [];
    const offline = remote(f.db, freshPc(), () => T0, { offline: true });
    await expect(offline.state(f.annA.id)).rejects.toMatchObject({
      name: 'RemoteError',
      kind: 'offline',
    });
    const slow = remote(f.db, freshPc(), () => T0, {
      delayMs: 750,
      sleep: (ms: number) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    await slow.state(f.annA.id);
    expect(slept).toEqual([750]);
    expect(new RemoteError('offline', 'x').kind).toBe('offline');
  });

  it('seeds from the app: confirmed links are its truth, actions still queued are not', async () => {
    const f = await fixture();
    const pc = freshPc();
    const engine = engineOn(f.db, { pc }, { random: () => 0 });
    // A confirmed link in the app, from before the Partner Center existed.
    await f.db.accounts.update(f.annA.id, { firstSignInOn: '2026-01-02' });
    await f.db.associations.add({
      id: 'old',
      profileId: f.annPu.id,
      accountId: f.annA.id,
      startedOn: '2026-01-10',
      endedOn: null,
      endReason: null,
      pendingActionId: null,
    });
    const queued = await link(f.db, f.annA, f.learn);
    await resetEmbedded(pc);

    const state = await remoteFor({ app: f.db, pc, now: () => T0 })(DEFAULT_SETTINGS).state(
      f.annA.id,
    );
    // The queued link has not reached it: only the old one is there.
    expect(state.associations.map((a) => a.profileId)).toEqual([f.annPu.id]);

    const report = await engine.drain('test');
    expect(report).toMatchObject({ applied: 1, reconciled: 1 });
    expect((await pc.applied.get(queued.id))?.result.status).toBe('applied');
    expect((await activeLinks(f.db)).map((a) => a.profileId).sort()).toEqual(
      [f.learn.id, f.annPu.id].sort(),
    );
  });

  it('resetEmbedded forgets everything, so the next use seeds again', async () => {
    const { f, pc, pcRemote } = await rig();
    await pcRemote.send([annLearn(f)]);
    expect(await pc.applied.count()).toBe(1);
    await resetEmbedded(pc);
    expect(await pc.applied.count()).toBe(0);
    expect(await pc.meta.count()).toBe(0);
  });

  it('ends the links of an account the admin deleted (account-deleted)', async () => {
    const { f, pcRemote } = await rig();
    await pcRemote.send([annLearn(f)]);
    const admin = (await f.db.accounts.where('orgId').equals(f.orgAId).toArray()).find((a) =>
      a.roles.includes('global-admin'),
    );
    if (!admin) throw new Error('fixture has no admin');
    await deleteWorkAccount(f.db, { actorAccountId: admin.id, accountId: f.annA.id }, new Date(T0));
    const state = await pcRemote.state(f.annA.id);
    expect(state.associations).toEqual([
      {
        profileId: f.learn.id,
        accountId: f.annA.id,
        startedOn: TODAY,
        endedOn: TODAY,
        endReason: 'account-deleted',
      },
    ]);
  });
});

/** A sync engine on a manual clock, delivering to the embedded Partner Center `pc`. */
function engineWith(app: AppDb, pc: PartnerCenterDb) {
  const clock = manualClock();
  return { clock, engine: engineOn(app, { pc }, { clock }) };
}

describe('embedded Partner Center with the engine', { timeout: 30_000 }, () => {
  it('queues while offline, then syncs once the switch is off; a refusal from it is rolled back', async () => {
    const f = await fixture();
    const pc = freshPc();
    const { engine } = engineWith(f.db, pc);
    await updateSettings(f.db, { embeddedOffline: true });
    const entry = await link(f.db, f.annA, f.learn);
    expect(await engine.drain('start')).toMatchObject({ outcome: 'retry-later', retried: 1 });
    expect((await outbox(f.db))[0]).toMatchObject({ state: 'retry', attempts: 1 });

    await updateSettings(f.db, { embeddedOffline: false });
    expect(await engine.drain('switch', { ignoreBackoff: true })).toMatchObject({ applied: 1 });
    expect((await f.db.outbox.get(entry.id))?.state).toBe('applied');

    // Another device used the cool-off: the authority has a newer start for the PU profile.
    await pc.associations.put({
      id: 'elsewhere',
      profileId: f.pu.id,
      accountId: f.annB.id,
      startedOn: TODAY,
      endedOn: '2026-11-25',
      endReason: 'unlinked',
    });
    const refused = await link(f.db, f.benA, f.pu, T0 + 1);
    expect(await engine.drain('test')).toMatchObject({ rejected: 1 });
    expect(await f.db.outbox.get(refused.id)).toMatchObject({
      state: 'rejected',
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-25',
    });
    expect((await activeLinks(f.db)).map((a) => a.profileId)).toEqual([f.learn.id]);
  });

  it('applies the link of a Partner University account signed up offline: its record comes with the directory', async () => {
    const f = await fixture();
    await f.db.profiles.delete(f.annPu.id);
    const pc = freshPc();
    const { clock, engine } = engineWith(f.db, pc);
    // The Partner Center was in use (seeded, its directory copied) before Ann signed up.
    await link(f.db, f.benA, f.pu);
    expect(await engine.drain('start')).toMatchObject({ applied: 1 });
    await updateSettings(f.db, { embeddedOffline: true });
    const me = { actorAccountId: f.annA.id, accountId: f.annA.id };
    const entry = await requestLinkTyped(
      f.db,
      { ...me, puName: 'ann@outlook.example' },
      new Date(clock.now()),
    );
    expect(await engine.drain('offline')).toMatchObject({ outcome: 'retry-later' });
    expect(await pc.profiles.get(entry.profile.id)).toBeUndefined();

    await updateSettings(f.db, { embeddedOffline: false });
    expect(await engine.drain('switch', { ignoreBackoff: true })).toMatchObject({ applied: 1 });
    expect(await f.db.outbox.get(entry.id)).toMatchObject({ state: 'applied', code: null });
    expect(await pc.profiles.get(entry.profile.id)).toEqual({
      id: entry.profile.id,
      personId: f.annA.personId,
      kind: 'partner-university',
      mcid: null,
    });
    const held = await pc.associations.where('profileId').equals(entry.profile.id).toArray();
    expect(held).toMatchObject([{ accountId: f.annA.id, startedOn: TODAY, endedOn: null }]);
  });

  it('two tabs without a shared lock (no Web Locks) still apply each action once', async () => {
    const f = await fixture();
    const pc = freshPc();
    const people = await crowd(f.db, f.orgAId, 12);
    for (const p of people) await link(f.db, p.account, p.profile);
    // Each tab its own in-process lock: nothing stops both from sending.
    const tab = () => engineOn(f.db, { pc }, { random: () => 0 });
    const reports = await Promise.all([tab().drain('tab 1'), tab().drain('tab 2')]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(12);
    expect(await pc.applied.count()).toBe(12);
    expect(await pc.associations.count()).toBe(12);
    expect((await outbox(f.db)).every((e) => e.state === 'applied')).toBe(true);
    expect(await activeLinks(f.db)).toHaveLength(12);
  });

  it('delivers the same outbox batch twice and applies it once', async () => {
    const { f, pc, pcRemote } = await rig();
    const a = await link(f.db, f.annA, f.learn);
    const b = await link(f.db, f.benA, f.pu, T0 + 1);
    const wire = [a, b].map(toWire);
    const first = await pcRemote.send(wire);
    const second = await pcRemote.send(wire);
    expect(second).toEqual(first);
    expect(await pc.associations.count()).toBe(2);
  });
});

describe('embedded Partner Center: batch state read', { timeout: 30_000 }, () => {
  it('answers many accounts in one arrival, as state() answers each, in the order asked', async () => {
    const f = await fixture();
    const pc = freshPc();
    let now = T0;
    const slept: number[] = [];
    const pcRemote = remote(f.db, pc, () => now, {
      delayMs: 20,
      sleep: (ms: number) => {
        slept.push(ms);
        return Promise.resolve();
      },
    });
    const profile = { kind: 'learn' as const, id: f.learn.id, mcid: '1234567' };
    await pcRemote.send([action({ accountId: f.annA.id, profile })]);
    now = T0 + 31 * DAY;
    await pcRemote.send([action({ accountId: f.annB.id, profile })]);
    slept.length = 0;

    const ids = [f.annB.id, 'no-such-account', f.annA.id];
    const states = await pcRemote.states?.(ids);

    expect(slept).toEqual([20]);
    expect(states?.map((s) => s.accountId)).toEqual(ids);
    expect(states).toEqual(await Promise.all(ids.map((id) => pcRemote.state(id))));
    expect(states?.[2]?.associations[0]).toMatchObject({ endReason: 'moved' });
    expect(states?.[0]?.nextAssociationOn[f.learn.id]).toBe('2027-01-25');
  });

  it('is offline with the switch, and reads any number of accounts at once (no HTTP limit)', async () => {
    const f = await fixture();
    const offline = remote(f.db, freshPc(), () => T0, { offline: true });
    await expect(offline.states?.([f.annA.id])).rejects.toMatchObject({ kind: 'offline' });
    const ids = Array.from({ length: 101 }, (_, i) => `acc-${i}`);
    const states = await remote(f.db, freshPc()).states?.(ids);
    expect(states?.map((s) => s.accountId)).toEqual(ids);
  });

  it('reconciles a drain of 150 accounts with one state read (one arrival, not 2 nor 150)', async () => {
    const f = await fixture();
    const people = await crowd(f.db, f.orgAId, 150);
    for (const p of people) await link(f.db, p.account, p.profile);
    const pc = freshPc();
    const slept: number[] = [];
    const engine = createSyncEngine({
      db: f.db,
      getRemote: () =>
        remote(f.db, pc, () => T0, {
          delayMs: 5,
          sleep: (ms: number) => {
            slept.push(ms);
            return Promise.resolve();
          },
        }),
      lock: createInProcessLock(),
      clock: manualClock(),
      random: () => 0.5,
    });

    const report = await engine.drain('test');

    expect(report).toMatchObject({ applied: 150, reconciled: 150 });
    // Two batches of actions, then one state read: each arrival reads the whole directory.
    expect(slept).toHaveLength(3);
    expect(await activeLinks(f.db)).toHaveLength(150);
  });
});

describe('embedded Partner Center decides from its own records, not the action', () => {
  async function sendOne(
    f: Awaited<ReturnType<typeof fixture>>,
    pc: PartnerCenterDb,
    a: WireAction,
  ) {
    const [result] = await remote(f.db, pc).send([a]);
    return result;
  }

  it('refuses a Learn profile sent as Partner University (PROFILE_MISMATCH), writing no link', async () => {
    const f = await fixture();
    const pc = freshPc();
    const result = await sendOne(
      f,
      pc,
      action({ accountId: f.annA.id, profile: { kind: 'partner-university', id: f.learn.id } }),
    );
    expect(result).toMatchObject({ status: 'rejected', code: 'PROFILE_MISMATCH' });
    expect(await pc.associations.count()).toBe(0);
  });

  it('refuses an incomplete Learn profile sent with an invented MCID (PROFILE_INCOMPLETE)', async () => {
    const f = await fixture();
    await f.db.profiles.update(f.learn.id, { mcid: null });
    const pc = freshPc();
    const result = await sendOne(f, pc, annLearn(f, '7654321'));
    expect(result).toMatchObject({ status: 'rejected', code: 'PROFILE_INCOMPLETE' });
    expect(await pc.associations.count()).toBe(0);
  });

  it('refuses another MCID than its record, and a profile it has no record of', async () => {
    const f = await fixture();
    const pc = freshPc();
    const other = await sendOne(f, pc, annLearn(f, '7654321'));
    const unknown = await sendOne(
      f,
      pc,
      action({ accountId: f.annA.id, profile: { kind: 'learn', id: 'ghost', mcid: '7654321' } }),
    );
    expect(other).toMatchObject({ status: 'rejected', code: 'PROFILE_MISMATCH' });
    expect(unknown).toMatchObject({ status: 'rejected', code: 'PROFILE_MISMATCH' });
    expect(await pc.associations.count()).toBe(0);
  });

  it('refuses another person’s profile on one’s own account (NOT_SELF)', async () => {
    const f = await fixture();
    const [someone] = await crowd(f.db, f.orgAId, 1);
    const theirs = someone?.profile;
    if (!theirs) throw new Error('no crowd');
    const pc = freshPc();
    const result = await sendOne(
      f,
      pc,
      action({
        accountId: f.annA.id,
        profile: { kind: theirs.kind, id: theirs.id, mcid: theirs.mcid },
      }),
    );
    expect(result).toMatchObject({ status: 'rejected', code: 'NOT_SELF' });
  });

  it('applies the same action when it matches the record', async () => {
    const f = await fixture();
    const pc = freshPc();
    const result = await sendOne(f, pc, annLearn(f));
    expect(result).toMatchObject({ status: 'applied' });
  });

  it('does not seed from app data that breaks the rules: a server error, nothing taken', async () => {
    const f = await fixture();
    // A link of an account that never signed in, as an edited file could have left.
    await f.db.accounts.update(f.annA.id, { firstSignInOn: null });
    await f.db.associations.add({
      id: 'forged',
      profileId: f.learn.id,
      accountId: f.annA.id,
      startedOn: TODAY,
      endedOn: null,
      endReason: null,
      pendingActionId: null,
    });
    const pc = freshPc();
    const error: unknown = await remote(f.db, pc)
      .state(f.annA.id)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).kind).toBe('server');
    expect((error as RemoteError).message).toMatch(/had not signed in/);
    expect(await pc.associations.count()).toBe(0);
    expect(await pc.meta.count()).toBe(0);
  });
});
