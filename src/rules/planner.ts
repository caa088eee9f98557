/**
 * "What if I link on this day?" — the numbers behind the profile's planner:
 * whether a start on the planned day is allowed, the first allowed day, and
 * when the starts counted then leave the window.
 */
import { toDayNumber } from './dates';
import { RulesInputError } from './errors';
import {
  associationsInWindow,
  coolOffEndsOn,
  isStartAllowed,
  nextAssociationDate,
  windowReturns,
} from './limits';
import { DEFAULT_POLICY, type Policy } from './policy';

export interface PlanInput {
  /** Every start of the profile, ended associations included. */
  starts: readonly string[];
  today: string;
  /** Defaults to today; must not be before it. */
  plannedStartOn?: string;
  policy?: Policy;
}

export interface Plan {
  /** A start on the planned day is allowed. */
  allowed: boolean;
  /** The earliest day on or after today on which a start is allowed. */
  firstAllowedOn: string;
  /** The first day the cool-off allows a start; null when there was never a start. */
  coolOffEndsOn: string | null;
  /** Starts still available on the planned day, before starting. */
  remainingInWindow: number;
  /** The days the starts counted on the planned day leave the window, earliest first. */
  returnsOn: string[];
  /** When allowed: the first day after the planned start that would allow another one. */
  nextAfterPlannedOn: string | null;
}

export function planTimeline(input: PlanInput): Plan {
  const { starts, today, policy = DEFAULT_POLICY } = input;
  const planned = input.plannedStartOn ?? today;
  if (toDayNumber(planned, 'plannedStartOn') < toDayNumber(today, 'today')) {
    // Starts in the past are history, not a plan.
    throw new RulesInputError('BAD_DATE', 'plannedStartOn', `is before today (${today})`, planned);
  }
  const allowed = isStartAllowed(starts, planned, policy);
  return {
    allowed,
    firstAllowedOn: nextAssociationDate(starts, today, policy),
    coolOffEndsOn: coolOffEndsOn(starts, today, policy),
    remainingInWindow: Math.max(
      0,
      policy.yearlyLimit - associationsInWindow(starts, planned, policy),
    ),
    returnsOn: windowReturns(starts, planned, policy),
    nextAfterPlannedOn: allowed ? nextAssociationDate([...starts, planned], planned, policy) : null,
  };
}
