import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RulesInputError, planTimeline } from '../../src/rules';
import { anyPolicy, dayBetween } from './arbitraries';
import { allowedOn, firstAllowedByScan, plusDays } from './oracle';

const THREE = ['2026-01-05', '2026-03-01', '2026-06-01'];

describe('planTimeline', () => {
  it('today, with the window full', () => {
    expect(planTimeline({ starts: THREE, today: '2026-11-25' })).toEqual({
      allowed: false,
      firstAllowedOn: '2027-01-05',
      coolOffEndsOn: '2026-07-01',
      remainingInWindow: 0,
      returnsOn: ['2027-01-05', '2027-03-01', '2027-06-01'],
      nextAfterPlannedOn: null,
    });
  });

  it('on the first allowed day, and what that start costs', () => {
    expect(
      planTimeline({ starts: THREE, today: '2026-11-25', plannedStartOn: '2027-01-05' }),
    ).toEqual({
      allowed: true,
      firstAllowedOn: '2027-01-05',
      coolOffEndsOn: '2026-07-01',
      remainingInWindow: 1,
      returnsOn: ['2027-03-01', '2027-06-01'],
      // With a 4th start on 5 Jan, the window is full again until 1 March leaves.
      nextAfterPlannedOn: '2027-03-01',
    });
  });

  it('with no history', () => {
    expect(planTimeline({ starts: [], today: '2026-11-25' })).toEqual({
      allowed: true,
      firstAllowedOn: '2026-11-25',
      coolOffEndsOn: null,
      remainingInWindow: 3,
      returnsOn: [],
      nextAfterPlannedOn: '2026-12-25',
    });
  });

  it('refuses to plan in the past', () => {
    expect(() =>
      planTimeline({ starts: [], today: '2026-11-25', plannedStartOn: '2026-11-24' }),
    ).toThrow(RulesInputError);
  });

  it('allows exactly the days from firstAllowedOn on', () => {
    fc.assert(
      fc.property(
        fc.array(dayBetween('2025-01-01', '2027-12-31'), { maxLength: 6 }),
        dayBetween('2026-01-01', '2027-12-31'),
        fc.integer({ min: 0, max: 500 }),
        anyPolicy,
        (starts, today, ahead, policy) => {
          const plannedStartOn = plusDays(today, ahead);
          const plan = planTimeline({ starts, today, plannedStartOn, policy });
          expect(plan.firstAllowedOn).toBe(firstAllowedByScan(starts, today, policy));
          expect(plan.allowed).toBe(allowedOn(starts, plannedStartOn, policy));
          expect(plan.allowed).toBe(plan.firstAllowedOn <= plannedStartOn);
          if (plan.nextAfterPlannedOn !== null) {
            expect(plan.nextAfterPlannedOn).toBe(
              firstAllowedByScan([...starts, plannedStartOn], plannedStartOn, policy),
            );
          }
        },
      ),
    );
  });
});
