/**
 * Chooses the remote from the settings the page and the worker share in
 * Dexie: the embedded Partner Center (default) or the HTTP remote.
 */
import type { AppDb, Settings } from '../store';
import { createEmbeddedRemote } from './embedded-remote';
import { createHttpRemote, type FetchLike } from './http-remote';
import type { PartnerCenterDb } from './partner-center-db';
import type { Remote } from './remote';

export interface RemoteDeps {
  app: AppDb;
  pc: PartnerCenterDb;
  now: () => number;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** `navigator.onLine` of the page or worker (for the failure probe). */
  onLine?: () => boolean;
}

/** Throws (TypeError) for an unusable URL; the engine reports that as "misconfigured". */
export function remoteFor(deps: RemoteDeps): (settings: Settings) => Remote {
  return (settings) => {
    const remote = settings.remote;
    if (remote.kind === 'http') {
      return createHttpRemote({
        baseUrl: remote.baseUrl,
        token: remote.token,
        now: deps.now,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.onLine ? { onLine: deps.onLine } : {}),
      });
    }
    return createEmbeddedRemote({
      app: deps.app,
      pc: deps.pc,
      now: deps.now,
      offline: settings.embeddedOffline,
      delayMs: settings.embeddedDelayMs,
    });
  };
}
