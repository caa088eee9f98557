/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the app starts with no
 * network, answers every navigation inside its scope with the shell (hash
 * routes mean a deep link is the same document), and takes over only when
 * the page says the user agreed — and never in the middle of a drain.
 */
import { cacheNames } from 'workbox-core';
import { cleanupOutdatedCaches, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
// eslint-disable-next-line import-x/no-restricted-paths -- the lock's name alone, before the worker's sync code starts
import { DRAIN_LOCK } from '../sync/lock-name';
import { readRequest } from '../sync/messages';
import { addAssetRoutes } from './asset-routes';
import { homeLinkHeader } from './home-links';
import { startOutboxSync } from './outbox-sync';
import { getSettings, openDb } from '../store';

declare const self: ServiceWorkerGlobalScope;

/**
 * Precached files are answered straight from the precache, by their cache
 * key as a string. Workbox's own precache route copies each request into a
 * new Request to look it up, ~3 ms a file in the worker (profiled: 30 of the
 * worker's ~80 ms for a returning visit's dozen files went to the Request
 * constructor; without it, ~34 ms). This route comes first; anything it
 * does not know falls to workbox's (registered after it).
 */
let precache: Promise<Cache> | null = null;
async function fromPrecache(cacheKey: string, request: Request): Promise<Response> {
  precache ??= caches.open(cacheNames.precache);
  // Not there (storage evicted mid-update): the network, as workbox would.
  return (await (await precache).match(cacheKey)) ?? fetch(request);
}
const keyOf = (url: URL) => getCacheKeyForURL(url.href);

// Before workbox's install (precacheAndRoute, below): the routes are added
// while the precache fills; they answer only once this worker controls pages.
self.addEventListener('install', (event: ExtendableEvent) => {
  addAssetRoutes(event, self.location.href, cacheNames.precache);
});
registerRoute(
  ({ url, request }) => request.mode !== 'navigate' && keyOf(url) !== undefined,
  ({ url, request }) => fromPrecache(keyOf(url) ?? url.href, request),
);
const manifest = self.__WB_MANIFEST;
const homeLinks = homeLinkHeader(
  manifest.map((entry) => (typeof entry === 'string' ? entry : entry.url)),
  self.location.href,
);

const db = openDb();

/**
 * Whether the device has chosen an account, as last read: home is where a
 * visit opens only then. "Who am I" needs none of home's files, and preloading
 * them there cost Lighthouse's repeat visit (which has chosen no one) its 100.
 */
let someoneChosen = false;
function readChosen(): void {
  getSettings(db).then(
    (settings) => {
      someoneChosen = settings.currentAccountId !== null;
    },
    () => undefined,
  );
}
readChosen();

/**
 * The shell, with the Link header that names what home needs first
 * (`home-links.ts`) where someone is chosen. The settings are read again
 * beside the shell, never waited for: a worker just started answers with
 * what it knew, at worst the shell as it is.
 */
async function shellWithLinks(cacheKey: string, request: Request): Promise<Response> {
  readChosen();
  const shell = await fromPrecache(cacheKey, request);
  if (!someoneChosen || homeLinks === '' || !shell.ok) return shell;
  const headers = new Headers(shell.headers);
  headers.set('Link', homeLinks);
  return new Response(shell.body, { status: shell.status, statusText: shell.statusText, headers });
}

// Any navigation in scope (`./`, `./index.html`, `./?x=1`) gets the shell.
registerRoute(
  new NavigationRoute(({ request }) => {
    const shell = getCacheKeyForURL('index.html');
    return shell === undefined ? fetch(request) : shellWithLinks(shell, request);
  }),
);

precacheAndRoute(manifest);
cleanupOutdatedCaches();

startOutboxSync(db);

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
