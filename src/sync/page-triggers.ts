/**
 * When the page drains: on start, when the network comes back, when the tab
 * becomes visible, and at the time the last drain said something waits for.
 * DOM-free: `window` and `document` come in as parameters typed by what is
 * used, because src/sync also compiles for the service worker.
 */
import type { DrainOptions, DrainReport } from './engine';
import { OUTBOX_SYNC_TAG } from './lock-name';

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
}

// setTimeout takes a signed 32-bit delay; longer waits are re-armed on wake.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface PageTriggers {
  /** Asks for a drain now; one already running is followed by exactly one more. */
  trigger: (reason: string, options?: DrainOptions) => void;
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
  let timer: unknown = null;
  let running = false;
  let again: { reason: string; options: DrainOptions } | null = null;
  let stopped = false;

  function schedule(at: number | null): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (at === null || stopped) return;
    const delay = Math.min(Math.max(0, at - options.clock.now()), MAX_TIMER_MS);
    timer = timers.setTimeout(() => {
      timer = null;
      trigger('timer');
    }, delay);
  }

  // One drain at a time from this page; a trigger meanwhile runs once after it.
  function trigger(reason: string, drainOptions: DrainOptions = {}): void {
    if (stopped) return;
    if (running) {
      again = {
        reason,
        options: {
          ignoreBackoff: (again?.options.ignoreBackoff ?? false) || drainOptions.ignoreBackoff,
        },
      };
      return;
    }
    running = true;
    options
      .drain(reason, drainOptions)
      .then((report) => {
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
    trigger('online', { ignoreBackoff: true });
  };
  const onVisibility = () => {
    if (options.document.visibilityState === 'visible') trigger('visible');
  };
  options.window.addEventListener('online', onOnline);
  options.document.addEventListener('visibilitychange', onVisibility);
  trigger('start');

  return {
    trigger,
    stop: () => {
      stopped = true;
      options.window.removeEventListener('online', onOnline);
      options.document.removeEventListener('visibilitychange', onVisibility);
      schedule(null);
    },
  };
}

export interface SyncRegistrationLike {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * After queueing: ask for a Background Sync wake-up (the outbox in Dexie
 * stays the record; the sync event only wakes the worker). Where the browser
 * has none, or refuses, the page drains itself.
 */
export async function requestBackgroundSync(
  registration: SyncRegistrationLike | null | undefined,
  pageDrain: () => Promise<unknown>,
): Promise<'background-sync' | 'page'> {
  const sync = registration?.sync;
  if (sync) {
    try {
      await sync.register(OUTBOX_SYNC_TAG);
      return 'background-sync';
    } catch {
      // Permission refused or not allowed here: fall through to the page.
    }
  }
  await pageDrain();
  return 'page';
}
