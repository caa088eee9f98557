import { describe, expect, it } from 'vitest';
import {
  createWebLock,
  drainForWakeUp,
  handleSyncEvent,
  lockFor,
  OUTBOX_SYNC_TAG,
  startPageTriggers,
  MIN_PULL_GAP_MS,
  PULL_EVERY_MS,
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

type Call = [string, DrainOptions | undefined];
type PageTriggerOptions = Parameters<typeof startPageTriggers>[0];

/** Page triggers on a fresh window, document and timers at T0; `options` overrides any of them. */
function pageTriggers(
  drain: PageTriggerOptions['drain'],
  options: Partial<PageTriggerOptions> = {},
): ReturnType<typeof startPageTriggers> {
  return startPageTriggers({
    drain,
    window: new Target(),
    document: new Target(),
    clock: { now: () => T0 },
    timers: fakeTimers().timers,
    ...options,
  });
}

/** A drain that records its calls and answers each only when `release` is called. */
function heldDrain() {
  const calls: Call[] = [];
  let answer: () => void = () => undefined;
  const drain = (reason: string, options?: DrainOptions) => {
    calls.push([reason, options]);
    return new Promise<DrainReport>((resolve) => {
      answer = () => {
        resolve(report());
      };
    });
  };
  return {
    calls,
    drain,
    release: () => {
      answer();
    },
  };
}

describe('page triggers', () => {
  it('drains on start, on online (ignoring backoff) and on becoming visible', async () => {
    const calls: Call[] = [];
    const win = new Target();
    const doc = new Target();
    const drain = (reason: string, options?: DrainOptions) => {
      calls.push([reason, options]);
      return Promise.resolve(report());
    };
    const { stop } = pageTriggers(drain, { window: win, document: doc });
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
    // Start and online pull; coming back within MIN_PULL_GAP_MS of a pull only drains.
    expect(calls).toEqual([
      ['start', { pull: 'me' }],
      ['online', { ignoreBackoff: true, pull: 'me' }],
      ['visible', {}],
    ]);
  });

  it('arms a timer for the next wake-up, and none when nothing waits', async () => {
    const { timers, pending } = fakeTimers();
    const reasons: string[] = [];
    const wakes = [T0 + 5_000, null];
    pageTriggers(
      (reason) => {
        reasons.push(reason);
        return Promise.resolve(report({ nextWakeAt: wakes.shift() ?? null }));
      },
      { timers },
    );
    await settle();
    // The wake-up, and the periodic pull the start's pull armed.
    expect([...pending.values()].map((p) => p.ms).sort((a, b) => a - b)).toEqual([
      5_000,
      PULL_EVERY_MS,
    ]);
    const [id, armed] = [...pending.entries()].find(([, p]) => p.ms === 5_000) ?? [];
    if (id === undefined || !armed) throw new Error('no timer armed');
    pending.delete(id); // as a real timer that fired
    armed.cb();
    await settle();
    expect(reasons).toEqual(['start', 'timer']);
    expect([...pending.values()].map((p) => p.ms)).toEqual([PULL_EVERY_MS]);
  });

  it('runs one drain at a time from the page, and once more for triggers meanwhile', async () => {
    const win = new Target();
    const held = heldDrain();
    pageTriggers(held.drain, { window: win });
    const calls = () => held.calls.map(([reason]) => reason);
    win.fire('online');
    win.fire('online');
    expect(calls()).toEqual(['start']);
    held.release();
    await settle();
    expect(calls()).toEqual(['start', 'online']);
  });
});

describe('page triggers: pulls', () => {
  function world(options: { scope?: () => 'me' | 'org'; outcome?: DrainReport['outcome'] } = {}) {
    const calls: Call[] = [];
    const win = new Target();
    const doc = new Target();
    const { timers, pending } = fakeTimers();
    let now = T0;
    const outcomes: DrainReport['outcome'][] = options.outcome ? [options.outcome] : [];
    const triggers = startPageTriggers({
      drain: (reason, drainOptions) => {
        calls.push([reason, drainOptions]);
        const outcome = outcomes.shift() ?? 'idle';
        // Busy: the engine says "try again in 2 s".
        return Promise.resolve(
          report({ outcome, nextWakeAt: outcome === 'busy' ? now + 2_000 : null }),
        );
      },
      window: win,
      document: doc,
      clock: { now: () => now },
      timers,
      ...(options.scope ? { pullScope: options.scope } : {}),
    });
    const fire = async (ms: number) => {
      const found = [...pending.entries()].find(([, p]) => p.ms === ms);
      if (!found) throw new Error(`no ${String(ms)} ms timer`);
      pending.delete(found[0]);
      found[1].cb();
      await settle();
    };
    return {
      calls,
      win,
      doc,
      pending,
      triggers,
      fire,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('a return to the tab pulls once the last pull is MIN_PULL_GAP_MS old', async () => {
    const w = world();
    await settle();
    w.advance(MIN_PULL_GAP_MS - 1);
    w.doc.fire('visibilitychange');
    await settle();
    w.advance(1);
    w.doc.fire('visibilitychange');
    await settle();
    expect(w.calls.map(([r, o]) => [r, o?.pull ?? null])).toEqual([
      ['start', 'me'],
      ['visible', null],
      ['visible', 'me'],
    ]);
  });

  it('pulls every PULL_EVERY_MS while visible; a hidden page waits for its return', async () => {
    const w = world();
    await settle();
    await w.fire(PULL_EVERY_MS);
    expect(w.calls.at(-1)).toEqual(['periodic', { pull: 'me' }]);
    w.doc.visibilityState = 'hidden';
    await w.fire(PULL_EVERY_MS);
    expect(w.calls).toHaveLength(2);
    // Re-armed, not dropped: it pulls when it fires on a visible page again.
    w.doc.visibilityState = 'visible';
    await w.fire(PULL_EVERY_MS);
    expect(w.calls.map(([r]) => r)).toEqual(['start', 'periodic', 'periodic']);
  });

  it('"Sync now" pulls at once, in the scope of the screen (the organization for an admin)', async () => {
    let scope: 'me' | 'org' = 'me';
    const w = world({ scope: () => scope });
    await settle();
    scope = 'org';
    w.triggers.pull('sync-now', { ignoreBackoff: true });
    await settle();
    expect(w.calls).toEqual([
      ['start', { pull: 'me' }],
      ['sync-now', { ignoreBackoff: true, pull: 'org' }],
    ]);
  });

  it('a pull that found another drainer busy goes with the next wake-up', async () => {
    const w = world({ outcome: 'busy' });
    await settle();
    // No pull happened, so no periodic one is armed yet: only the 2 s wake-up.
    expect([...w.pending.values()].map((p) => p.ms)).toEqual([2_000]);
    await w.fire(2_000);
    expect(w.calls).toEqual([
      ['start', { pull: 'me' }],
      ['timer', { pull: 'me' }],
    ]);
    expect([...w.pending.values()].map((p) => p.ms)).toEqual([PULL_EVERY_MS]);
  });

  it('triggers meanwhile merge into one drain that pulls what any of them asked', async () => {
    const { calls, drain, release } = heldDrain();
    const triggers = pageTriggers(drain, { pullScope: () => 'org' });
    triggers.pull('sync-now');
    triggers.trigger('queued');
    release();
    await settle();
    expect(calls).toEqual([
      ['start', { pull: 'org' }],
      ['sync-now', { ignoreBackoff: false, pull: 'org' }],
    ]);
  });
});

describe('Background Sync', () => {
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

  it("a wake-up of the worker also pulls the person's accounts, sending what waited at once", async () => {
    const asked: (DrainOptions | undefined)[] = [];
    await drainForWakeUp((_reason, options) => {
      asked.push(options);
      return Promise.resolve(report());
    }, 'background-sync');
    expect(asked).toEqual([{ ignoreBackoff: true, pull: 'me' }]);
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
    const { calls, drain, release: finish } = heldDrain();
    const triggers = pageTriggers(drain);
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
