/**
 * The page's side of draining in the service worker: wake it (Background
 * Sync, or a message) and ask it to drain and wait for its report. Loaded
 * with the sync code (src/data-root.ts), never on a first visit: a page
 * with nothing to deliver asks the worker for nothing. Registration and
 * updates are src/pwa/sw-bridge.ts (workbox-window).
 */
// The messages' shapes and their reader, shared with the worker: DOM-free and domain-free.
import {
  OUTBOX_SYNC_TAG,
  readAnswer,
  type DrainAnswer,
  type PullScope,
  type WorkerRequest,
} from '../sync/messages';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Ask for a drain: Background Sync where the browser has it, else a message to the worker. */
export async function wakeSync(): Promise<boolean> {
  const reg = await navigator.serviceWorker.ready;
  const sync = (reg as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync;
  if (sync) {
    try {
      await sync.register(OUTBOX_SYNC_TAG);
      return true;
    } catch {
      // Background Sync refused (permission): fall through to a message.
    }
  }
  if (!navigator.serviceWorker.controller) return false;
  const wake: WorkerRequest = { type: 'DRAIN', reason: 'wake', ignoreBackoff: false };
  navigator.serviceWorker.controller.postMessage(wake);
  return true;
}

/**
 * Ask the controlling worker to drain now and wait for its report (null when
 * no worker controls the page or it did not answer in time: drain in the page then).
 */
export function drainInWorker(
  reason: string,
  options: { ignoreBackoff: boolean; pull?: PullScope },
  timeoutMs = 30_000,
): Promise<DrainAnswer | null> {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return Promise.resolve(null);
  return new Promise<DrainAnswer | null>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(null);
    }, timeoutMs);
    channel.port1.onmessage = (event: MessageEvent) => {
      clearTimeout(timer);
      channel.port1.close();
      // Whatever came back is checked: not an answer counts as none.
      resolve(readAnswer(event.data));
    };
    const request: WorkerRequest = { type: 'DRAIN', reason, ...options };
    worker.postMessage(request, [channel.port2]);
  });
}
