/** What a drain tells its caller (and, through the page, the person). */
import type { PullScope } from '../store/drain';
import type { SyncProblem } from './problem';

export type { PullScope } from '../store/drain';
export type { SyncProblem } from './problem';

export type DrainOutcome =
  /** Nothing left that is due (retries may wait for `nextWakeAt`). */
  | 'idle'
  /** A retryable failure ended this drain; entries wait for their backoff. */
  | 'retry-later'
  /** Another tab or the worker is draining. */
  | 'busy'
  /** 401/403: the queue stops until the remote's token changes. */
  | 'needs-sign-in'
  /** The remote setting cannot be used (say, a bad URL). */
  | 'misconfigured';

export interface DrainReport {
  reason: string;
  outcome: DrainOutcome;
  sent: number;
  applied: number;
  rejected: number;
  retried: number;
  failed: number;
  /** Accounts brought in line with the remote's state after the drain. */
  reconciled: number;
  /** Accounts a pull asked the remote about (0: no pull). */
  pulled: number;
  /** Links that changed here because of the remote's state (recorded for "what changed"). */
  changed: number;
  /** What is wrong with the remote, once the same failure repeats (see problem.ts). */
  problem: SyncProblem | null;
  /** Epoch ms at which a drain should run again, or null when nothing waits. */
  nextWakeAt: number | null;
  /** The last error, for the log and the status line. */
  error: string | null;
}

export interface DrainOptions {
  /** Send entries waiting for a backoff now (the network came back, the demo switch turned on). */
  ignoreBackoff?: boolean;
  /**
   * Also read the remote's state of the person's own accounts ('me'), and for
   * an admin on the organization screens of the organization's ('org').
   */
  pull?: PullScope;
}

export interface SyncStatus {
  draining: boolean;
  needsSignIn: boolean;
  lastReport: DrainReport | null;
  /** What is wrong with the remote, if the same failure keeps repeating. */
  problem: SyncProblem | null;
}

/** Merges two requests for a drain into one that does what both asked. */
export function mergeOptions(a: DrainOptions, b: DrainOptions): DrainOptions {
  const pull = a.pull === 'org' || b.pull === 'org' ? 'org' : (a.pull ?? b.pull);
  return {
    ignoreBackoff: (a.ignoreBackoff ?? false) || (b.ignoreBackoff ?? false),
    ...(pull ? { pull } : {}),
  };
}

export function emptyReport(reason: string): DrainReport {
  return {
    reason,
    outcome: 'idle',
    sent: 0,
    applied: 0,
    rejected: 0,
    retried: 0,
    failed: 0,
    reconciled: 0,
    pulled: 0,
    changed: 0,
    problem: null,
    nextWakeAt: null,
    error: null,
  };
}
