/**
 * The planner's form is outside input: whatever the inputs hold is checked
 * (valibot for the shape, the rules' calendar for the dates) before a step
 * reaches the rules. A problem names its field so the form can say which.
 */
import * as v from 'valibot';
import { addMonths, compareDates, isIsoDate } from '..';
import type { PlanStep } from './types';

/** How far ahead a plan may look; past that, dates stop meaning much (and near year 9999 they overflow). */
export const PLAN_HORIZON_MONTHS = 60;
export const TITLE_MAX = 120;

export type StepKind = PlanStep['kind'];
export const STEP_KINDS: readonly StepKind[] = ['link', 'unlink', 'certify'];

export type FieldProblem = 'missing' | 'malformed' | 'past' | 'too-far' | 'unknown' | 'too-long';

export interface FormProblems {
  kind?: FieldProblem;
  on?: FieldProblem;
  accountId?: FieldProblem;
  title?: FieldProblem;
}

export type ParsedStep = { ok: true; step: PlanStep } | { ok: false; problems: FormProblems };

const RawForm = v.object({
  kind: v.picklist(STEP_KINDS),
  on: v.string(),
  accountId: v.optional(v.string(), ''),
  title: v.optional(v.string(), ''),
  /** The date input's `validity.badInput`: a half-typed date reads as '' but is not "missing". */
  dateBadInput: v.optional(v.boolean(), false),
});

/** What an `<input type="date">` gives: `YYYY-MM-DD`, or '' when empty or half typed. */
export function checkPlanDate(on: string, today: string, badInput = false): FieldProblem | null {
  const value = on.trim();
  if (value === '') return badInput ? 'malformed' : 'missing';
  if (!isIsoDate(value)) return 'malformed';
  if (compareDates(value, today) < 0) return 'past';
  if (compareDates(value, addMonths(today, PLAN_HORIZON_MONTHS)) > 0) return 'too-far';
  return null;
}

/**
 * Turns the form's raw values into a step. `accountIds` are the person's own
 * work accounts: a link to anything else is not theirs to plan.
 */
export function parseStepForm(
  raw: unknown,
  today: string,
  accountIds: readonly string[],
  defaultTitle: string,
): ParsedStep {
  const parsed = v.safeParse(RawForm, raw);
  if (!parsed.success) return { ok: false, problems: { kind: 'unknown' } };
  const { kind, accountId, title } = parsed.output;
  const on = parsed.output.on.trim();
  const problems: FormProblems = {};
  const dateProblem = checkPlanDate(on, today, parsed.output.dateBadInput);
  if (dateProblem) problems.on = dateProblem;
  if (kind === 'link') {
    if (accountId === '') problems.accountId = 'missing';
    else if (!accountIds.includes(accountId)) problems.accountId = 'unknown';
  }
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (kind === 'certify' && Array.from(cleanTitle).length > TITLE_MAX) problems.title = 'too-long';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  switch (kind) {
    case 'link':
      return { ok: true, step: { kind, on, accountId } };
    case 'unlink':
      return { ok: true, step: { kind, on } };
    case 'certify':
      return { ok: true, step: { kind, on, title: cleanTitle || defaultTitle } };
  }
}
