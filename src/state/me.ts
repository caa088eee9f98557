/**
 * `me` follows the chosen account: whenever the settings name another
 * account, the old live query stops and a new one starts, and a late answer
 * from the old query can no longer overwrite the new account's view.
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
): FollowedAccount {
  const me = signal<MyView | null>(null);
  const ready = signal(false);
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

  const stopFollowing = current.subscribe((accountId) => {
    if (accountId === followed) return;
    followed = accountId;
    stopQuery();
    me.value = null;
    // Settings not read yet: not ready. Nobody chosen: ready, with no view.
    ready.value = accountId === null;
    if (accountId === null || accountId === undefined) return;
    const live = liveSignal(() => myView(db, accountId, today()), null);
    query = live;
    stops = [
      live.subscribe((view) => {
        if (query === live) me.value = view;
      }),
      live.ready.subscribe((done) => {
        if (query === live && done) ready.value = true;
      }),
    ];
  });

  return {
    me,
    ready,
    dispose: () => {
      stopFollowing();
      stopQuery();
    },
  };
}
