/**
 * What an action returns: a result the UI can show, never a thrown refusal.
 * Refusals (rules, store, storage, import) become `{ ok: false, code }`;
 * anything else is a real bug and is re-thrown.
 */
import { ImportError, StorageFullError, isStoreRefusal, type ImportIssue } from '../store';

export type { ImportIssue };
/** How many problems of a refused import are named; the rest are counted. */
export { IMPORT_ISSUES_SHOWN } from '../store';

/** A refused action: the code the UI words, and what it needs to say more. */
export interface Refusal {
  ok: false;
  code: string;
  nextAllowedOn?: string;
  /** IMPORT_INVALID: the first problems of the file (the UI words them)… */
  issues?: ImportIssue[];
  /** …and how many there are in all. */
  totalIssues?: number;
}

export type ActionResult<T = undefined> = { ok: true; value: T } | Refusal;

/** What the screens read of an action's answer: done, or refused and why. */
export type ActionOutcome = { ok: true } | Pick<Refusal, 'ok' | 'code' | 'nextAllowedOn'>;

export async function attempt<T>(task: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    if (isStoreRefusal(error)) {
      return error.nextAllowedOn
        ? { ok: false, code: error.code, nextAllowedOn: error.nextAllowedOn }
        : { ok: false, code: error.code };
    }
    if (error instanceof StorageFullError) return { ok: false, code: 'STORAGE_FULL' };
    // This tab let go of its database (upgraded in another tab, or cleared by
    // the browser): nothing was written, and only a reload can help.
    if (error instanceof Error && error.name === 'DatabaseClosedError') {
      return { ok: false, code: 'RELOAD_NEEDED' };
    }
    if (error instanceof ImportError) {
      return {
        ok: false,
        code: 'IMPORT_INVALID',
        issues: error.issues.slice(0, 10),
        totalIssues: error.total,
      };
    }
    throw error;
  }
}

/** Waits for a task and drops its value, for actions that only say "done". */
export async function nothing(task: Promise<unknown>): Promise<undefined> {
  await task;
  return undefined;
}
