/** A policy's numbers checked before the rules use them (a broken configuration is an error). */
import { RulesInputError } from './errors';
import type { Policy } from './policy';

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
