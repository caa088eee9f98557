/**
 * The invariants the rules keep, checked over a whole data set at once: what
 * `decideLink`/`decideUnlink` and the admin operations would never have let
 * happen. An import (an edited export file) and the embedded Partner Center's
 * seed are checked with this before they are trusted, so no path gets around
 * the rules (docs/policy.md: "no path may get around these rules").
 *
 * One pass per table with maps: linear in the rows (plus a sort of each
 * person's starts), never a scan per row.
 */
import { toDayNumber } from './dates';
import { checkLimits, isStartAllowed, nextAssociationDate } from './limits';
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { ProfileKind } from './types';
import { isOfficialEmail } from './validate';
import { hasMcid } from './world';

export interface InvariantData {
  organizations: readonly { id: string; domains: readonly string[] }[];
  accounts: readonly {
    id: string;
    orgId: string;
    personId: string;
    email: string;
    roles: readonly string[];
    /** Null only for the organization's first (global) admin. */
    createdBy: string | null;
    createdOn: string;
    firstSignInOn: string | null;
    deletedOn: string | null;
  }[];
  profiles: readonly { id: string; personId: string; kind: ProfileKind; mcid: string | null }[];
  associations: readonly {
    profileId: string;
    accountId: string;
    startedOn: string;
    endedOn: string | null;
  }[];
}

export type InvariantCode =
  /** The account's email is not on one of its organization's domains. */
  | 'EMAIL_NOT_OFFICIAL'
  /** Created by an account that was not an admin of its organization at the time (or a loop). */
  | 'CREATOR_NOT_ADMIN'
  /** Created by nobody, but not its organization's one first global admin. */
  | 'FIRST_ADMIN_INVALID'
  /** The MCID is on profiles of two different people. */
  | 'MCID_SHARED'
  /** The profile belongs to another person than the work account. */
  | 'NOT_OWN_PROFILE'
  /** The account had not signed in by the day the association started. */
  | 'NOT_SIGNED_IN'
  /** Started after the account's deletion, or still active on a deleted account. */
  | 'ACCOUNT_DELETED'
  /** An active Learn association of a profile without an MCID. */
  | 'PROFILE_INCOMPLETE'
  | 'ENDS_BEFORE_START'
  /** A second active association of one profile (rule 4). */
  | 'PROFILE_LINKED_TWICE'
  /** A second active association of one kind on one work account (rule 3). */
  | 'ACCOUNT_HAS_OTHER_PROFILE'
  /** Rule 5, counted per person over all their profiles. */
  | 'COOL_OFF'
  | 'YEARLY_LIMIT';

export type InvariantTable = 'accounts' | 'profiles' | 'associations';

export interface InvariantProblem {
  code: InvariantCode;
  /** Where: the row `table[index]` and its field. */
  table: InvariantTable;
  index: number;
  field: string;
  /** The row it clashes with, where there is one (the first active link, the other person's profile). */
  other?: { table: InvariantTable; index: number };
  /** COOL_OFF, YEARLY_LIMIT: the first day a start was allowed. */
  date?: string;
  /** The same in English, for logs and error messages (the UI words come from i18n). */
  reason: string;
}

const ADMIN_ROLES: readonly string[] = ['global-admin', 'account-admin'];
const isAdmin = (roles: readonly string[]) => roles.some((r) => ADMIN_ROLES.includes(r));

function byId(rows: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  // The first row wins; duplicate ids are the caller's own check (references).
  rows.forEach((row, i) => {
    if (!map.has(row.id)) map.set(row.id, i);
  });
  return map;
}

/** Reports problems of the row `table[index]`; `other` is a row of the same table. */
function reporter(out: InvariantProblem[], table: InvariantTable, index: number) {
  return (code: InvariantCode, field: string, reason: string, other?: number) => {
    out.push({
      code,
      table,
      index,
      field,
      reason,
      ...(other === undefined ? {} : { other: { table, index: other } }),
    });
  };
}

