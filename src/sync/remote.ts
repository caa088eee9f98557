/**
 * The one port the sync engine talks through: the embedded Partner Center
 * and the HTTP remote both implement it. Every failure is a `RemoteError`
 * whose `kind` tells the engine what to do with the batch (docs/sync-contract.md, "Errors, time-outs and retries").
 */
import type { WireAccountState, WireAction, WireResult } from '../rules';

export interface Remote {
  /** Delivers up to MAX_BATCH actions in order; one result per action, same order. */
  send(actions: WireAction[], signal?: AbortSignal): Promise<WireResult[]>;
  /** The authoritative view of one work account. */
  state(accountId: string, signal?: AbortSignal): Promise<WireAccountState>;
  /**
   * The authoritative views of up to MAX_STATES accounts in one request: one
   * state per account asked, or an error (all or nothing). `null`, or no such
   * method, means this remote cannot read states in batches: ask `state()`
   * per account instead.
   */
  states?(accountIds: readonly string[], signal?: AbortSignal): Promise<WireAccountState[] | null>;
  /**
   * How many accounts one `states` call takes; MAX_STATES when absent (the
   * HTTP contract's limit). The embedded Partner Center, in this browser,
   * takes them all: each of its arrivals reads its whole directory, so an
   * organization's 10,000 accounts read 100 at a time were 100 arrivals.
   */
  readonly maxStates?: number;
  /**
   * After repeated network failures: can the server be reached at all?
   * ('reachable': it answers, but not to our CORS requests.) See problem.ts.
   */
  probe?(): Promise<'reachable' | 'unreachable' | 'offline'>;
}

/** Accounts per batch state read (`POST …/accounts/state`). */
export const MAX_STATES = 100;

export type RemoteErrorKind =
  /** No answer at all (DNS, refused, reset): retried with backoff. */
  | 'network'
  /** No answer in time: retried with backoff (the remote may have applied it). */
  | 'timeout'
  /** 5xx: retried with backoff. */
  | 'server'
  /** 429: retried after `retryAfterMs`. */
  | 'rate-limited'
  /** 401/403: the queue stops until the person signs in again; nothing is dropped. */
  | 'auth'
  /** 400/422: the request itself is wrong; final for the whole batch. */
  | 'bad-request'
  /** An answer that fails the schema: logged and retried, never applied. */
  | 'malformed'
  /** The embedded Partner Center's demo "offline" switch: retried with backoff. */
  | 'offline';

export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  readonly kind: RemoteErrorKind;
  /** HTTP status when there was one. */
  readonly status: number | null;
  /** For `rate-limited`: how long the remote asked us to wait. */
  readonly retryAfterMs: number | null;

  constructor(
    kind: RemoteErrorKind,
    message: string,
    extra: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.kind = kind;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

export function isRemoteError(error: unknown): error is RemoteError {
  return error instanceof RemoteError;
}
