/**
 * "What if": plays the person's planned steps, in date order, against a copy
 * of their data, asking the rules module at each step exactly what it would
 * answer on that day. Nothing here writes data: the result is only a picture
 * of the timeline the plan leads to.
 */
import {
  DEFAULT_POLICY,
  RulesInputError,
  applyEnds,
  associationsInWindow,
  compareDates,
  coolOffEndsOn,
  decideLink,
  decideUnlink,
  nextAssociationDate,
  personOf,
  startsOfPerson,
  windowReturns,
  type Decision,
  type EndedLink,
  type Policy,
  type World,
} from '..';
import { creditEvents } from './credits';
import type {
  PlanOutcome,
  PlanStep,
  PlannerAchievement,
  PlannerAssociation,
  PlannerData,
  StepOutcome,
  TimelineEvent,
} from './types';

interface Sim {
  /** The same array as `world.associations`, typed with the end reason. */
  associations: PlannerAssociation[];
  world: World;
  achievements: PlannerAchievement[];
  events: TimelineEvent[];
  orgOf: (accountId: string) => string;
}

export function simulatePlan(
  data: PlannerData,
  steps: readonly PlanStep[],
  policy: Policy = DEFAULT_POLICY,
): PlanOutcome {
  const { today, profileId } = data;
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => compareDates(a.step.on, b.step.on) || a.index - b.index);
  for (const { step, index } of ordered) {
    if (compareDates(step.on, today) < 0) {
      // The past is history, not a plan (the form refuses it first).
      throw new RulesInputError(
        'BAD_DATE',
        `steps[${index}].on`,
        `is before today (${today})`,
        step.on,
      );
    }
  }
  const orgs = new Map(data.accounts.map((a) => [a.id, a.orgId]));
  const associations = data.associations.map((a) => ({ ...a }));
  const sim: Sim = {
    associations,
    world: {
      organizations: data.organizations,
      accounts: data.accounts,
      profiles: data.profiles,
      associations,
    },
    achievements: [...data.achievements],
    events: [],
    orgOf: (id) => orgs.get(id) ?? '',
  };

  // Played in date order, reported in the order the person gave them.
  const outcomes: StepOutcome[] = new Array<StepOutcome>(steps.length);
  for (const { step, index } of ordered) {
    outcomes[index] = playStep(sim, profileId, step, index, policy);
  }

  const last = ordered.at(-1)?.step.on ?? today;
  // The limits are the person's: every start on any of their profiles counts.
  const person = personOf(sim.world, profileId);
  const starts = startsOfPerson(sim.world, person);
  const nextOn = nextAssociationDate(starts, last, policy);
  const coolOff = coolOffEndsOn(starts, last, policy);
  const counted = associationsInWindow(starts, last, policy);
  const remaining = Math.max(0, policy.yearlyLimit - counted);
  if (coolOff !== null && compareDates(coolOff, today) >= 0) {
    sim.events.push({ kind: 'cool-off-ends', on: coolOff });
  }
  windowReturns(starts, last, policy).forEach((on, i) => {
    sim.events.push({
      kind: 'slot-returns',
      on,
      // After this exit, i + 1 fewer starts count (imported data may hold more than the limit).
      available: Math.max(0, policy.yearlyLimit - (counted - (i + 1))),
    });
  });
  sim.events.push({ kind: 'next-association', on: nextOn });
  sim.events.push(
    ...creditEvents(
      {
        accounts: data.accounts,
        associations: sim.associations,
        achievements: sim.achievements,
      },
      profileId,
      today,
      policy,
    ),
  );

  return {
    steps: outcomes,
    timeline: sortEvents(sim.events),
    nextAssociationOn: nextOn,
    coolOffEndsOn: coolOff,
    remainingInWindow: remaining,
  };
}

function playStep(
  sim: Sim,
  profileId: string,
  step: PlanStep,
  index: number,
  policy: Policy,
): StepOutcome {
  const { world, events } = sim;
  switch (step.kind) {
    case 'certify':
      sim.achievements.push({
        id: `planned-${index}`,
        profileId,
        code: '',
        title: step.title,
        kind: 'certification',
        completedOn: step.on,
      });
      events.push({ kind: 'certified', on: step.on, title: step.title });
      return { step, decision: { ok: true, ends: [] }, firstAllowedOn: null, afterStart: null };
    case 'link': {
      const self = { actorAccountId: step.accountId, accountId: step.accountId, profileId };
      const decision = decideLink(world, self, step.on, policy);
      if (!decision.ok) return refused(sim, step, decision);
      endLinks(sim, decision.ends, step.on, 'moved');
      sim.associations.push({
        profileId,
        accountId: step.accountId,
        startedOn: step.on,
        endedOn: null,
        endReason: null,
      });
      events.push({
        kind: 'link-starts',
        on: step.on,
        accountId: step.accountId,
        orgId: sim.orgOf(step.accountId),
      });
      const starts = startsOfPerson(world, personOf(world, profileId));
      return {
        step,
        decision,
        firstAllowedOn: step.on,
        afterStart: {
          coolOffEndsOn: coolOffEndsOn(starts, step.on, policy),
          remaining: Math.max(
            0,
            policy.yearlyLimit - associationsInWindow(starts, step.on, policy),
          ),
          returnsOn: windowReturns(starts, step.on, policy),
          nextAllowedOn: nextAssociationDate(starts, step.on, policy),
        },
      };
    }
    case 'unlink': {
      const active = world.associations.find(
        (a) => a.profileId === profileId && a.endedOn === null,
      );
      const decision: Decision = active
        ? decideUnlink(
            world,
            { actorAccountId: active.accountId, accountId: active.accountId, profileId },
            step.on,
            policy,
          )
        : { ok: false, code: 'NOT_LINKED' };
      if (!decision.ok) return refused(sim, step, decision);
      endLinks(sim, decision.ends, step.on, 'unlinked');
      return { step, decision, firstAllowedOn: null, afterStart: null };
    }
  }
}

function refused(sim: Sim, step: PlanStep, decision: Decision & { ok: false }): StepOutcome {
  const next = decision.nextAllowedOn ?? null;
  sim.events.push({ kind: 'refused', on: step.on, code: decision.code, nextAllowedOn: next });
  return { step, decision, firstAllowedOn: next, afterStart: null };
}

function endLinks(sim: Sim, ends: readonly EndedLink[], on: string, reason: 'moved' | 'unlinked') {
  const { associations, ended } = applyEnds(sim.associations, ends, on, reason);
  sim.associations = sim.world.associations = associations;
  for (const end of ended) {
    sim.events.push({
      kind: 'link-ends',
      on,
      accountId: end.accountId,
      orgId: sim.orgOf(end.accountId),
      reason,
    });
  }
}

// Same-day events read in the order things happen: the old link ends, the new starts, credits follow.
const ORDER: readonly TimelineEvent['kind'][] = [
  'refused',
  'link-ends',
  'link-starts',
  'certified',
  'credit-leaves',
  'credit-arrives',
  'cool-off-ends',
  'slot-returns',
  'next-association',
];

function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        compareDates(a.e.on, b.e.on) ||
        ORDER.indexOf(a.e.kind) - ORDER.indexOf(b.e.kind) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}
