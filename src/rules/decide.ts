/**
 * The link and unlink decisions (docs/policy.md rules 1–5). Checks run in the
 * order of `REFUSAL_CODES`, so the first thing the person can fix is the one
 * they are told about; the limits, which only time fixes, come last.
 */
import type { WireEndReason } from './contract';
import { toDayNumber } from './dates';
import { RulesInputError } from './errors';
import { checkLimits, nextAssociationDate, startsOfPerson } from './limits';
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy';
import type { Decision, EndedLink, LinkRequest, RefusalCode, World } from './types';
import { isOfficialEmail } from './validate';
import {
  checkWorld,
  findById,
  findProfile,
  hasMcid,
  isActive,
  type WorldAccount,
  type WorldAssociation,
  type WorldProfile,
} from './world';

function refuse(code: RefusalCode, nextAllowedOn?: string): Decision {
  return nextAllowedOn === undefined ? { ok: false, code } : { ok: false, code, nextAllowedOn };
}

/** Rule 1: created in an organization, with one of its official domains, not deleted. */
function hasAccess(world: World, account: WorldAccount | undefined, today: string): boolean {
  if (!account) return false;
  if (account.deletedOn != null && toDayNumber(account.deletedOn) <= toDayNumber(today)) {
    return false;
  }
  const org = findById(world.organizations, account.orgId, 'organizations');
  return org !== undefined && isOfficialEmail(account.email, org.domains);
}

/** Rules 1–2, shared by link and unlink. */
function prelude(world: World, req: LinkRequest, today: string, policy: Policy) {
  toDayNumber(today, 'today');
  checkPolicy(policy);
  checkWorld(world);
  const profile = findProfile(world, req.profileId);
  const account = findById(world.accounts, req.accountId, 'accounts');
  let refusal: Decision | null = null;
  if (!hasAccess(world, account, today)) refusal = refuse('NO_ACCESS');
  else if (req.actorAccountId !== req.accountId) refusal = refuse('NOT_SELF');
  return { profile, refusal };
}

// Sorted so that the answer does not depend on the order of `associations`.
function ended(links: readonly WorldAssociation[]): EndedLink[] {
  return links
    .map(({ profileId, accountId, startedOn }) => ({ profileId, accountId, startedOn }))
    .sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.startedOn, b.startedOn));
}

function hasOtherMcid(world: World, profile: WorldProfile): boolean {
  return world.profiles.some(
    (p) =>
      p.personId === profile.personId &&
      p.id !== profile.id &&
      p.kind === 'learn' &&
      hasMcid(p) &&
      p.mcid !== profile.mcid,
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Decide = (world: World, req: LinkRequest, today: string, policy?: Policy) => Decision;

/** A decision: rules 1–2 first (the prelude), then `rest` with the request's profile. */
function decision(
  rest: (
    world: World,
    req: LinkRequest,
    profile: WorldProfile,
    today: string,
    policy: Policy,
  ) => Decision,
): Decide {
  return (world, req, today, policy = DEFAULT_POLICY) => {
    const { profile, refusal } = prelude(world, req, today, policy);
    return refusal ?? rest(world, req, profile, today, policy);
  };
}

export const decideLink: Decide = decision((world, req, profile, today, policy) => {
  if (profile.kind === 'learn' && !hasMcid(profile)) return refuse('PROFILE_INCOMPLETE');
  // Rule 3: one MCID per individual. A second one would start the limits'
  // count again under a new number; a wrong one is removed ("not my MCID").
  if (profile.kind === 'learn' && hasOtherMcid(world, profile)) {
    return refuse('PERSON_HAS_OTHER_MCID');
  }

  const active = world.associations.filter(isActive);
  const mine = (a: WorldAssociation) => a.accountId === req.accountId;
  if (active.some((a) => mine(a) && a.profileId === profile.id)) return refuse('ALREADY_LINKED');
  // Rule 3: one profile of each kind per work account; the person unlinks first.
  const sameKind = active.filter((a) => mine(a) && a.profileId !== profile.id);
  for (const a of sameKind) {
    const other = findById(world.profiles, a.profileId, 'profiles');
    if (!other) {
      // Its kind decides the answer, so guessing it could let a second MCID in.
      throw new RulesInputError(
        'UNKNOWN_ID',
        'associations.profileId',
        'no such profile',
        a.profileId,
      );
    }
    if (other.kind === profile.kind) return refuse('ACCOUNT_HAS_OTHER_PROFILE');
  }

  // Rule 5, over every start the person ever had, on any profile of either kind.
  const starts = startsOfPerson(world, profile.personId);
  const { coolOffOk, windowOk } = checkLimits(starts, today, policy);
  if (!coolOffOk || !windowOk) {
    const next = nextAssociationDate(starts, today, policy);
    return refuse(windowOk ? 'COOL_OFF' : 'YEARLY_LIMIT', next);
  }
  // Rule 4: the profile leaves wherever it was (the move from company A).
  return { ok: true, ends: ended(active.filter((a) => a.profileId === profile.id)) };
});

/** Unlinking is checked for access and ownership only: it never needs a start. */
export const decideUnlink: Decide = decision((world, req, profile) => {
  const links = world.associations.filter(
    (a) => isActive(a) && a.profileId === profile.id && a.accountId === req.accountId,
  );
  return links.length === 0 ? refuse('NOT_LINKED') : { ok: true, ends: ended(links) };
});

/** A row a decision's `ends` can close: an association with its end fields. */
interface EndableAssociation extends WorldAssociation {
  endReason?: WireEndReason | null;
}

/**
 * What a decision's `ends` do to the rows: each names one open row (the
 * first still open with its profile, account and start), which ends `on`
 * for `reason`. An end that names no open row is passed over. Returns the
 * rows with each ended one replaced by its ended copy (a new array) and the
 * ended copies in the order of `ends`; the rows given are not changed.
 */
export function applyEnds<T extends EndableAssociation>(
  associations: readonly T[],
  ends: readonly EndedLink[],
  on: string,
  reason: WireEndReason,
): { associations: T[]; ended: T[] } {
  const rows = [...associations];
  const ended: T[] = [];
  for (const end of ends) {
    const i = rows.findIndex(
      (a) =>
        isActive(a) &&
        a.profileId === end.profileId &&
        a.accountId === end.accountId &&
        a.startedOn === end.startedOn,
    );
    const open = rows[i];
    if (open === undefined) continue;
    const row: T = { ...open, endedOn: on, endReason: reason };
    rows[i] = row;
    ended.push(row);
  }
  return { associations: rows, ended };
}
