/**
 * The reference server's own state and its handling of one action, written
 * apart from src/sync so that the app is tested against an independent
 * implementation of the contract. The decisions themselves come from the
 * rules module, as the contract requires of any Partner Center.
 */
import {
  applyEnds,
  checkClaimedProfile,
  decideLink,
  decideUnlink,
  nextAssociationDate,
  startsOfPerson,
  type WireAccountState,
  type WireAction,
  type WireAssociation,
  type ProfileRecord,
  type WireResult,
  type World,
} from '../../../src/rules';

export interface ServerAssociation {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
  endReason: 'unlinked' | 'moved' | 'account-deleted' | null;
}

/** The server's own records: it decides from them, never from what an action says. */
export interface ServerWorld {
  organizations: World['organizations'];
  accounts: (World['accounts'][number] & { personId: string })[];
  profiles: ProfileRecord[];
  associations: ServerAssociation[];
}

function wire(a: ServerAssociation): WireAssociation {
  return {
    profileId: a.profileId,
    accountId: a.accountId,
    startedOn: a.startedOn,
    ...(a.endedOn ? { endedOn: a.endedOn } : {}),
    ...(a.endReason ? { endReason: a.endReason } : {}),
  };
}

/** A token mapped to this actor is a service token: it may act for anyone (tests, the benchmark). */
export const ANY_ACTOR = '*';

/** Applies one action for `actor` (from the token) on `today`; mutates `world`. */
export function handleAction(
  world: ServerWorld,
  action: WireAction,
  actor: string,
  today: string,
): WireResult {
  if (actor !== ANY_ACTOR && action.actorAccountId !== actor)
    return { id: action.id, status: 'rejected', code: 'NOT_SELF' };
  // The profile is the server's record of it, as a real Partner Center keeps.
  const record = world.profiles.find((p) => p.id === action.profile.id);
  const account = world.accounts.find((a) => a.id === action.accountId);
  const claim = checkClaimedProfile(record, action.profile, account?.personId);
  if (claim !== null) return { id: action.id, status: 'rejected', code: claim };
  const view: World = world;
  const req = {
    actorAccountId: action.actorAccountId,
    accountId: action.accountId,
    profileId: action.profile.id,
  };
  const decision =
    action.type === 'link' ? decideLink(view, req, today) : decideUnlink(view, req, today);
  if (!decision.ok) {
    return {
      id: action.id,
      status: 'rejected',
      code: decision.code,
      ...(decision.nextAllowedOn ? { nextAllowedOn: decision.nextAllowedOn } : {}),
    };
  }
  const { associations, ended } = applyEnds(
    world.associations,
    decision.ends,
    today,
    action.type === 'link' ? 'moved' : 'unlinked',
  );
  world.associations = associations;
  if (action.type === 'unlink') {
    const [first] = ended;
    return { id: action.id, status: 'applied', ...(first ? { association: wire(first) } : {}) };
  }
  const created: ServerAssociation = {
    profileId: action.profile.id,
    accountId: action.accountId,
    startedOn: today,
    endedOn: null,
    endReason: null,
  };
  world.associations.push(created);
  return {
    id: action.id,
    status: 'applied',
    association: wire(created),
    ...(ended.length > 0 ? { ended: ended.map(wire) } : {}),
  };
}

export function stateOf(
  world: ServerWorld,
  accountId: string,
  now: Date,
  today: string,
): WireAccountState {
  const mine = world.associations.filter((a) => a.accountId === accountId);
  const next: Record<string, string> = {};
  // Each profile's day is its person's: the limits count all of their profiles.
  for (const profileId of new Set(mine.map((a) => a.profileId))) {
    const person = world.profiles.find((p) => p.id === profileId)?.personId ?? profileId;
    const starts = world.profiles.some((p) => p.id === profileId)
      ? startsOfPerson(world, person)
      : world.associations.filter((a) => a.profileId === profileId).map((a) => a.startedOn);
    next[profileId] = nextAssociationDate(starts, today);
  }
  return {
    accountId,
    asOf: now.toISOString(),
    associations: mine.map(wire),
    nextAssociationOn: next,
  };
}
