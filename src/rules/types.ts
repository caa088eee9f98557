/**
 * The shapes the decisions work on. A `World` is whatever slice of data the
 * caller has (the store's tables, the embedded Partner Center's database):
 * extra fields are ignored, so store records can be passed as they are.
 */

export type ProfileKind = 'learn' | 'partner-university';

/** The Partner Center roles that may manage an organization's users (rule 1). */
export type Role = 'global-admin' | 'account-admin';

export interface World {
  organizations: { id: string; domains: string[] }[];
  accounts: { id: string; orgId: string; email: string; deletedOn?: string | null }[];
  /**
   * Every profile of the people the decision concerns. `personId` is the
   * individual behind it: the limits count their starts across all of their
   * profiles (docs/policy.md rule 5).
   */
  profiles: { id: string; kind: ProfileKind; mcid?: string | null; personId: string }[];
  /** Active while `endedOn` is empty. */
  associations: {
    profileId: string;
    accountId: string;
    startedOn: string;
    endedOn?: string | null;
  }[];
}

/** An achievement of a profile, as the report and the planner read it. */
export interface AchievementFacts {
  id: string;
  profileId: string;
  code: string;
  title: string;
  kind: string;
  completedOn: string;
}

export interface LinkRequest {
  /** Who asks (the signed-in account). */
  actorAccountId: string;
  accountId: string;
  profileId: string;
}

export type RefusalCode =
  | 'NO_ACCESS'
  | 'NOT_SELF'
  /** The action describes the profile otherwise than the authority's record of it (or it has none). */
  | 'PROFILE_MISMATCH'
  | 'PROFILE_INCOMPLETE'
  | 'PERSON_HAS_OTHER_MCID'
  | 'ALREADY_LINKED'
  | 'ACCOUNT_HAS_OTHER_PROFILE'
  | 'NOT_LINKED'
  | 'COOL_OFF'
  | 'YEARLY_LIMIT';

/** Every refusal code, in the order the checks run (i18n keys, wire validation). */
export const REFUSAL_CODES: readonly RefusalCode[] = Object.freeze([
  'NO_ACCESS',
  'NOT_SELF',
  'PROFILE_MISMATCH',
  'PROFILE_INCOMPLETE',
  'PERSON_HAS_OTHER_MCID',
  'ALREADY_LINKED',
  'ACCOUNT_HAS_OTHER_PROFILE',
  'NOT_LINKED',
  'COOL_OFF',
  'YEARLY_LIMIT',
]);

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && (REFUSAL_CODES as readonly string[]).includes(value);
}

/** A link the decision ends (the move from company A, or the unlinked one). */
export interface EndedLink {
  profileId: string;
  accountId: string;
  startedOn: string;
}

export type Decision =
  { ok: true; ends: EndedLink[] } | { ok: false; code: RefusalCode; nextAllowedOn?: string };
