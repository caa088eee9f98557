/**
 * When an achievement reaches the organization (rule 6) and when it leaves the
 * skills report after the link ends (rule 7).
 */
import { addDays, addMonths, daysInMonth, formatDate, maxDate, parseIsoDate } from './dates';
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy';

/** The later of completion and association start, plus the credit lag. */
export function creditDate(
  completedOn: string,
  associatedOn: string,
  policy: Policy = DEFAULT_POLICY,
): string {
  parseIsoDate(completedOn, 'completedOn');
  parseIsoDate(associatedOn, 'associatedOn');
  return addDays(maxDate(completedOn, associatedOn), checkPolicy(policy).creditLagDays);
}

/**
 * The report refresh in the month after the link ended: ended in January →
 * gone from 10 February. A refresh day the month lacks (31 in April) clamps to
 * its last day, so the removal never slips into the month after.
 */
export function reportRemovalDate(endedOn: string, policy: Policy = DEFAULT_POLICY): string {
  const { reportRefreshDay } = checkPolicy(policy);
  const first = parseIsoDate(endedOn, 'endedOn');
  const next = parseIsoDate(addMonths(formatDate({ ...first, day: 1 }), 1, 'endedOn'));
  return formatDate({
    ...next,
    day: Math.min(reportRefreshDay, daysInMonth(next.year, next.month)),
  });
}
