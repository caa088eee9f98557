/**
 * Invariants of the decisions: a person who does whatever decideLink allows,
 * as often as they like, never gets more starts than the policy permits; and
 * the decision is a function of the data, not of how the data is ordered.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  decideLink,
  decideUnlink,
  type Decision,
  type LinkRequest,
  type Policy,
  type World,
} from '../../src/rules';
import { demoWorld, link } from './fixtures';
import { dayOf, isoOf, plusDays } from './oracle';
import { dayBetween, runArb } from './arbitraries';
import { expectWithinLimits, follow } from './follow';

const ACCOUNTS = ['ana-a', 'ana-b', 'bob-a'];

const stepArb = fc.record({
  gap: fc.integer({ min: 0, max: 50 }),
  account: fc.constantFrom(...ACCOUNTS),
  unlink: fc.boolean(),
});

interface Run {
  starts: string[];
  maxActive: number;
}

/** Follows the decisions, applying each allowed action on its day. */
function simulate(
  steps: { step: { gap: number; account: string; unlink: boolean }; day: string }[],
  policy: Policy,
): Run {
  const world = demoWorld();
  let maxActive = 0;
  for (const { step, day } of steps) {
    const req: LinkRequest = {
      actorAccountId: step.account,
      accountId: step.account,
      profileId: 'learn-ana',
    };
    const decision = step.unlink
      ? decideUnlink(world, req, day, policy)
      : decideLink(world, req, day, policy);
    follow(world, decision, req, day, policy, !step.unlink);
    const active = world.associations.filter((a) => a.endedOn == null).length;
    maxActive = Math.max(maxActive, active);
  }
  return { starts: world.associations.map((a) => a.startedOn), maxActive };
}

describe('following decideLink', () => {
  it('never exceeds the yearly limit nor breaks the cool-off', () => {
    fc.assert(
      fc.property(runArb(stepArb, 40), ({ steps, policy }) => {
        const { starts, maxActive } = simulate(steps, policy);
        expect(maxActive).toBeLessThanOrEqual(1);
        expectWithinLimits([...starts].sort(), policy);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches the limit when the person tries every day (the check is not vacuous)', () => {
    const world = demoWorld();
    let current = 'ana-b';
    for (let i = 1; i <= 400; i++) {
      const day = plusDays('2027-01-01', i);
      const target = current === 'ana-a' ? 'ana-b' : 'ana-a';
      const decision = decideLink(
        world,
        { actorAccountId: target, accountId: target, profileId: 'learn-ana' },
        day,
      );
      if (!decision.ok) continue;
      for (const row of world.associations) row.endedOn ??= day;
      world.associations.push(link('learn-ana', target, day));
      current = target;
    }
    // Day 1, +30, +30: then the window is full until the first start leaves it.
    expect(world.associations.map((a) => a.startedOn).slice(0, 4)).toEqual([
      '2027-01-02',
      '2027-02-01',
      '2027-03-03',
      '2028-01-02',
    ]);
  });
});

// A random world over the demo accounts and profiles.
const profileIds = demoWorld().profiles.map((p) => p.id);
const accountIds = [...demoWorld().accounts.map((a) => a.id), 'nobody'];
const assocArb = fc
  .record({
    profileId: fc.constantFrom(...profileIds),
    accountId: fc.constantFrom(...accountIds),
    start: fc.integer({ min: dayOf('2025-06-01'), max: dayOf('2026-11-25') }),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  })
  .map(({ profileId, accountId, start, length }) =>
    link(profileId, accountId, isoOf(start), length === null ? null : isoOf(start + length)),
  );
const worldArb = fc.array(assocArb, { maxLength: 8 }).map((a) => demoWorld(a));
const reqArb = fc.record({
  actorAccountId: fc.constantFrom(...accountIds),
  accountId: fc.constantFrom(...accountIds),
  profileId: fc.constantFrom(...profileIds),
});
const selfReqArb = fc.oneof(
  reqArb,
  reqArb.map((r) => ({ ...r, actorAccountId: r.accountId })),
);

function permuted<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: items.length });
}

function outcome(call: () => Decision): Decision | string {
  try {
    return call();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe('the decision does not depend on the order of the data', () => {
  it('for link and unlink', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.record({
            world: fc.constant(w),
            shuffled: fc.record({
              organizations: permuted(w.organizations),
              accounts: permuted(w.accounts),
              profiles: permuted(w.profiles),
              associations: permuted(w.associations),
            }),
          }),
        ),
        selfReqArb,
        dayBetween('2026-06-01', '2027-06-01'),
        ({ world, shuffled }: { world: World; shuffled: World }, req, today) => {
          expect(outcome(() => decideLink(shuffled, req, today))).toEqual(
            outcome(() => decideLink(world, req, today)),
          );
          expect(outcome(() => decideUnlink(shuffled, req, today))).toEqual(
            outcome(() => decideUnlink(world, req, today)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
