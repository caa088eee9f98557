/**
 * The one error the rules throw. Bad input (a malformed date, an unknown
 * profile, a broken policy) is a bug in the caller or corrupt data: the rules
 * refuse to guess, because a guessed decision would be a wrong decision that
 * looks right. Refusals the user can act on are `Decision`s, never throws.
 */

export type RulesInputProblem =
  | 'BAD_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'BAD_NUMBER'
  | 'BAD_POLICY'
  | 'BAD_RECORD'
  | 'UNKNOWN_ID'
  | 'DUPLICATE_ID';

export class RulesInputError extends Error {
  override readonly name = 'RulesInputError';
  /** What kind of input was wrong, for callers that branch on it. */
  readonly problem: RulesInputProblem;
  /** Where the bad value was, e.g. `today` or `associations[2].endedOn`. */
  readonly field: string;
  readonly value: unknown;

  constructor(problem: RulesInputProblem, field: string, message: string, value?: unknown) {
    super(`${field}: ${message} (got ${show(value)})`);
    this.problem = problem;
    this.field = field;
    this.value = value;
  }
}

/** A short, safe rendering of a bad value for the message. */
function show(value: unknown): string {
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}
