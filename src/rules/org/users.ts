/**
 * The organization's users as the admin sees them: each work account with its
 * state (never signed in, signed in, Learn profile linked, Partner University
 * linked, deleted), the last link that ended (moved, unlinked, deleted) and
 * the day its achievements leave the skills report. Dates come from the rules.
 */
import {
  DEFAULT_POLICY,
  type EndReason,
  type Policy,
  type ReportInput,
  type ReportRow,
  type Role,
} from '..';
import { skillsReport } from '../report';
import { matches, queryKey, searchKey } from './paging';

/** What the users list shows of a work account. */
interface AccountFacts {
  displayName: string;
  email: string;
  roles: Role[];
  createdOn: string;
  firstSignInOn: string | null;
  deletedOn: string | null;
}

/** What the users list reads of one of the store's users (`orgUsersPage` gives them). */
export interface OrgUserFacts {
  account: ReportInput['accounts'][number] & AccountFacts;
  learnLinked: boolean;
  puLinked: boolean;
  removalOn: string | null;
  endedPairs: readonly {
    links: ReportInput['associations'];
    earliest: ReportInput['achievements'][number] | null;
  }[];
}

export type UserState =
  'never-signed-in' | 'signed-in' | 'learn-linked' | 'partner-university-linked' | 'deleted';

export const USER_STATES: readonly UserState[] = [
  'never-signed-in',
  'signed-in',
  'learn-linked',
  'partner-university-linked',
  'deleted',
];

export interface EndedLinkView {
  profileId: string;
  endedOn: string;
  endReason: EndReason | null;
  /** The first day its achievements no longer count for the organization. */
  removalOn: string;
}

export interface OrgUserRow extends AccountFacts {
  id: string;
  /** Every state that applies, most telling first (deleted, links, sign-in). */
  states: UserState[];
  /**
   * Links that ended (moved, unlinked) whose achievements are still in the
   * report until `removalOn`: what A's admin sees after a person moved to B.
   */
  ended: EndedLinkView[];
  /** For a deleted account: the first day its achievements are out of the report. */
  removalOn: string | null;
  key: string;
}

/** Every state that applies to an account, most telling first (deleted, links, sign-in). */
export function userStates(
  account: { deletedOn: string | null; firstSignInOn: string | null },
  learnLinked: boolean,
  puLinked: boolean,
): UserState[] {
  const states: UserState[] = [];
  if (account.deletedOn !== null) states.push('deleted');
  if (learnLinked) states.push('learn-linked');
  if (puLinked) states.push('partner-university-linked');
  states.push(account.firstSignInOn === null ? 'never-signed-in' : 'signed-in');
  return states;
}

/** The lists of the users screen: everyone, the accounts not deleted, and one per state. */
export type UserList = UsersQuery['state'];

/** The lists an account appears in (a store indexes each account under these). */
export function userLists(states: readonly UserState[]): UserList[] {
  return ['all', ...(states.includes('deleted') ? [] : ['active' as const]), ...states];
}

/**
 * The store's users (in its order, by name) with every state that applies,
 * and, from the report, the ended links still leaving it. A deletion is shown
 * through `removalOn`, so its rows are not repeated as ended links.
 */
export function orgUserRows(
  users: readonly OrgUserFacts[],
  report: readonly ReportRow[],
): OrgUserRow[] {
  const ended = new Map<string, Map<string, EndedLinkView>>();
  const active = new Set<string>();
  for (const r of report) {
    const pair = `${r.accountId}\u0000${r.profileId}`;
    if (r.endedOn === null) active.add(pair);
    if (r.status !== 'scheduled-removal' || r.endedOn === null) continue;
    if (r.endReason === 'account-deleted' || r.countsUntil === null) continue;
    const byProfile = ended.get(r.accountId) ?? new Map<string, EndedLinkView>();
    ended.set(r.accountId, byProfile);
    const prev = byProfile.get(r.profileId);
    if (!prev || prev.endedOn < r.endedOn) {
      byProfile.set(r.profileId, {
        profileId: r.profileId,
        endedOn: r.endedOn,
        endReason: r.endReason,
        removalOn: r.countsUntil,
      });
    }
  }
  return users.map(({ account, learnLinked, puLinked, removalOn }) => {
    const states = userStates(account, learnLinked, puLinked);
    const endedHere = [...(ended.get(account.id)?.values() ?? [])].filter(
      (e) => !active.has(`${account.id}\u0000${e.profileId}`),
    );
    return {
      id: account.id,
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      createdOn: account.createdOn,
      firstSignInOn: account.firstSignInOn,
      deletedOn: account.deletedOn,
      states,
      ended: endedHere,
      removalOn,
      key: searchKey(account.displayName, account.email),
    };
  });
}

/**
 * The report rows the users list needs on `today`: those of the pairs whose
 * link ended (the store gives their links and the profile's earliest
 * achievement), decided by the rules as for the full report. The users tab
 * shows from these without the organization's skills report.
 */
export function endedLinkRows(
  users: readonly OrgUserFacts[],
  today: string,
  policy: Policy = DEFAULT_POLICY,
): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const { account, endedPairs } of users) {
    if (endedPairs.length === 0) continue;
    const input = {
      accounts: [account],
      associations: endedPairs.flatMap((p) => p.links),
      achievements: endedPairs.flatMap((p) => (p.earliest ? [p.earliest] : [])),
    };
    rows.push(...skillsReport(input, account.orgId, today, policy));
  }
  return rows;
}

// Rows made from one query result (its array: a new result is a new array),
// kept with it, so going back to the Users section does not remake them.
const made = new WeakMap<
  readonly OrgUserFacts[],
  { today: string; policy: Policy; rows: OrgUserRow[] }
>();

/**
 * The users list's rows on `today`, from the store's users alone (no skills
 * report). The same result for the same arguments is kept, not remade.
 */
export function orgUserRowsOn(
  users: readonly OrgUserFacts[],
  today: string,
  policy: Policy = DEFAULT_POLICY,
): OrgUserRow[] {
  const kept = made.get(users);
  if (kept && kept.today === today && kept.policy === policy) return kept.rows;
  const rows = orgUserRows(users, endedLinkRows(users, today, policy));
  made.set(users, { today, policy, rows });
  return rows;
}

export interface UsersQuery {
  text: string;
  state: UserState | 'all' | 'active';
}

export { DEFAULT_USERS_QUERY } from './users-base';

/** Filtered rows, in their order (by name); "active" leaves deleted accounts out. */
export function queryUsers(rows: readonly OrgUserRow[], query: UsersQuery): OrgUserRow[] {
  const keep = (r: OrgUserRow) =>
    query.state === 'all' ||
    (query.state === 'active' ? r.deletedOn === null : r.states.includes(query.state));
  const q = queryKey(query.text);
  return rows.filter((r) => keep(r) && matches(r.key, q));
}

export { isOrgAdmin } from './users-base';
