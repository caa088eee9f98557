/**
 * What the store's operations throw when they refuse. A refusal is something
 * the person can act on (the UI turns its code into words); a bug or corrupt
 * data stays a plain Error or the rules' `RulesInputError`.
 */
import type { InvariantCode, RefusalCode } from '../rules';

export type StoreRefusalCode =
  | RefusalCode
  | 'EMAIL_DOMAIN'
  | 'EMAIL_INVALID'
  | 'DUPLICATE_EMAIL'
  | 'NOT_ADMIN'
  | 'MCID_INVALID'
  | 'DUPLICATE_MCID'
  /** A Partner University sign-up for a person who has an account on this device. */
  | 'PU_ACCOUNT_EXISTS'
  | 'NOT_FOUND'
  | 'INVALID_INPUT';

export class StoreRefusal extends Error {
  override readonly name = 'StoreRefusal';
  readonly code: StoreRefusalCode;
  /** The first day the refused action can succeed, where a date applies. */
  readonly nextAllowedOn: string | undefined;

  constructor(code: StoreRefusalCode, nextAllowedOn?: string, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
    this.nextAllowedOn = nextAllowedOn;
  }
}

export function isStoreRefusal(error: unknown): error is StoreRefusal {
  return error instanceof StoreRefusal;
}

/** The device ran out of storage; the transaction was aborted, nothing half-written. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('The device storage for MCID Link is full; nothing was saved.', options);
  }
}

/** One problem in an import file: where (a JSON path) and why. */
export interface ImportIssue {
  path: string;
  /** In English, for logs and the error's message; `code` says it in the reader's words. */
  reason: string;
  /** A rule the file breaks (checkInvariants), for the UI's words. */
  code?: InvariantCode;
  /** The row it clashes with, as a JSON path. */
  other?: string;
  /** COOL_OFF, YEARLY_LIMIT: the first day the start was allowed. */
  date?: string;
}

/** How many problems an import error names; the rest are counted. */
export const IMPORT_ISSUES_SHOWN = 5;

/** A file's own text can reach a message (a key, a value echoed by valibot): keep it short. */
function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly issues: readonly ImportIssue[];
  /** Every problem found, `issues` included (more than `issues.length` when some were left out). */
  readonly total: number;
  constructor(all: readonly ImportIssue[], total: number = all.length) {
    const issues = all.map((i) => ({ ...i, path: clip(i.path), reason: clip(i.reason) }));
    const shown = issues
      .slice(0, IMPORT_ISSUES_SHOWN)
      .map((i) => `${i.path || '(file)'}: ${i.reason}`)
      .join('; ');
    const more = Math.max(total, issues.length) - Math.min(issues.length, IMPORT_ISSUES_SHOWN);
    super(`The file cannot be imported: ${shown}${more > 0 ? `; and ${more} more` : ''}`);
    this.issues = issues;
    this.total = Math.max(total, issues.length);
  }
}
