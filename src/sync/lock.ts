/**
 * "One drainer at a time" behind a small port: Web Locks in browsers and the
 * worker (`web-lock.ts`), and this in-process lock for tests and for browsers
 * without Web Locks (one tab can then still not drain twice at once).
 */

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

export interface LockLike {
  /** Runs `task` only if nobody holds `name`; never waits for it. */
  tryRun<T>(name: string, task: () => Promise<T>): Promise<LockOutcome<T>>;
}

/** A lock shared by everything handed the same instance. */
export function createInProcessLock(): LockLike {
  const held = new Set<string>();
  return {
    async tryRun<T>(name: string, task: () => Promise<T>): Promise<LockOutcome<T>> {
      if (held.has(name)) return { acquired: false };
      held.add(name);
      try {
        return { acquired: true, value: await task() };
      } finally {
        held.delete(name);
      }
    },
  };
}
