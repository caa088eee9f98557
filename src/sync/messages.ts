/**
 * The messages between the page and the service worker, for both sides: the
 * page (src/pwa/sw-drain.ts) sends requests and reads answers, the
 * worker (src/sw) reads requests and sends answers. A message event's data is
 * whatever someone posted, so each side reads it through `readRequest` or
 * `readAnswer` and drops what does not fit. Hand-written, not valibot: these
 * two shapes are small.
 * DOM-free: it compiles for the page and for the worker.
 */
import type { DrainOutcome, DrainReport, PullScope } from './report';

export type { PullScope } from './report';

/** The Background Sync tag the page registers after queueing an action. */
export const OUTBOX_SYNC_TAG = 'mcid-link-outbox';

/** A page's reason is kept for the log, this long at most. */
const REASON_MAX = 40;

export type WorkerRequest =
  /** workbox-window's `messageSkipWaiting`: the user accepted the update. */
  | { type: 'SKIP_WAITING' }
  /** Drain now; the answer goes back on the port sent with it, if any. */
  | { type: 'DRAIN'; reason: string; ignoreBackoff: boolean; pull?: PullScope };

/** What the worker answers a DRAIN on its port. */
export type DrainAnswer = { ok: true; report: DrainReport } | { ok: false; error: string };

type Fields = Record<string, unknown>;

const isFields = (data: unknown): data is Fields => typeof data === 'object' && data !== null;
const isPull = (value: unknown): value is PullScope => value === 'me' || value === 'org';

/** The request in a message the worker received; null when it is none of ours or malformed. */
export function readRequest(data: unknown): WorkerRequest | null {
  if (!isFields(data)) return null;
  if (data.type === 'SKIP_WAITING') return { type: 'SKIP_WAITING' };
  if (data.type !== 'DRAIN') return null;
  const { reason, ignoreBackoff = false, pull } = data;
  if (typeof reason !== 'string' || typeof ignoreBackoff !== 'boolean') return null;
  if (pull !== undefined && !isPull(pull)) return null;
  return {
    type: 'DRAIN',
    reason: reason.slice(0, REASON_MAX),
    ignoreBackoff,
    ...(pull ? { pull } : {}),
  };
}

const OUTCOMES: ReadonlySet<unknown> = new Set<DrainOutcome>([
  'idle',
  'retry-later',
  'busy',
  'needs-sign-in',
  'misconfigured',
]);
const COUNTS = [
  'sent',
  'applied',
  'rejected',
  'retried',
  'failed',
  'reconciled',
  'pulled',
  'changed',
];

const orNull = (value: unknown, type: 'string' | 'number' | 'object') =>
  value === null || typeof value === type;

function isReport(value: unknown): value is DrainReport {
  return (
    isFields(value) &&
    typeof value.reason === 'string' &&
    OUTCOMES.has(value.outcome) &&
    COUNTS.every((key) => typeof value[key] === 'number') &&
    orNull(value.problem, 'object') &&
    orNull(value.nextWakeAt, 'number') &&
    orNull(value.error, 'string')
  );
}

/** The worker's answer to a DRAIN, as the page received it; null when it is not one. */
export function readAnswer(data: unknown): DrainAnswer | null {
  if (!isFields(data)) return null;
  if (data.ok === true) return isReport(data.report) ? { ok: true, report: data.report } : null;
  if (data.ok === false && typeof data.error === 'string') return { ok: false, error: data.error };
  return null;
}
