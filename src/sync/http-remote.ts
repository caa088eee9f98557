/**
 * The HTTP remote: docs/sync-contract.md against a configured base
 * URL. `fetch` is injected (tests, the worker's own), every answer is checked
 * by `schemas.ts` before use, and every failure becomes a typed `RemoteError`.
 */
import { MAX_BATCH } from '../rules';
import type { WireAccountState, WireAction, WireResult } from '../rules';
import { MAX_STATES, RemoteError, type Remote } from './remote';
import { parseAccountState, parseAccountStates, parseBatchResponse } from './schemas';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpRemoteOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string | null;
  fetch?: FetchLike;
  /** Per request, body included. */
  timeoutMs?: number;
  /** For a `Retry-After` given as an HTTP date. */
  now?: () => number;
  /**
   * Base URLs known to lack `POST …/accounts/state`. Defaults to one set for
   * the page's (or worker's) life, so an old server is probed once a session.
   */
  withoutBatchStates?: Set<string>;
  /** Whether the device says it is offline (`navigator.onLine`); absent: unknown. */
  onLine?: () => boolean;
}

/** The base URLs whose server answered 404/405/501 to the batch state read. */
const WITHOUT_BATCH_STATES = new Set<string>();

/** Statuses by which a server says it has no batch state read: use the per-account GET. */
const NO_BATCH_STATES: ReadonlySet<number> = new Set([404, 405, 501]);

export const DEFAULT_TIMEOUT_MS = 15_000;
/** The reachability probe's own time-out. */
const PROBE_TIMEOUT_MS = 10_000;
/** Longest `Retry-After` we honour; a bigger one is clamped, not obeyed blindly. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
const MAX_BODY_CHARS = 5_000_000;

/** The base URL, checked: http or https, no credentials, no query; no trailing slash. */
export function validateBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TypeError('The remote URL is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('The remote URL must start with http:// or https://.');
  }
  if (url.username || url.password) throw new TypeError('The remote URL must not hold a password.');
  if (url.search || url.hash) throw new TypeError('The remote URL must not have a query or #.');
  return url.href.replace(/\/+$/, '');
}

// RFC 6750 b64token: what may follow "Bearer ".
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** The token, checked, so a pasted newline cannot break (or smuggle) a header. */
export function validateToken(token: string): string {
  if (!BEARER_TOKEN.test(token) || token.length > 4096) {
    throw new TypeError('The token has characters a Bearer token cannot have.');
  }
  return token;
}

/** Seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/**
 * One key for the whole request, derived from its action ids (FNV-1a), so a
 * gateway can recognise a repeated POST. The per-action `id` in the body is
 * what the contract dedupes on; this header is a courtesy on top of it.
 */
