/**
 * `me` follows the chosen account: whenever the settings name another
 * account, the old live query stops and a new one starts, and a late answer
 * from the old query can no longer overwrite the new account's view.
 *
 * With `expected` (the account the page's hint names, state/chosen-hint),
 * that account's query starts at once, beside the settings' read, and its
 * view is given only once the settings name the same account: the settings
 * stay the truth, the hint only saves their wait. With `first` (that
 * account's view, made from the rows the page read ahead, store/open-ahead),
 * that view is its query's answer until the query's own, if it comes first.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { myView, type AppDb, type MyView, type Settings } from '../store';
import { liveSignal, type LiveSignal } from './live';

export interface FollowedAccount {
  me: ReadonlySignal<MyView | null>;
  /** True once the first read for the current account (or "nobody") has answered. */
  ready: ReadonlySignal<boolean>;
  dispose: () => void;
}

export function followAccount(
  db: AppDb,
  settings: ReadonlySignal<Settings | null>,
  today: () => string,
  expected: string | null = null,
  first: PromiseLike<MyView | null> | null = null,
): FollowedAccount {
  // Only the expected account's first query may take it: never a later one.
  let seed = first;
  const view = signal<MyView | null>(null);
  /** The account whose query has answered (its view is `view`), or null. */
  const answeredFor = signal<string | null>(null);
  let query: LiveSignal<MyView | null> | null = null;
  let stops: (() => void)[] = [];
  let followed: string | null | undefined;
  const current = computed(() =>
    settings.value === null ? undefined : settings.value.currentAccountId,
  );

  const stopQuery = () => {
    for (const stop of stops) stop();
    stops = [];
    query?.dispose();
    query = null;
  };

  const follow = (accountId: string | null) => {
    followed = accountId;
    stopQuery();
    view.value = null;
    answeredFor.value = null;
    if (accountId === null) return;
    const start =
      seed !== null && accountId === expected
        ? { first: seed.then((view) => (view ? { value: view } : null)) }
        : {};
    seed = null;
    const live = liveSignal(() => myView(db, accountId, today()), null, start);
    query = live;
    stops = [
      live.subscribe((next) => {
        if (query === live) view.value = next;
      }),
      live.ready.subscribe((done) => {
        if (query === live && done) answeredFor.value = accountId;
      }),
    ];
  };

  if (expected !== null) follow(expected);
  const stopFollowing = current.subscribe((accountId) => {
    // Settings not read yet: the hinted account's query (if any) runs meanwhile.
    if (accountId === undefined || accountId === followed) return;
    follow(accountId);
  });

  // Settings not read yet: not ready. Nobody chosen: ready, with no view.
  const ready = computed(() => {
    const accountId = current.value;
    if (accountId === undefined) return false;
    return accountId === null || answeredFor.value === accountId;
  });

  return {
    me: computed(() => (ready.value && current.value !== null ? view.value : null)),
    ready,
    dispose: () => {
      stopFollowing();
      stopQuery();
    },
  };
}