function checkAccounts(data: InvariantData, out: InvariantProblem[]): void {
  const orgs = byId(data.organizations);
  const accounts = byId(data.accounts);
  const firstAdminOf = new Map<string, number>();
  const day = (value: string, field: string) => toDayNumber(value, field);
  data.accounts.forEach((a, i) => {
    const at = reporter(out, 'accounts', i);
    const org = data.organizations[orgs.get(a.orgId) ?? -1];
    if (org && !isOfficialEmail(a.email, org.domains)) {
      at('EMAIL_NOT_OFFICIAL', 'email', "not one of its organization's official domains");
    }
    if (a.createdBy === null) {
      const first = firstAdminOf.get(a.orgId);
      if (!a.roles.includes('global-admin')) {
        at('FIRST_ADMIN_INVALID', 'createdBy', 'created by nobody but not a global admin');
      } else if (first !== undefined) {
        at('FIRST_ADMIN_INVALID', 'createdBy', 'a second first admin of one organization', first);
      } else {
        firstAdminOf.set(a.orgId, i);
      }
      return;
    }
    const c = accounts.get(a.createdBy);
    const creator = data.accounts[c ?? -1];
    if (c === undefined || !creator) return; // an unknown id: the references check says so
    const created = day(a.createdOn, `accounts[${i}].createdOn`);
    const ok =
      c !== i &&
      creator.orgId === a.orgId &&
      isAdmin(creator.roles) &&
      day(creator.createdOn, `accounts[${c}].createdOn`) <= created &&
      (creator.deletedOn === null || day(creator.deletedOn, `accounts[${c}].deletedOn`) > created);
    if (!ok) {
      at('CREATOR_NOT_ADMIN', 'createdBy', 'not created by an admin of its organization', c);
    }
  });
  checkCreatorLoops(data, accounts, out);
}

/** Every `createdBy` chain must end at a first admin: accounts that create each other are refused. */
function checkCreatorLoops(
  data: InvariantData,
  accounts: Map<string, number>,
  out: InvariantProblem[],
): void {
  // 0 unknown, 1 on the current walk, 2 reaches a root (or an unknown id).
  const state = new Uint8Array(data.accounts.length);
  for (let start = 0; start < data.accounts.length; start += 1) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const by: string | null | undefined = data.accounts[i]?.createdBy;
      i = by == null ? undefined : accounts.get(by);
    }
    const loop = i !== undefined && state[i] === 1;
    for (const j of walk) state[j] = 2;
    if (loop) {
      out.push({
        code: 'CREATOR_NOT_ADMIN',
        table: 'accounts',
        index: i as number,
        field: 'createdBy',
        reason: 'its creators form a loop that no first admin started',
      });
    }
  }
}

function checkProfiles(data: InvariantData, out: InvariantProblem[]): void {
  const ownerOf = new Map<string, number>();
  data.profiles.forEach((p, i) => {
    if (!hasMcid(p) || p.mcid == null) return;
    const first = ownerOf.get(p.mcid);
    if (first === undefined) ownerOf.set(p.mcid, i);
    else if (data.profiles[first]?.personId !== p.personId) {
      out.push({
        code: 'MCID_SHARED',
        table: 'profiles',
        index: i,
        field: 'mcid',
        other: { table: 'profiles', index: first },
        reason: 'this MCID is also the profile of another person',
      });
    }
  });
}

