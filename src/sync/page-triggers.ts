/**
 * When the page drains: on start, when the network comes back, when the tab
 * becomes visible, and at the time the last drain said something waits for.
 * The same moments pull (read the remote's state of the person's accounts,
 * or the organization's on its screens), and so does "Sync now"; while the
 * page is open and visible a pull runs every PULL_EVERY_MS, and a return to
 * the tab pulls only if the last pull is MIN_PULL_GAP_MS old.
 * DOM-free: `window` and `document` come in as parameters typed by what is
 * used, because src/sync also compiles for the service worker.
 */
import type { DrainOptions, DrainReport, PullScope } from './engine';
import { mergeOptions } from './report';

/** A pull while the page is open and visible, at most this often. */
export const PULL_EVERY_MS = 5 * 60_000;
/** Switching back to the tab pulls again only after this long. */
export const MIN_PULL_GAP_MS = 30_000;

export interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface DocumentLike extends EventTargetLike {
  readonly visibilityState: string;
}

export interface TimersLike {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PageTriggerOptions {
  drain: (reason: string, options?: DrainOptions) => Promise<DrainReport>;
  window: EventTargetLike;
  document: DocumentLike;
  clock: { now(): number };
  timers?: TimersLike;
  onError?: (error: unknown) => void;
  /** What a pull reads now: 'org' while an admin is on the organization screens. */
  pullScope?: () => PullScope;
  pullEveryMs?: number;
  minPullGapMs?: number;
}

// setTimeout takes a signed 32-bit delay; longer waits are re-armed on wake.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface PageTriggers {
  /** Asks for a drain now; one already running is followed by exactly one more. */
  trigger: (reason: string, options?: DrainOptions) => void;
  /** A drain that also pulls ("Sync now", a new remote, another account chosen). */
  pull: (reason: string, options?: DrainOptions) => void;
  stop: () => void;
}

/** Starts the triggers (and a first drain). */
export function startPageTriggers(options: PageTriggerOptions): PageTriggers {
  const timers: TimersLike = options.timers ?? {
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => {
      clearTimeout(h as ReturnType<typeof setTimeout>);
    },
  };
  const pullEveryMs = options.pullEveryMs ?? PULL_EVERY_MS;
  const minPullGapMs = options.minPullGapMs ?? MIN_PULL_GAP_MS;
  let timer: unknown = null;
  let pullTimer: unknown = null;
  let running = false;
  let again: { reason: string; options: DrainOptions } | null = null;
  let stopped = false;
  let lastPullAt = Number.NEGATIVE_INFINITY;
  // A pull that found the drain busy (another tab, the worker) goes with the next wake.
  let pullOwed = false;

  const withPull = (drainOptions: DrainOptions = {}): DrainOptions => ({
    ...drainOptions,
    pull: options.pullScope?.() ?? 'me',
  });
  const visible = () => options.document.visibilityState === 'visible';

  function schedule(at: number | null): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (at === null || stopped) return;
    const delay = Math.min(Math.max(0, at - options.clock.now()), MAX_TIMER_MS);
    timer = timers.setTimeout(() => {
      timer = null;
      trigger('timer', pullOwed ? withPull() : {});
    }, delay);
  }

  /** The next periodic pull; a hidden page skips it (coming back pulls). */
  function schedulePull(): void {
    if (pullTimer !== null) timers.clearTimeout(pullTimer);
    pullTimer = null;
    if (stopped) return;
    pullTimer = timers.setTimeout(() => {
      pullTimer = null;
      if (visible()) trigger('periodic', withPull());
      else schedulePull();
    }, pullEveryMs);
  }

  // One drain at a time from this page; a trigger meanwhile runs once after it.
  function trigger(reason: string, drainOptions: DrainOptions = {}): void {
    if (stopped) return;
    if (running) {
      again = {
        reason: again?.options.pull && !drainOptions.pull ? again.reason : reason,
        options: mergeOptions(again?.options ?? {}, drainOptions),
      };
      return;
    }
    running = true;
    options
      .drain(reason, drainOptions)
      .then((report) => {
        if (drainOptions.pull) {
          pullOwed = report.outcome === 'busy';
          if (!pullOwed) {
            lastPullAt = options.clock.now();
            schedulePull();
          }
        }
        schedule(report.nextWakeAt);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
        const next = again;
        again = null;
        if (next) trigger(next.reason, next.options);
      });
  }

  const onOnline = () => {
    trigger('online', withPull({ ignoreBackoff: true }));
  };
  const onVisibility = () => {
    if (!visible()) return;
    const due = options.clock.now() - lastPullAt >= minPullGapMs;
    trigger('visible', due ? withPull() : {});
  };
  options.window.addEventListener('online', onOnline);
  options.document.addEventListener('visibilitychange', onVisibility);
  trigger('start', withPull());

  return {
    trigger,
    pull: (reason, drainOptions) => {
      trigger(reason, withPull(drainOptions));
    },
    stop: () => {
      stopped = true;
      options.window.removeEventListener('online', onOnline);
      options.document.removeEventListener('visibilitychange', onVisibility);
      schedule(null);
      if (pullTimer !== null) timers.clearTimeout(pullTimer);
      pullTimer = null;
    },
  };
}
