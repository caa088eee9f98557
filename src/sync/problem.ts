/**
 * "Say what is wrong": a remote that fails every request the same way (a
 * refused CORS preflight, a 404 on `link-actions`, a name that does not
 * resolve) is not a passing fault. After PROBLEM_AFTER identical failures in
 * a row the engine names it (`SyncProblem`), keeps every action, and retries
 * no faster than SLOW_RETRY_MS until a request gets through.
 *
 * A browser reports a refused CORS request and a DNS or TLS failure alike
 * (a TypeError from fetch). The HTTP remote's `probe()` tells them apart as
 * far as a page honestly can: a `no-cors` request ignores CORS, so if it gets
 * an (opaque) answer the server is reachable and refuses this app's
 * requests; if it fails too, the server is unreachable (or the device is
 * offline, which `navigator.onLine` says when it knows).
 */
import { RemoteError } from './remote';

/** Identical failures in a row after which the problem is named. */
export const PROBLEM_AFTER = 3;
/** Retries while a problem stands wait at least this long. */
export const SLOW_RETRY_MS = 60_000;

export type SyncProblemKind =
  /** The server answers, but not to this app's requests (CORS: origin, headers, preflight). */
  | 'refused'
  /** A request fails before any answer; reachability unknown (no probe). */
  | 'no-answer'
  /** Not even a no-cors request reaches it: DNS, TLS, refused connection, wrong port. */
  | 'unreachable'
  /** 404 or 405 on the contract's paths: the URL is not a sync server's base. */
  | 'not-found'
  /** The same 5xx (or other status) every time. */
  | 'server-error'
  /** No answer within the time-out every time. */
  | 'timeout'
  /** Answers that do not follow the contract. */
  | 'malformed';

export interface SyncProblem {
  kind: SyncProblemKind;
  /** The remote's base URL, or null for the embedded Partner Center. */
  server: string | null;
  /** The HTTP status, when there was one. */
  status: number | null;
  /** Identical failures in a row so far. */
  failures: number;
  /** Epoch ms of the first of them. */
  since: number;
}

/** What a no-cors probe found: an answer, nothing, or a device that says it is offline. */
export type ProbeResult = 'reachable' | 'unreachable' | 'offline';

/** Failures that say nothing about the server: the device or the demo is offline. */
function isLocal(error: RemoteError): boolean {
  return error.kind === 'offline' || error.message === 'aborted';
}

/** Two failures are "identical" when kind and status agree. */
export function failureSignature(error: RemoteError): string | null {
  if (isLocal(error) || error.kind === 'rate-limited' || error.kind === 'auth') return null;
  if (error.kind === 'bad-request') return null;
  return `${error.kind}:${String(error.status ?? '')}`;
}

/** Names the problem behind a failure (null: nothing to tell, e.g. the device is offline). */
export function classifyFailure(
  error: RemoteError,
  probe: ProbeResult | null,
): SyncProblemKind | null {
  switch (error.kind) {
    case 'network':
      if (probe === 'offline') return null;
      if (probe === 'reachable') return 'refused';
      if (probe === 'unreachable') return 'unreachable';
      return 'no-answer';
    case 'timeout':
      return 'timeout';
    case 'malformed':
      return 'malformed';
    case 'server':
      return error.status === 404 || error.status === 405 ? 'not-found' : 'server-error';
    default:
      return null;
  }
}

/** Counts identical failures in a row; a success (or a different failure) starts again. */
export interface FailureStreak {
  /** A request failed; returns the problem once PROBLEM_AFTER identical failures are seen. */
  failed(
    error: RemoteError,
    at: number,
    server: string | null,
    probe: () => Promise<ProbeResult | null>,
  ): Promise<SyncProblem | null>;
  /** A request got through: the problem, if any, is over. */
  succeeded(): void;
  current(): SyncProblem | null;
}

export function createFailureStreak(after: number = PROBLEM_AFTER): FailureStreak {
  let signature: string | null = null;
  let count = 0;
  let since = 0;
  let problem: SyncProblem | null = null;
  return {
    async failed(error, at, server, probe) {
      const sig = failureSignature(error);
      if (sig === null) return problem;
      if (sig !== signature) {
        signature = sig;
        count = 0;
        since = at;
        problem = null;
      }
      count += 1;
      if (count < after) return null;
      const kind = classifyFailure(error, error.kind === 'network' ? await probe() : null);
      problem =
        kind === null ? null : { kind, server, status: error.status, failures: count, since };
      return problem;
    },
    succeeded() {
      signature = null;
      count = 0;
      problem = null;
    },
    current: () => problem,
  };
}
