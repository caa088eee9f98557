/** What a drain tells its caller (and, through the page, the person). */

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
  /** Epoch ms at which a drain should run again, or null when nothing waits. */
  nextWakeAt: number | null;
  /** The last error, for the log and the status line. */
  error: string | null;
}

export interface DrainOptions {
  /** Send entries waiting for a backoff now (the network came back, the demo switch turned on). */
  ignoreBackoff?: boolean;
}

export interface SyncStatus {
  draining: boolean;
  needsSignIn: boolean;
  lastReport: DrainReport | null;
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
    nextWakeAt: null,
    error: null,
  };
}