export function batchKey(actions: readonly WireAction[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of actions.map((a) => a.id).join(',')) {
    const c = ch.charCodeAt(0);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `${actions.length}-${hex(h1)}${hex(h2)}`;
}

export function createHttpRemote(options: HttpRemoteOptions): Remote {
  const base = validateBaseUrl(options.baseUrl);
  const token = options.token ? validateToken(options.token) : null;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => Date.now());
  const withoutBatchStates = options.withoutBatchStates ?? WITHOUT_BATCH_STATES;

  async function request(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    const timer = new AbortController();
    const timeout = setTimeout(() => {
      timer.abort();
    }, timeoutMs);
    const onOuterAbort = () => {
      timer.abort();
    };
    signal?.addEventListener('abort', onOuterAbort);
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    try {
      const response = await doFetch(`${base}${path}`, {
        ...init,
        headers,
        signal: timer.signal,
        // A redirect could carry the token elsewhere: the base URL must be the real one.
        redirect: 'error',
        credentials: 'omit',
      });
      const text = await response.text();
      checkStatus(response, text);
      if (text.length > MAX_BODY_CHARS) throw new RemoteError('malformed', 'answer too large');
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new RemoteError('malformed', 'answer is not JSON', { cause });
      }
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      if (timer.signal.aborted && !signal?.aborted) {
        throw new RemoteError('timeout', `no answer within ${timeoutMs} ms`, { cause: error });
      }
      throw new RemoteError('network', signal?.aborted ? 'aborted' : 'network failure', {
        cause: error,
      });
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  function checkStatus(response: Response, text: string): void {
    const { status } = response;
    if (status >= 200 && status < 300) return;
    const detail = `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    if (status === 401 || status === 403) throw new RemoteError('auth', detail, { status });
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
      throw new RemoteError('rate-limited', detail, { status, retryAfterMs });
    }
    if (status === 400 || status === 422) throw new RemoteError('bad-request', detail, { status });
    if (status === 408) throw new RemoteError('timeout', detail, { status });
    // 5xx and any 4xx the contract does not call final (a wrong URL's 404):
    // retried, so a misconfiguration never drops the person's actions.
    throw new RemoteError('server', detail, { status });
  }

  async function state(accountId: string, signal?: AbortSignal): Promise<WireAccountState> {
    const body = await request(
      `/accounts/${encodeURIComponent(accountId)}/state`,
      { method: 'GET' },
      signal,
    );
    return parseAccountState(body, accountId);
  }

  /** Whether the server lacks the batch read, judged from its failure; remembered. */
  async function lacksBatchStates(
    error: unknown,
    accountIds: readonly string[],
    signal?: AbortSignal,
  ): Promise<boolean> {
    if (!(error instanceof RemoteError)) return false;
    if (error.status !== null && NO_BATCH_STATES.has(error.status)) return true;
    // An old server's CORS setup may refuse the new path's preflight, which
    // a browser reports as a network failure: if the old GET gets through,
    // the network is fine and the batch read is what is missing.
    if (error.kind !== 'network' || signal?.aborted) return false;
    const [first] = accountIds;
    if (first === undefined) return false;
    try {
      await state(first, signal);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * A `no-cors` GET of the base URL: no token, no custom header, so no
   * preflight and no CORS check. Any answer (opaque) means the server is
   * reachable and what fails is CORS; a failure means DNS, TLS, connection.
   */
  async function probe(): Promise<'reachable' | 'unreachable' | 'offline'> {
    if (options.onLine?.() === false) return 'offline';
    const timer = new AbortController();
    const timeout = setTimeout(() => {
      timer.abort();
    }, PROBE_TIMEOUT_MS);
    try {
      await doFetch(`${base}/`, {
        method: 'GET',
        mode: 'no-cors',
        credentials: 'omit',
        cache: 'no-store',
        signal: timer.signal,
      });
      return 'reachable';
    } catch {
      return 'unreachable';
    } finally {
      clearTimeout(timeout);
    }
  }

  return {
    probe,
    async send(actions: WireAction[], signal?: AbortSignal): Promise<WireResult[]> {
      if (actions.length === 0) return [];
      if (actions.length > MAX_BATCH) throw new RangeError(`at most ${MAX_BATCH} actions a batch`);
      const body = await request(
        '/link-actions',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': batchKey(actions) },
          body: JSON.stringify({ actions }),
        },
        signal,
      );
      return parseBatchResponse(body, actions);
    },
    state,
    async states(
      accountIds: readonly string[],
      signal?: AbortSignal,
    ): Promise<WireAccountState[] | null> {
      if (withoutBatchStates.has(base)) return null;
      const unique = [...new Set(accountIds)];
      if (unique.length === 0) return [];
      if (unique.length > MAX_STATES) throw new RangeError(`at most ${MAX_STATES} accounts a read`);
      try {
        const body = await request(
          '/accounts/state',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ accountIds: unique }),
          },
          signal,
        );
        return parseAccountStates(body, unique);
      } catch (error) {
        if (await lacksBatchStates(error, unique, signal)) {
          withoutBatchStates.add(base);
          return null;
        }
        throw error;
      }
    },
  };
}
