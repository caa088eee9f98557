/**
 * The organization's users as the admin sees them: each work account with its
 * state (never signed in, signed in, Learn profile linked, Partner University
 * linked, deleted), the last link that ended (moved, unlinked, deleted) and
 * the day its achievements leave the skills report. Dates come from the rules.
 */
import { reportRemovalDate, type Policy, type ProfileKind } from '../rules';
import type { Association, LearningProfile, Role, WorkAccount } from '../store';
import { matches, searchKey } from './org-paging';

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
  kind: ProfileKind;
  endedOn: string;
  endReason: Association['endReason'];
  /** The first day its achievements no longer count for the organization. */
  removalOn: string;
}

export interface OrgUserRow {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  createdOn: string;
  firstSignInOn: string | null;
  deletedOn: string | null;
  /** Every state that applies, most telling first (deleted, links, sign-in). */
  states: UserState[];
  /** The latest ended link of each kind that is not linked any more. */
  ended: EndedLinkView[];
  /** For a deleted account: the first day its achievements are out of the report. */
  removalOn: string | null;
  key: string;
}

export interface OrgUsersInput {
  accounts: readonly WorkAccount[];
  associations: readonly Pick<
    Association,
    'profileId' | 'accountId' | 'startedOn' | 'endedOn' | 'endReason'
  >[];
  profiles: readonly Pick<LearningProfile, 'id' | 'kind'>[];
}

const collator = new Intl.Collator(['ja', 'en'], { sensitivity: 'base', numeric: true });

export function orgUserRows(input: OrgUsersInput, orgId: string, policy?: Policy): OrgUserRow[] {
  const kinds = new Map(input.profiles.map((p) => [p.id, p.kind]));
  const byAccount = new Map<string, OrgUsersInput['associations'][number][]>();
  for (const a of input.associations) {
    const list = byAccount.get(a.accountId);
    if (list) list.push(a);
    else byAccount.set(a.accountId, [a]);
  }
  const rows: OrgUserRow[] = [];
  for (const account of input.accounts) {
    if (account.orgId !== orgId) continue;
    const links = byAccount.get(account.id) ?? [];
    const linked = new Set<ProfileKind>();
    const lastEnded = new Map<ProfileKind, EndedLinkView>();
    for (const link of links) {
      const kind = kinds.get(link.profileId);
      if (!kind) continue;
      if (link.endedOn === null) {
        linked.add(kind);
        continue;
      }
      const prev = lastEnded.get(kind);
      if (!prev || prev.endedOn < link.endedOn) {
        lastEnded.set(kind, {
          kind,
          endedOn: link.endedOn,
          endReason: link.endReason,
          removalOn: reportRemovalDate(link.endedOn, policy),
        });
      }
    }
    const states: UserState[] = [];
    if (account.deletedOn !== null) states.push('deleted');
    if (linked.has('learn')) states.push('learn-linked');
    if (linked.has('partner-university')) states.push('partner-university-linked');
    states.push(account.firstSignInOn === null ? 'never-signed-in' : 'signed-in');
    rows.push({
      id: account.id,
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      createdOn: account.createdOn,
      firstSignInOn: account.firstSignInOn,
      deletedOn: account.deletedOn,
      states,
      ended: [...lastEnded.values()].filter((e) => !linked.has(e.kind)),
      removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn, policy),
      key: searchKey(account.displayName, account.email),
    });
  }
  // Sorted once here, so that each keystroke in the filter box only filters.
  return rows.sort(
    (a, b) => collator.compare(a.displayName, b.displayName) || (a.email < b.email ? -1 : 1),
  );
}

export interface UsersQuery {
  text: string;
  state: UserState | 'all' | 'active';
}

export const DEFAULT_USERS_QUERY: UsersQuery = { text: '', state: 'active' };

/** Filtered rows, in their order (by name); "active" leaves deleted accounts out. */
export function queryUsers(rows: readonly OrgUserRow[], query: UsersQuery): OrgUserRow[] {
  const keep = (r: OrgUserRow) =>
    query.state === 'all' ||
    (query.state === 'active' ? r.deletedOn === null : r.states.includes(query.state));
  return rows.filter((r) => keep(r) && matches(r.key, query.text));
}

/** Whether the account may manage its organization's users: a global or account admin (rule 1). */
export function isOrgAdmin(account: Pick<WorkAccount, 'roles' | 'deletedOn'> | null): boolean {
  return account !== null && account.deletedOn === null && account.roles.length > 0;
}
