/**
 * The limits against an independent oracle (test/rules/oracle.ts, built on
 * Date.UTC), for random histories and random policies.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  associationsInWindow,
  checkLimits,
  isStartAllowed,
  nextAssociationDate,
  windowReturns,
} from '../../src/rules';
import { anyPolicy, dayBetween } from './arbitraries';
import { allowedOn, dayOf, firstAllowedByScan, plusDays } from './oracle';

const dayArb = dayBetween('2023-01-01', '2030-12-31');
const startsArb = fc.array(dayArb, { maxLength: 7 });

describe('nextAssociationDate', () => {
  it('is never before today, allows a start, and the day before does not', () => {
    fc.assert(
      fc.property(startsArb, dayArb, anyPolicy, (starts, today, policy) => {
        const next = nextAssociationDate(starts, today, policy);
        expect(dayOf(next)).toBeGreaterThanOrEqual(dayOf(today));
        expect(allowedOn(starts, next, policy)).toBe(true);
        expect(isStartAllowed(starts, next, policy)).toBe(true);
        if (next > today) {
          expect(allowedOn(starts, plusDays(next, -1), policy)).toBe(false);
          expect(isStartAllowed(starts, plusDays(next, -1), policy)).toBe(false);
        }
      }),
    );
  });

  it('is the first allowed day found by walking day by day', () => {
    fc.assert(
      fc.property(startsArb, dayArb, anyPolicy, (starts, today, policy) => {
        expect(nextAssociationDate(starts, today, policy)).toBe(
          firstAllowedByScan(starts, today, policy),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the starts', () => {
    fc.assert(
      fc.property(
        startsArb.chain((s) =>
          fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length })),
        ),
        dayArb,
        anyPolicy,
        ([starts, shuffled], today, policy) => {
          expect(nextAssociationDate(shuffled, today, policy)).toBe(
            nextAssociationDate(starts, today, policy),
          );
        },
      ),
    );
  });
});

describe('checkLimits and the window display agree with the oracle', () => {
  it('for any day', () => {
    fc.assert(
      fc.property(startsArb, dayArb, anyPolicy, (starts, day, policy) => {
        const { coolOffOk, windowOk } = checkLimits(starts, day, policy);
        expect(coolOffOk && windowOk).toBe(allowedOn(starts, day, policy));
        const counted = associationsInWindow(starts, day, policy);
        expect(windowOk).toBe(counted < policy.yearlyLimit);
        const returns = windowReturns(starts, day, policy);
        expect(returns).toHaveLength(counted);
        expect([...returns].sort()).toEqual(returns);
        for (const r of returns) expect(r > day).toBe(true);
      }),
    );
  });
});
