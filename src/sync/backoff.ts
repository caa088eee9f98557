/**
 * Exponential backoff with full jitter (the AWS architecture blog's "full
 * jitter"): the n-th retry waits a uniformly random time in [0, cap_n), with
 * cap_n = min(maxMs, baseMs · 2^n). Random spreads the retries of many
 * devices; a small floor keeps a zero draw from retrying in a hot loop.
 */

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Shortest wait, whatever the draw. */
  floorMs?: number;
}

export const DEFAULT_BACKOFF: Readonly<Required<BackoffPolicy>> = Object.freeze({
  baseMs: 2_000,
  maxMs: 5 * 60_000,
  floorMs: 500,
});

/**
 * The wait before the next try, after `attempts` failed tries before this one
 * (0 for the first failure). `random` returns a number in [0, 1).
 */
export function backoffDelay(
  attempts: number,
  random: () => number,
  policy: BackoffPolicy,
): number {
  const floor = policy.floorMs ?? DEFAULT_BACKOFF.floorMs;
  const exponent = Math.min(Math.max(0, Math.floor(attempts)), 40);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(floor, Math.floor(draw * cap));
}
