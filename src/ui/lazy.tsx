import type { ComponentType } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Route } from '../state/shell';
import { useMessages } from './context';

export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Starts loading the code before the screen is shown (a visit's first screen). */
  preload: () => Promise<unknown>;
};

const byRoute = new Map<Route['name'], () => Promise<unknown>>();

/**
 * Starts loading the code of a route's screen ahead of its first use: the
 * screen a visit opens with, or where a screen knows the person likely goes
 * next. A route with no code of its own (not found) has nothing to load.
 */
export function preloadRoute(name: Route['name']): Promise<unknown> {
  return byRoute.get(name)?.() ?? Promise.resolve();
}

/**
 * A screen that loads its code on first use, so the first paint carries only
 * the shell (preact/compat's `lazy` would pull in compat). The heading slot
 * keeps its height while loading: no layout shift when the code arrives.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  route?: Route['name'],
): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (error: unknown) => {
        // A later mount tries again (the network may be back).
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  function LazyScreen(props: P) {
    // A function given to useState is an initializer: wrap the component so it is stored, not called.
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const m = useMessages();
    // As soon as the placeholder is in the document, not after it has been
    // painted: the code's download is the wait.
    useLayoutEffect(() => {
      if (component) return;
      let alive = true;
      start().then(
        (c) => {
          if (alive) setComponent(() => c);
        },
        () => {
          if (alive) setFailed(true);
        },
      );
      return () => {
        alive = false;
      };
    }, [component]);
    if (component) {
      const Loaded = component;
      return <Loaded {...props} />;
    }
    return <ScreenLoading failed={failed} words={m.common} />;
  }
  const preload = () => start().catch(() => undefined);
  if (route) byRoute.set(route, preload);
  return Object.assign(LazyScreen, { preload });
}

/** The place of a screen whose code or data is on its way (or failed to load). */
export function ScreenLoading({
  failed = false,
  words,
}: {
  failed?: boolean;
  words: { loading: string; loadFailed: string };
}) {
  return (
    <p class="screen-loading" aria-busy={!failed} role={failed ? 'alert' : undefined}>
      {failed ? words.loadFailed : words.loading}
    </p>
  );
}
