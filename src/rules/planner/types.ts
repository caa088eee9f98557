/**
 * The shapes the planner works on. They are structural slices of the store's
 * records, so the data layer's rows can be passed as they are; nothing here
 * reads storage or the clock.
 */
import type { AchievementFacts, Decision, EndReason, ProfileKind, RefusalCode } from '..';

export interface PlannerOrganization {
  id: string;
  name: string;
  domains: string[];
}

export interface PlannerAccount {
  id: string;
  orgId: string;
  email: string;
  deletedOn: string | null;
}

export interface PlannerProfile {
  id: string;
  kind: ProfileKind;
  mcid: string | null;
  /** The person: the limits count their starts on all of their profiles. */
  personId: string;
}

export interface PlannerAssociation {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
  endReason?: EndReason | null;
}

export type PlannerAchievement = AchievementFacts;

/** What the planner knows about one person, as of `today`. */
export interface PlannerData {
  today: string;
  /** The Learn profile being planned for. */
  profileId: string;
  profiles: PlannerProfile[];
  /** The person's own work accounts (one per company): the link targets. */
  accounts: PlannerAccount[];
  organizations: PlannerOrganization[];
  /** Every association of the person's profiles, ended ones included. */
  associations: PlannerAssociation[];
  achievements: PlannerAchievement[];
}

/** One future action the person is thinking about. */
export type PlanStep =
  | { kind: 'link'; on: string; accountId: string }
  | { kind: 'unlink'; on: string }
  | { kind: 'certify'; on: string; title: string };

/** What the rules say about one step, taken in date order after the steps before it. */
export interface StepOutcome {
  step: PlanStep;
  decision: Decision;
  /** For a refused link: the first day the same link would be allowed (null if never, e.g. NO_ACCESS). */
  firstAllowedOn: string | null;
  /** For an applied link: the numbers after the new start. */
  afterStart: {
    coolOffEndsOn: string | null;
    /** Starts left in the rolling window right after this one. */
    remaining: number;
    /** The days each start then counted leaves the window, earliest first. */
    returnsOn: string[];
    nextAllowedOn: string;
  } | null;
}

export type TimelineEvent =
  | { kind: 'link-starts'; on: string; accountId: string; orgId: string }
  | {
      kind: 'link-ends';
      on: string;
      accountId: string;
      orgId: string;
      reason: 'moved' | 'unlinked';
    }
  | { kind: 'refused'; on: string; code: RefusalCode; nextAllowedOn: string | null }
  | { kind: 'certified'; on: string; title: string }
  | { kind: 'cool-off-ends'; on: string }
  /** A start leaves the rolling window: `available` starts are free from this day. */
  | { kind: 'slot-returns'; on: string; available: number }
  | { kind: 'next-association'; on: string }
  | {
      kind: 'credit-arrives';
      on: string;
      orgId: string;
      accountId: string;
      achievementId: string;
      title: string;
    }
  | {
      kind: 'credit-leaves';
      on: string;
      orgId: string;
      accountId: string;
      achievementId: string;
      title: string;
    };

export interface PlanOutcome {
  steps: StepOutcome[];
  /** Every dated consequence from today on, in date order. */
  timeline: TimelineEvent[];
  /** After the whole plan: the first day a new association could start. */
  nextAssociationOn: string;
  coolOffEndsOn: string | null;
  /** Starts free in the window on the day of the last step (today when there is none). */
  remainingInWindow: number;
}
