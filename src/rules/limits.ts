/**
 * The abuse limits (docs/policy.md rule 5), per individual: over every
 * association start of every profile the person has or had, Learn and
 * Partner University alike — ended ones too: unlinking does not give a start
 * back, and neither does removing a wrong MCID. A start on day D needs
 *   - cool-off: D >= latest start + coolOffDays, and
 *   - window:   fewer than yearlyLimit starts S with D < S + windowMonths.
 * Both conditions only get easier as D moves forward, so the days allowed are
 * exactly the days on or after one date: that is what `nextAssociationDate` finds.
 */
import { addMonths, fromDayNumber, toDayNumber } from './dates';
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { World } from './types';
import { findProfile } from './world';

interface Parsed {
  day: number;
  /** Day numbers of the starts, sorted ascending. */
  starts: number[];
  /** Day on which each start leaves the window, sorted ascending. */
  exits: number[];
}

function parse(starts: readonly string[], today: string, policy: Policy): Parsed {
  checkPolicy(policy);
  const day = toDayNumber(today, 'today');
  const parsed = starts.map((s, i) => toDayNumber(s, `starts[${i}]`)).sort((a, b) => a - b);
  const exits = starts
    .map((s, i) => toDayNumber(addMonths(s, policy.windowMonths, `starts[${i}]`)))
    .sort((a, b) => a - b);
  return { day, starts: parsed, exits };
}

function coolOffEnd(p: Parsed, policy: Policy): number | null {
  const latest = p.starts.at(-1);
  return latest === undefined ? null : latest + policy.coolOffDays;
}

/** First day on which fewer than `yearlyLimit` starts are in the window (null: no limit yet). */
function windowFree(p: Parsed, policy: Policy): number | null {
  // With exits sorted ascending, the yearlyLimit-th largest must have passed.
  const exit = p.exits[p.exits.length - policy.yearlyLimit];
  return exit ?? null;
}

function inWindow(p: Parsed): number[] {
  return p.exits.filter((exit) => p.day < exit);
}

type OverStarts<T> = (starts: readonly string[], day: string, policy?: Policy) => T;

/** A limit's answer for `day`, over the person's starts (the policy checked and the days parsed). */
function overStarts<T>(answer: (p: Parsed, policy: Policy) => T): OverStarts<T> {
  return (starts, day, policy = DEFAULT_POLICY) => answer(parse(starts, day, policy), policy);
}

/** The individual behind a profile (throws on an unknown profile: guessing would miscount). */
export function personOf(world: Pick<World, 'profiles'>, profileId: string): string {
  return findProfile(world, profileId).personId;
}

/**
 * The starts (any state) that count for one person: every association of
 * every profile of theirs. An association whose profile the world does not
 * hold cannot be told apart from someone else's, so it is not counted; the
 * callers load the person's profiles with their associations.
 */
export function startsOfPerson(
  world: Pick<World, 'profiles' | 'associations'>,
  personId: string,
): string[] {
  const theirs = new Set(world.profiles.filter((p) => p.personId === personId).map((p) => p.id));
  return world.associations.filter((a) => theirs.has(a.profileId)).map((a) => a.startedOn);
}

/** How many starts count against the limit on `today` (the "n of 3"). */
export const associationsInWindow = overStarts((p): number => inWindow(p).length);

/** The days on which each start counted today leaves the window, earliest first. */
export const windowReturns = overStarts((p): string[] => inWindow(p).map((d) => fromDayNumber(d)));

/** The first day the cool-off allows a start, or null when there was never a start. */
export const coolOffEndsOn = overStarts((p, policy): string | null => {
  const end = coolOffEnd(p, policy);
  return end === null ? null : fromDayNumber(end);
});

export interface LimitCheck {
  coolOffOk: boolean;
  windowOk: boolean;
}

/** Which of the two limits allow a start on `day`. */
export const checkLimits = overStarts((p, policy): LimitCheck => {
  const cool = coolOffEnd(p, policy);
  return {
    coolOffOk: cool === null || p.day >= cool,
    windowOk: inWindow(p).length < policy.yearlyLimit,
  };
});

export function isStartAllowed(
  starts: readonly string[],
  day: string,
  policy: Policy = DEFAULT_POLICY,
): boolean {
  const { coolOffOk, windowOk } = checkLimits(starts, day, policy);
  return coolOffOk && windowOk;
}

/** The earliest day on or after `today` on which both limits allow a new start. */
export const nextAssociationDate = overStarts((p, policy): string => {
  const candidates = [p.day, coolOffEnd(p, policy), windowFree(p, policy)];
  return fromDayNumber(Math.max(...candidates.filter((d) => d !== null)));
});
