/** Shared fast-check generators for the rules' property tests. */
import fc from 'fast-check';
import { DEFAULT_POLICY, type Policy } from '../../src/rules';
import { dayOf, isoOf, plusDays } from './oracle';

/** Small policies, so that the limits bite often. */
export const policyArb: fc.Arbitrary<Policy> = fc.record({
  yearlyLimit: fc.integer({ min: 1, max: 4 }),
  windowMonths: fc.integer({ min: 0, max: 14 }),
  coolOffDays: fc.integer({ min: 0, max: 60 }),
  creditLagDays: fc.integer({ min: 0, max: 20 }),
  reportRefreshDay: fc.integer({ min: 1, max: 31 }),
});

export const anyPolicy = fc.oneof(fc.constant(DEFAULT_POLICY), policyArb);

export function dayBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: dayOf(from), max: dayOf(to) }).map(isoOf);
}

/**
 * A run of one to `maxLength` steps under any policy: from a first day in
 * 2027–2029, each step `gap` days after the one before, given with its day.
 */
export function runArb<S extends { gap: number }>(
  stepArb: fc.Arbitrary<S>,
  maxLength: number,
): fc.Arbitrary<{ steps: { step: S; day: string }[]; policy: Policy }> {
  return fc
    .tuple(
      dayBetween('2027-01-01', '2029-12-31'),
      fc.array(stepArb, { minLength: 1, maxLength }),
      anyPolicy,
    )
    .map(([first, steps, policy]) => {
      let day = first;
      const dated = steps.map((step) => {
        day = plusDays(day, step.gap);
        return { step, day };
      });
      return { steps: dated, policy };
    });
}
