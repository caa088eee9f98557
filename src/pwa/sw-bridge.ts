/**
 * The one bridge between the page and the service worker (workbox-window):
 * register, offer the update, and skip waiting only when the user agrees.
 * Asking the worker to drain the outbox is src/pwa/sw-drain.ts, loaded with
 * the sync code: a first visit downloads this file only.
 */
import { Workbox } from 'workbox-window';

export const SW_FILE = 'sw.js';

export interface SwBridge {
  /** True once a service worker controls this page. */
  readonly controlled: () => boolean;
  /** The user agreed: the waiting worker takes over and the page reloads. */
  acceptUpdate: () => void;
}

export interface SwBridgeOptions {
  /** Called when a new version is installed and waiting for the user's consent. */
  onUpdateAvailable: () => void;
  /** Called when registration failed (the app still works, online only). */
  onError?: (error: unknown) => void;
  /** Reload the page (injected so tests can observe it). */
  reload?: () => void;
}

/**
 * Trusted Types are required by our CSP: `serviceWorker.register` is a
 * script-URL sink, so the worker's URL goes through a policy that accepts
 * only our own worker file next to the page.
 */
// The DOM lib of TypeScript 6 has no Trusted Types yet: the little we use, typed here.
interface TrustedPolicy {
  createScriptURL(input: string): string;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (input: string) => string }): TrustedPolicy;
}

function trustedWorkerUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return url;
  const policy = tt.createPolicy('mcid-link', {
    createScriptURL: (input: string) => {
      const resolved = new URL(input, document.baseURI);
      const expected = new URL(SW_FILE, document.baseURI);
      if (resolved.href !== expected.href) throw new TypeError(`Refused script URL: ${input}`);
      return resolved.href;
    },
  });
  return policy.createScriptURL(url);
}

export function registerServiceWorker(options: SwBridgeOptions): SwBridge | null {
  if (!('serviceWorker' in navigator)) return null;
  // Relative to the page, so the same build works at / and at /tools/mcid/.
  const url = new URL(SW_FILE, document.baseURI).href;
  // A TrustedScriptURL at run time where Trusted Types exist; a string elsewhere.
  const wb = new Workbox(trustedWorkerUrl(url), { scope: './' });
  const reload =
    options.reload ??
    (() => {
      location.reload();
    });
  let accepted = false;

  wb.addEventListener('waiting', () => {
    options.onUpdateAvailable();
  });
  // Only reload for a worker the user accepted; the first install also
  // "controls" the page and must not cause a reload.
  wb.addEventListener('controlling', () => {
    if (accepted) reload();
  });
  wb.register().catch((error: unknown) => options.onError?.(error));

  return {
    controlled: () => navigator.serviceWorker.controller !== null,
    acceptUpdate: () => {
      accepted = true;
      wb.messageSkipWaiting();
    },
  };
}
