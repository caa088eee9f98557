/**
 * What an authoritative Partner Center does with one action, as a pure
 * function over its own rows: check the action's profile against its own
 * record (`checkClaimedProfile`), decide with the rules module on its own
 * records, then end and start associations. The embedded Partner Center runs it inside a Dexie
 * transaction; keeping it pure keeps the storage out of the logic.
 */
import {
  DEFAULT_POLICY,
  applyEnds,
  checkClaimedProfile,
  decideLink,
  decideUnlink,
  nextAssociationDate,
  type EndReason,
  type Policy,
  type ProfileRecord,
  type WireAccountState,
  type WireAction,
  type WireAssociation,
  type WireResult,
  type World,
} from '../rules';
import type { Association } from '../store';

/** One association as the authority keeps it: the app's row without its optimistic mark. */
export type AuthorityAssociation = Omit<Association, 'pendingActionId'>;

/** The authority's own records: what it decides from, never the action's word. */
export interface Directory {
  organizations: World['organizations'];
  accounts: (World['accounts'][number] & { personId: string })[];
  profiles: ProfileRecord[];
}

export interface Applied {
  result: WireResult;
  /** Rows to write: the new association and the ended ones, with their new values. */
  writes: AuthorityAssociation[];
}

export function toWireAssociation(a: AuthorityAssociation): WireAssociation {
  const wire: WireAssociation = {
    profileId: a.profileId,
    accountId: a.accountId,
    startedOn: a.startedOn,
  };
  if (a.endedOn !== null) wire.endedOn = a.endedOn;
  if (a.endReason !== null) wire.endReason = a.endReason;
  return wire;
}

function refused(action: WireAction, code: string, nextAllowedOn?: string): Applied {
  const result: WireResult = { id: action.id, status: 'rejected', code };
  if (nextAllowedOn !== undefined) result.nextAllowedOn = nextAllowedOn;
  return { result, writes: [] };
}

export function applyAction(
  dir: Directory,
  associations: AuthorityAssociation[],
  action: WireAction,
  today: string,
  newId: () => string,
  policy: Policy = DEFAULT_POLICY,
): Applied {
  // The profile is the authority's record of it: an action that describes it
  // otherwise (kind, MCID), or names someone else's, is refused before deciding.
  const record = dir.profiles.find((p) => p.id === action.profile.id);
  const account = dir.accounts.find((a) => a.id === action.accountId);
  const claim = checkClaimedProfile(record, action.profile, account?.personId);
  if (claim !== null) return refused(action, claim);
  const world: World = { ...dir, associations };
  const request = {
    actorAccountId: action.actorAccountId,
    accountId: action.accountId,
    profileId: action.profile.id,
  };
  const decision =
    action.type === 'link'
      ? decideLink(world, request, today, policy)
      : decideUnlink(world, request, today, policy);
  if (!decision.ok) return refused(action, decision.code, decision.nextAllowedOn);
  const reason: EndReason = action.type === 'link' ? 'moved' : 'unlinked';
  const { ended } = applyEnds(associations, decision.ends, today, reason);
  if (action.type === 'unlink') {
    const [first] = ended;
    const result: WireResult = { id: action.id, status: 'applied' };
    if (first) result.association = toWireAssociation(first);
    return { result, writes: ended };
  }
  const created: AuthorityAssociation = {
    id: newId(),
    profileId: action.profile.id,
    accountId: action.accountId,
    startedOn: today,
    endedOn: null,
    endReason: null,
  };
  const result: WireResult = {
    id: action.id,
    status: 'applied',
    association: toWireAssociation(created),
  };
  if (ended.length > 0) result.ended = ended.map(toWireAssociation);
  return { result, writes: [...ended, created] };
}

/**
 * The authoritative view of one account: its associations (history too) and
 * next start days, each the day of the person behind the profile.
 */
export function accountState(
  profiles: Directory['profiles'],
  associations: readonly AuthorityAssociation[],
  accountId: string,
  now: Date,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): WireAccountState {
  const [state] = accountStates(profiles, associations, [accountId], now, today, policy);
  return state as WireAccountState;
}

/**
 * `accountState` for many accounts at once, in the order asked: the rows are
 * grouped by account once, and each person's next day is worked out once.
 */
export function accountStates(
  profiles: Directory['profiles'],
  associations: readonly AuthorityAssociation[],
  accountIds: readonly string[],
  now: Date,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): WireAccountState[] {
  const asked = new Set(accountIds);
  const byAccount = new Map<string, AuthorityAssociation[]>();
  const people = new Map(profiles.map((p) => [p.id, p.personId]));
  const startsByPerson = new Map<string, string[]>();
  for (const a of associations) {
    // A link to a profile not in the directory counts on its own, as in `worldFor`.
    const person = people.get(a.profileId) ?? a.profileId;
    const starts = startsByPerson.get(person) ?? [];
    starts.push(a.startedOn);
    startsByPerson.set(person, starts);
    if (!asked.has(a.accountId)) continue;
    const mine = byAccount.get(a.accountId) ?? [];
    mine.push(a);
    byAccount.set(a.accountId, mine);
  }
  const nextOn = new Map<string, string>();
  const asOf = now.toISOString();
  return accountIds.map((accountId) => {
    const mine = [...(byAccount.get(accountId) ?? [])].sort((a, b) =>
      a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0,
    );
    const nextAssociationOn: Record<string, string> = {};
    for (const profileId of new Set(mine.map((a) => a.profileId))) {
      const person = people.get(profileId) ?? profileId;
      let next = nextOn.get(person);
      if (next === undefined) {
        next = nextAssociationDate(startsByPerson.get(person) ?? [], today, policy);
        nextOn.set(person, next);
      }
      nextAssociationOn[profileId] = next;
    }
    return {
      accountId,
      asOf,
      associations: mine.map(toWireAssociation),
      nextAssociationOn,
    };
  });
}
