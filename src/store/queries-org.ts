/**
 * Reads for the organization's screens (admins): its users and its skills
 * report. Usable inside `liveQuery`, like every query of the store.
 */
import {
  DEFAULT_POLICY,
  reportRemovalDate,
  skillsReport,
  type Policy,
  type ReportInput,
  type ReportRow,
} from '../rules';
import type { AppDb } from './db';
import { whereAnyOf } from './where';
import type { Association, WorkAccount } from './records';

export type UserState = 'never-signed-in' | 'signed-in' | 'learn-linked' | 'pu-linked' | 'deleted';

export interface OrgUser {
  account: WorkAccount;
  state: UserState;
  learnLinked: boolean;
  puLinked: boolean;
  /** For a deleted account: the day its achievements leave the skills report (rule 7). */
  removalOn: string | null;
}

function stateOf(account: WorkAccount, learn: boolean, pu: boolean): UserState {
  if (account.deletedOn !== null) return 'deleted';
  if (learn) return 'learn-linked';
  if (pu) return 'pu-linked';
  return account.firstSignInOn === null ? 'never-signed-in' : 'signed-in';
}

async function orgAccounts(db: AppDb, orgId: string): Promise<WorkAccount[]> {
  return db.accounts.where('orgId').equals(orgId).toArray();
}

async function linksOf(db: AppDb, accountIds: readonly string[]): Promise<Association[]> {
  return whereAnyOf(db.associations, 'accountId', accountIds);
}

/** The organization's users with their state, by name. */
export async function orgUsers(
  db: AppDb,
  orgId: string,
  policy: Policy = DEFAULT_POLICY,
): Promise<OrgUser[]> {
  const accounts = await orgAccounts(db, orgId);
  const links = (
    await linksOf(
      db,
      accounts.map((a) => a.id),
    )
  ).filter((l) => l.endedOn === null);
  const kinds = new Map(
    (
      await whereAnyOf(
        db.profiles,
        'id',
        links.map((l) => l.profileId),
      )
    ).map((p) => [p.id, p.kind]),
  );
  const linked = new Map<string, Set<string>>();
  for (const l of links) {
    const kind = kinds.get(l.profileId);
    if (kind) linked.set(l.accountId, (linked.get(l.accountId) ?? new Set()).add(kind));
  }
  return accounts
    .map((account) => {
      const held = linked.get(account.id);
      const learnLinked = held?.has('learn') ?? false;
      const puLinked = held?.has('partner-university') ?? false;
      return {
        account,
        state: stateOf(account, learnLinked, puLinked),
        learnLinked,
        puLinked,
        removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn, policy),
      };
    })
    .sort(
      (a, b) =>
        a.account.displayName.localeCompare(b.account.displayName) ||
        a.account.email.localeCompare(b.account.email),
    );
}

export interface OrgReportRow extends ReportRow {
  displayName: string;
  email: string;
}

/**
 * The skills report of one organization (rules 6–7, decided by the rules
 * module). The rules compare each link with the achievements they are given,
 * so they get them one profile at a time: the work stays proportional to the
 * organization's data, not to the product of links and achievements.
 */
export async function orgSkillsReport(
  db: AppDb,
  orgId: string,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): Promise<OrgReportRow[]> {
  const accounts = await orgAccounts(db, orgId);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const links = await linksOf(db, [...byId.keys()]);
  const profileIds = [...new Set(links.map((l) => l.profileId))];
  const achievements = await whereAnyOf(db.achievements, 'profileId', profileIds);

  const linksByProfile = group(links, (l) => l.profileId);
  const achievementsByProfile = group(achievements, (a) => a.profileId);
  const rows: OrgReportRow[] = [];
  for (const [profileId, profileLinks] of linksByProfile) {
    const input: ReportInput = {
      accounts: [...new Set(profileLinks.map((l) => l.accountId))].flatMap((id) => {
        const account = byId.get(id);
        return account ? [account] : [];
      }),
      associations: profileLinks,
      achievements: achievementsByProfile.get(profileId) ?? [],
    };
    for (const row of skillsReport(input, orgId, today, policy)) {
      const account = byId.get(row.accountId);
      rows.push({ ...row, displayName: account?.displayName ?? '', email: account?.email ?? '' });
    }
  }
  // The rules' own order (account, start, credit day, achievement), across profiles.
  return rows.sort(
    (a, b) =>
      cmp(a.accountId, b.accountId) ||
      cmp(a.startedOn, b.startedOn) ||
      cmp(a.countsFrom, b.countsFrom) ||
      cmp(a.achievementId, b.achievementId),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
