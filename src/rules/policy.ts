/**
 * The numbers of the policy (docs/policy.md, from the source article). They live
 * here and nowhere else: code takes a `Policy`, so a change is one edit.
 */
import { RulesInputError } from './errors';

export interface Policy {
  /** Association starts allowed per rolling window ("3 per year"). */
  yearlyLimit: number;
  /** The rolling window, in calendar months (12). */
  windowMonths: number;
  /** Days between association starts, counted from the start (30). */
  coolOffDays: number;
  /** Achievement → organization credit, in days (10). */
  creditLagDays: number;
  /** Day of the month of the skills-report refresh (10). */
  reportRefreshDay: number;
}

export const DEFAULT_POLICY: Policy = Object.freeze({
  yearlyLimit: 3,
  windowMonths: 12,
  coolOffDays: 30,
  creditLagDays: 10,
  reportRefreshDay: 10,
});

// [field, smallest allowed, largest allowed]. A limit of 0 would forbid every
// link, which is a broken configuration rather than a policy.
const BOUNDS: readonly (readonly [keyof Policy, number, number])[] = [
  ['yearlyLimit', 1, 1000],
  ['windowMonths', 0, 1200],
  ['coolOffDays', 0, 36_500],
  ['creditLagDays', 0, 36_500],
  ['reportRefreshDay', 1, 31],
];

/** Throws `RulesInputError` unless every number is a whole number in its range. */
export function checkPolicy(policy: Policy): Policy {
  for (const [key, min, max] of BOUNDS) {
    const value: unknown = (policy as Partial<Policy> | null | undefined)?.[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new RulesInputError(
        'BAD_POLICY',
        `policy.${key}`,
        `must be a whole number in ${min}..${max}`,
        value,
      );
    }
  }
  return policy;
}
