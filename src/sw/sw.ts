/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the app starts with no
 * network, answers every navigation inside its scope with the shell (hash
 * routes mean a deep link is the same document), and takes over only when
 * the page says the user agreed — and never in the middle of a drain.
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
// eslint-disable-next-line import-x/no-restricted-paths -- the lock's name alone, before the worker's sync code starts
import { DRAIN_LOCK } from '../sync/lock-name';
import { readRequest } from '../sync/messages';
import { startOutboxSync } from './outbox-sync';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation in scope (`./`, `./index.html`, `./?x=1`) gets the shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

startOutboxSync();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if (readRequest(event.data)?.type === 'SKIP_WAITING') {
    // An update must not cut a delivery in half: wait for the drain lock.
    event.waitUntil(afterDrain(() => self.skipWaiting()));
  }
});

self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(self.clients.claim());
});

async function afterDrain(task: () => Promise<void>): Promise<void> {
  // Web Locks are typed as always present, but older engines lack them.
  const locks = (self.navigator as { locks?: LockManager }).locks;
  if (!locks) {
    await task();
    return;
  }
  await locks.request(DRAIN_LOCK, async () => {
    await task();
  });
}
