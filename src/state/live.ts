/**
 * A Dexie `liveQuery` as a Preact signal: the query re-runs when a table it
 * read changes — in this tab, another tab, or the service worker — and the
 * signal takes the new value. The query starts at once and stops with
 * `dispose`; until its first answer the signal holds `initial`.
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

export function liveSignal<T>(query: () => Promise<T>, initial: T): LiveSignal<T> {
  const value = signal<T>(initial);
  const error = signal<unknown>(null);
  const ready = signal(false);
  const subscription: Subscription = liveQuery(query).subscribe({
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
  const dispose = () => {
    subscription.unsubscribe();
  };
  return Object.assign(value, { error, ready, dispose });
}
