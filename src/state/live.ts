/**
 * A Dexie `liveQuery` as a Preact signal: the query re-runs when a table it
 * read changes — in this tab, another tab, or the service worker — and the
 * signal takes the new value. The query starts at once and stops with
 * `dispose`; until its first answer the signal holds `initial`.
 *
 * With `releaseAfterMs`, a signal that was watched (a component, effect or
 * computed subscribed) and then is watched by nobody for that long stops its
 * query and calls `onRelease`: a large query (the organization's skills
 * report) must not re-run on every change while no screen shows it. A
 * signal never subscribed (read with `.value` only) is never released.
 *
 * With `lazy`, the query starts only when the signal is first watched, and a
 * release (after `releaseAfterMs`, default 0, unwatched) only pauses it: the
 * signal keeps its last value and the next watcher starts the query again.
 * Home must not read and sort every account of a 10,000-user organization
 * for a "who am I" list it does not show.
 *
 * With `first`, an answer that may come before the query's own: if it does,
 * the signal takes it and is ready, and the query's answer replaces it
 * (home's first view, made from rows the page read before Dexie had
 * arrived, store/open-ahead); if not, it is ignored.
 */
import { liveQuery, type Subscription } from 'dexie';
import { signal, type ReadonlySignal } from '@preact/signals';

export interface LiveSignal<T> extends ReadonlySignal<T> {
  /** The last error of the query, or null. */
  readonly error: ReadonlySignal<unknown>;
  /** False until the query has answered (or failed) once: a skeleton shows until then. */
  readonly ready: ReadonlySignal<boolean>;
  dispose(): void;
}

export interface LiveOptions<T = unknown> {
  releaseAfterMs?: number;
  onRelease?: () => void;
  lazy?: boolean;
  /** An answer taken if it comes before the query's (null: none). */
  first?: PromiseLike<{ value: T } | null>;
}

export function liveSignal<T>(
  query: () => Promise<T>,
  initial: T,
  options: LiveOptions<T> = {},
): LiveSignal<T> {
  let releaseTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelRelease = () => {
    if (releaseTimer !== null) clearTimeout(releaseTimer);
    releaseTimer = null;
  };
  const lazy = options.lazy === true;
  const releaseAfterMs = options.releaseAfterMs ?? (lazy ? 0 : undefined);
  let subscription: Subscription | null = null;
  const start = () => {
    subscription ??= liveQuery(query).subscribe({
      next: (next) => {
        value.value = next;
        error.value = null;
        ready.value = true;
      },
      error: (e: unknown) => {
        error.value = e;
        ready.value = true;
      },
    });
  };
  const stop = () => {
    cancelRelease();
    subscription?.unsubscribe();
    subscription = null;
  };
  const value = signal<T>(
    initial,
    releaseAfterMs === undefined
      ? {}
      : {
          watched: () => {
            cancelRelease();
            if (lazy) start();
          },
          unwatched: () => {
            cancelRelease();
            releaseTimer = setTimeout(() => {
              releaseTimer = null;
              stop();
              options.onRelease?.();
            }, releaseAfterMs);
          },
        },
  );
  const error = signal<unknown>(null);
  const ready = signal(false);
  if (!lazy) start();
  options.first?.then(
    (first) => {
      if (first === null || ready.peek() || subscription === null) return;
      value.value = first.value;
      ready.value = true;
    },
    () => undefined,
  );
  return Object.assign(value, { error, ready, dispose: stop });
}
