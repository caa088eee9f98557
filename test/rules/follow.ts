/**
 * A person who does whatever the decisions allow, for the property tests:
 * each decision followed as the app follows it, and the limits checked on
 * the starts that result.
 */
import { expect } from 'vitest';
import {
  applyEnds,
  decideLink,
  type Decision,
  type LinkRequest,
  type Policy,
  type World,
} from '../../src/rules';
import { dayOf, plusMonths } from './oracle';

/**
 * Follows `decision` on `day`: the links it ends end, and a link (`starts`)
 * starts the request's association. A refusal for the limits is checked
 * instead: the day it names is later and, with nothing else changed, on it
 * the link goes through.
 */
export function follow(
  world: World,
  decision: Decision,
  req: LinkRequest,
  day: string,
  policy: Policy,
  starts: boolean,
): void {
  if (!decision.ok) {
    if (decision.code === 'COOL_OFF' || decision.code === 'YEARLY_LIMIT') {
      const next = decision.nextAllowedOn ?? '';
      expect(next > day).toBe(true);
      expect(decideLink(world, req, next, policy)).toMatchObject({ ok: true });
    }
    return;
  }
  const reason = starts ? 'moved' : 'unlinked';
  world.associations = applyEnds(world.associations, decision.ends, day, reason).associations;
  if (starts) {
    world.associations.push({
      profileId: req.profileId,
      accountId: req.accountId,
      startedOn: day,
      endedOn: null,
    });
  }
}

/** No two of the (sorted) starts closer than the cool-off; no window holding more than the limit. */
export function expectWithinLimits(starts: readonly string[], policy: Policy): void {
  starts.forEach((s, i) => {
    const previous = starts[i - 1];
    if (previous !== undefined) {
      expect(dayOf(s) - dayOf(previous)).toBeGreaterThanOrEqual(policy.coolOffDays);
    }
    // Every window that opens at a start holds at most yearlyLimit starts.
    const closes = plusMonths(s, policy.windowMonths);
    expect(starts.filter((t) => t >= s && t < closes).length).toBeLessThanOrEqual(
      policy.yearlyLimit,
    );
  });
}