function checkAssociations(data: InvariantData, policy: Policy, out: InvariantProblem[]): void {
  const profiles = byId(data.profiles);
  const accounts = byId(data.accounts);
  const activeOfProfile = new Map<string, number>();
  const activeOfAccountKind = new Map<string, number>();
  const startsOfPerson = new Map<string, { day: number; index: number }[]>();

  data.associations.forEach((s, i) => {
    const at = reporter(out, 'associations', i);
    const started = toDayNumber(s.startedOn, `associations[${i}].startedOn`);
    const active = s.endedOn === null;
    if (!active && toDayNumber(s.endedOn, `associations[${i}].endedOn`) < started) {
      at('ENDS_BEFORE_START', 'endedOn', 'ends before it starts');
    }
    const profile = data.profiles[profiles.get(s.profileId) ?? -1];
    const account = data.accounts[accounts.get(s.accountId) ?? -1];
    if (!profile || !account) return; // unknown ids: the references check says so

    if (profile.personId !== account.personId) {
      at('NOT_OWN_PROFILE', 'profileId', 'the profile of another person than the work account');
    }
    const signedIn = account.firstSignInOn;
    if (signedIn === null || toDayNumber(signedIn) > started) {
      at('NOT_SIGNED_IN', 'startedOn', 'the work account had not signed in by then');
    }
    if (account.deletedOn !== null) {
      const deleted = toDayNumber(account.deletedOn);
      // A link started earlier on the day of the deletion is the app's own
      // doing (link, then delete): it ended with the deletion (checked below).
      if (started > deleted)
        at('ACCOUNT_DELETED', 'startedOn', 'starts after the account was deleted');
      else if (active) at('ACCOUNT_DELETED', 'endedOn', 'still active on a deleted account');
    }
    if (active) {
      if (profile.kind === 'learn' && !hasMcid(profile)) {
        at('PROFILE_INCOMPLETE', 'profileId', 'a Learn profile without an MCID is linked');
      }
      const first = activeOfProfile.get(s.profileId);
      const key = `${s.accountId}\u0000${profile.kind}`;
      const sameKind = activeOfAccountKind.get(key);
      if (first !== undefined) {
        at('PROFILE_LINKED_TWICE', 'endedOn', 'the profile has another active association', first);
      } else if (sameKind !== undefined) {
        at(
          'ACCOUNT_HAS_OTHER_PROFILE',
          'endedOn',
          'the work account has another active profile of this kind',
          sameKind,
        );
      }
      if (first === undefined) activeOfProfile.set(s.profileId, i);
      if (sameKind === undefined) activeOfAccountKind.set(key, i);
    }
    const starts = startsOfPerson.get(profile.personId) ?? [];
    starts.push({ day: started, index: i });
    startsOfPerson.set(profile.personId, starts);
  });

  for (const starts of startsOfPerson.values()) {
    starts.sort((a, b) => a.day - b.day || a.index - b.index);
    const before: string[] = [];
    for (const { index } of starts) {
      const startedOn = data.associations[index]?.startedOn ?? '';
      // The starts in the window are the latest ones, and the cool-off looks
      // at the latest only: the last `yearlyLimit` starts decide as all would.
      const recent = before.slice(-policy.yearlyLimit);
      if (!isStartAllowed(recent, startedOn, policy)) {
        const { windowOk } = checkLimits(recent, startedOn, policy);
        out.push({
          code: windowOk ? 'COOL_OFF' : 'YEARLY_LIMIT',
          table: 'associations',
          index,
          field: 'startedOn',
          date: nextAssociationDate(recent, startedOn, policy),
          reason: windowOk
            ? 'starts within the cool-off after this person’s previous start'
            : 'more starts for this person in 12 months than the limit',
        });
      }
      before.push(startedOn);
    }
  }
}

/**
 * Every broken invariant: accounts, profiles, associations (each in row
 * order), then the limits person by person; an empty list means the data could have come from the
 * rules. Rows whose references are unknown are skipped: the caller checks
 * references. Throws `RulesInputError` on a malformed date or policy.
 */
export function checkInvariants(
  data: InvariantData,
  policy: Policy = DEFAULT_POLICY,
): InvariantProblem[] {
  checkPolicy(policy);
  const out: InvariantProblem[] = [];
  checkAccounts(data, out);
  checkProfiles(data, out);
  checkAssociations(data, policy, out);
  return out;
}
