/**
 * The Web Locks implementation of `LockLike`: the page's tabs and the service
 * worker share one lock manager per origin, so only one of them drains.
 * `ifAvailable` makes a busy lock an immediate "no" rather than a queue of
 * drains waiting behind each other.
 */
import { createInProcessLock, type LockLike, type LockOutcome } from './lock';

/** The part of `LockManager` we use, so page, worker and tests can all pass theirs. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function createWebLock(locks: LockManagerLike): LockLike {
  return {
    tryRun<T>(name: string, task: () => Promise<T>): Promise<LockOutcome<T>> {
      return locks.request(name, { ifAvailable: true }, async (lock): Promise<LockOutcome<T>> => {
        if (lock === null) return { acquired: false };
        return { acquired: true, value: await task() };
      });
    },
  };
}

/** Web Locks where the context has them (`navigator.locks`), else an in-process lock. */
export function lockFor(nav: { locks?: LockManagerLike } | undefined): LockLike {
  return nav?.locks ? createWebLock(nav.locks) : createInProcessLock();
}
