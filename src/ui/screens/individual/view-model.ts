/**
 * What the individual's screens show, as plain typed data. The containers
 * build these from the state layer; the views only render them, so every
 * state of a screen can be tested without a database.
 */
import type { ProfileKind } from '../../../rules';
import type { QueueItem } from '../../components/queue-list';

export type { QueueItem };

export interface AccountView {
  id: string;
  displayName: string;
  email: string;
  orgName: string;
  deleted: boolean;
  /** The person has signed in (acted, or said "this is me"); choosing the account is not signing in. */
  signedIn: boolean;
}

export interface ProfileView {
  id: string;
  kind: ProfileKind;
  /** The personal account's sign-in name. */
  label: string;
  /** Learn only; null until the certification profile is complete. */
  mcid: string | null;
}

/** One kind of profile (Learn or Partner University) on the home screen. */
export interface ProfileSlot {
  kind: ProfileKind;
  /** The person's profile of this kind (the linked one first), or null when they have none. */
  profile: ProfileView | null;
  /** Its active link to the current work account. */
  link: { startedOn: string; pending: boolean } | null;
  /** The organization it is linked to instead, through another of the person's work accounts. */
  elsewhere: string | null;
  /** Association starts of the person in the last 12 months, on any profile (the "n of 3"). */
  usedInWindow: number;
  limit: number;
  /** The first day a new association can start (today when free). */
  nextAssociationOn: string;
}

export type AchievementKind = 'certification' | 'assessment' | 'training';

export interface AchievementView {
  id: string;
  code: string;
  title: string;
  kind: AchievementKind;
  completedOn: string;
  /** When its credit reaches the organization (rules.creditDate). */
  creditOn: string;
  /** True once `creditOn` is today or past. */
  counted: boolean;
}

export interface MeView {
  today: string;
  account: AccountView;
  learn: ProfileSlot;
  partnerUniversity: ProfileSlot;
  /** Achievements of the linked profiles, with their credit for this account's organization. */
  achievements: AchievementView[];
  queue: QueueItem[];
  /** Every learning profile of the person: whose "what changed" the screen shows. */
  profileIds: string[];
}

/** What an action answers: the state layer's shape, narrowed to what the screens read. */
export type { ActionOutcome as ActionResult } from '../../../state/result';

/** What the link screen knows before the person chooses. */
export interface LinkView {
  kind: ProfileKind;
  today: string;
  account: AccountView;
  /** The person's profiles of this kind. */
  profiles: ProfileView[];
}

/**
 * What the person typed on the link screen: an MCID (Learn), or the name of
 * the Partner University account they sign up for.
 */
export type TypedChoice = { mcid: string } | { puName: string };

/** What the person chose on the link screen: one of their profiles, or what they typed. */
export type LinkChoice = { profileId: string } | TypedChoice;

/** The answer of the check before linking: nothing is queued yet. */
export type LinkCheck =
  | {
      ok: true;
      /** What "Link now" links: the checked profile, or what was typed. */
      choice: LinkChoice;
      /** Links that end with this one (the move from another company). */
      ends: { orgName: string; removalOn: string }[];
      /** When existing achievements start to count (null: none yet). */
      creditFrom: string | null;
      /** This start's number in the window, and the limit. */
      startNumber: number;
      limit: number;
    }
  | { ok: false; code: string; nextAllowedOn?: string | null | undefined };

export interface WelcomeAccount extends AccountView {
  personName: string;
}

export interface WelcomeView {
  accounts: WelcomeAccount[];
  currentAccountId: string | null;
}
