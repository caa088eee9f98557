import { describe, expect, it } from 'vitest';
import {
  createWebLock,
  drainForWakeUp,
  handleSyncEvent,
  lockFor,
  OUTBOX_SYNC_TAG,
  requestBackgroundSync,
  startPageTriggers,
  type DrainOptions,
  type DrainReport,
  type LockManagerLike,
  type TimersLike,
} from '../../src/sync';
import { emptyReport } from '../../src/sync/report';
import { T0 } from './fixtures';

function report(partial: Partial<DrainReport> = {}): DrainReport {
  return { ...emptyReport('x'), ...partial };
}

class Target {
  readonly listeners = new Map<string, Set<() => void>>();
  visibilityState = 'visible';
  addEventListener(type: string, listener: () => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string) {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

function fakeTimers() {
  const pending = new Map<number, { cb: () => void; ms: number }>();
  let next = 1;
  const timers: TimersLike = {
    setTimeout(cb, ms) {
      pending.set(next, { cb, ms });
      return next++;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return { timers, pending };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('page triggers', () => {
  it('drains on start, on online (ignoring backoff) and on becoming visible', async () => {
    const calls: [string, DrainOptions | undefined][] = [];
    const win = new Target();
    const doc = new Target();
    const { stop } = startPageTriggers({
      drain: (reason, options) => {
        calls.push([reason, options]);
        return Promise.resolve(report());
      },
      window: win,
      document: doc,
      clock: { now: () => T0 },
      timers: fakeTimers().timers,
    });
    await settle();
    win.fire('online');
    await settle();
    doc.visibilityState = 'hidden';
    doc.fire('visibilitychange');
    await settle();
    doc.visibilityState = 'visible';
    doc.fire('visibilitychange');
    await settle();
    stop();
    win.fire('online');
    await settle();
    expect(calls).toEqual([
      ['start', {}],
      ['online', { ignoreBackoff: true }],
      ['visible', {}],
    ]);
  });

  it('arms a timer for the next wake-up, and none when nothing waits', async () => {
    const { timers, pending } = fakeTimers();
    const reasons: string[] = [];
    const wakes = [T0 + 5_000, null];
    startPageTriggers({
      drain: (reason) => {
        reasons.push(reason);
        return Promise.resolve(report({ nextWakeAt: wakes.shift() ?? null }));
      },
      window: new Target(),
      document: new Target(),
      clock: { now: () => T0 },
      timers,
    });
    await settle();
    expect([...pending.values()].map((p) => p.ms)).toEqual([5_000]);
    const [id, armed] = [...pending.entries()][0] ?? [];
    if (id === undefined || !armed) throw new Error('no timer armed');
    pending.delete(id); // as a real timer that fired
    armed.cb();
    await settle();
    expect(reasons).toEqual(['start', 'timer']);
    expect(pending.size).toBe(0);
  });

  it('runs one drain at a time from the page, and once more for triggers meanwhile', async () => {
    const win = new Target();
    let release: () => void = () => undefined;
    const calls: string[] = [];
    startPageTriggers({
      drain: (reason) => {
        calls.push(reason);
        return new Promise((resolve) => {
          release = () => {
            resolve(report());
          };
        });
      },
      window: win,
      document: new Target(),
      clock: { now: () => T0 },
      timers: fakeTimers().timers,
    });
    win.fire('online');
    win.fire('online');
    expect(calls).toEqual(['start']);
    release();
    await settle();
    expect(calls).toEqual(['start', 'online']);
  });
});

describe('Background Sync', () => {
  it('registers the outbox tag, or drains in the page where it cannot', async () => {
    const tags: string[] = [];
    let pageDrains = 0;
    const pageDrain = () => {
      pageDrains += 1;
      return Promise.resolve();
    };
    const withSync = { sync: { register: (tag: string) => (tags.push(tag), Promise.resolve()) } };
    expect(await requestBackgroundSync(withSync, pageDrain)).toBe('background-sync');
    expect(tags).toEqual([OUTBOX_SYNC_TAG]);
    expect(pageDrains).toBe(0);
    expect(await requestBackgroundSync({}, pageDrain)).toBe('page');
    const refused = { sync: { register: () => Promise.reject(new Error('denied')) } };
    expect(await requestBackgroundSync(refused, pageDrain)).toBe('page');
    expect(await requestBackgroundSync(null, pageDrain)).toBe('page');
    expect(pageDrains).toBe(3);
  });

  it('the worker drains for its tag only, and fails the event while retries wait', async () => {
    const waited: Promise<unknown>[] = [];
    const drain = () => Promise.resolve(report({ outcome: 'retry-later', retried: 2 }));
    expect(handleSyncEvent({ tag: 'other', waitUntil: (p) => waited.push(p) }, drain)).toBe(false);
    expect(handleSyncEvent({ tag: OUTBOX_SYNC_TAG, waitUntil: (p) => waited.push(p) }, drain)).toBe(
      true,
    );
    expect(waited).toHaveLength(1);
    await expect(waited[0]).rejects.toThrow('2 action(s) wait for a retry');
    const idle = await drainForWakeUp(() => Promise.resolve(report()), 'sync');
    expect(idle.outcome).toBe('idle');
  });
});

describe('web lock', () => {
  it('asks for the lock with ifAvailable and reports a busy lock as not acquired', async () => {
    const asked: { name: string; options: unknown }[] = [];
    let free = true;
    const locks: LockManagerLike = {
      request(name, options, callback) {
        asked.push({ name, options });
        return callback(free ? { name } : null);
      },
    };
    const lock = createWebLock(locks);
    expect(await lock.tryRun('l', () => Promise.resolve(42))).toEqual({
      acquired: true,
      value: 42,
    });
    free = false;
    let ran = false;
    expect(
      await lock.tryRun('l', () => {
        ran = true;
        return Promise.resolve(1);
      }),
    ).toEqual({ acquired: false });
    expect(ran).toBe(false);
    expect(asked).toEqual([
      { name: 'l', options: { ifAvailable: true } },
      { name: 'l', options: { ifAvailable: true } },
    ]);
  });

  it('falls back to an in-process lock without Web Locks', async () => {
    const lock = lockFor({});
    let inner: unknown;
    const outer = await lock.tryRun('l', async () => {
      inner = await lock.tryRun('l', () => Promise.resolve('nested'));
      return 'outer';
    });
    expect(outer).toEqual({ acquired: true, value: 'outer' });
    expect(inner).toEqual({ acquired: false });
    expect(await lock.tryRun('l', () => Promise.resolve('after'))).toEqual({
      acquired: true,
      value: 'after',
    });
  });
});

describe('asking for a drain while one runs', () => {
  it('runs exactly one more drain after the current one, with the strongest options', async () => {
    const calls: [string, DrainOptions | undefined][] = [];
    let finish: () => void = () => undefined;
    const triggers = startPageTriggers({
      drain: (reason, options) => {
        calls.push([reason, options]);
        return new Promise((resolve) => {
          finish = () => {
            resolve(report());
          };
        });
      },
      window: new Target(),
      document: new Target(),
      clock: { now: () => T0 },
      timers: fakeTimers().timers,
    });
    expect(calls.map((c) => c[0])).toEqual(['start']);
    triggers.trigger('queued');
    triggers.trigger('settings', { ignoreBackoff: true });
    triggers.trigger('queued');
    expect(calls).toHaveLength(1);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
    expect(calls[1]?.[1]?.ignoreBackoff).toBe(true);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
    triggers.stop();
    triggers.trigger('late');
    expect(calls).toHaveLength(2);
  });
});
