/**
 * Reads for the organization's screens (admins): its users and its skills
 * report. Usable inside `liveQuery`, like every query of the store.
 */
import {
  DEFAULT_POLICY,
  reportRemovalDate,
  type Policy,
  type ProfileKind,
  type ReportInput,
  type ReportRow,
} from '../rules';
import { skillsReport } from '../rules/report';
import type { AppDb } from './db';
import { whereAnyOf } from './where';
import type { Achievement, Association, WorkAccount } from './records';

export type UserState = 'never-signed-in' | 'signed-in' | 'learn-linked' | 'pu-linked' | 'deleted';

/**
 * One (account, profile) pair of which a link ended for a reason other than
 * the account's deletion: what the users list needs to say "link ended, its
 * achievements leave the report on …" without computing the skills report.
 * Whether the pair's achievements are still in the report depends on the day
 * (the rules decide it, in the state layer); with the pair's links and the
 * profile's earliest achievement the rules reach the same answer as with all
 * of them, since every date of a link's rows follows from its earliest
 * credit date.
 */
export interface EndedPair {
  profileId: string;
  /** Every link of the pair, ended or not, in the store's order. */
  links: Association[];
  /** The profile's earliest achievement (by completion day, then id); null when it has none. */
  earliest: Achievement | null;
}

export interface OrgUser {
  account: WorkAccount;
  state: UserState;
  learnLinked: boolean;
  puLinked: boolean;
  /** For a deleted account: the day its achievements leave the skills report (rule 7). */
  removalOn: string | null;
  /** The pairs with an ended link (moved, unlinked), usually none. */
  endedPairs: EndedPair[];
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

const PROFILE_KINDS: readonly ProfileKind[] = ['learn', 'partner-university'];
/** As in where.ts: a lookup per key costs about this many rows of a scan. */
const ROWS_PER_LOOKUP = 50;

/** Every profile's kind, from the `kind` index's keys (a fraction of the cost of whole rows). */
async function allKinds(db: AppDb): Promise<Map<string, ProfileKind>> {
  const keys = await Promise.all(
    PROFILE_KINDS.map((kind) => db.profiles.where('kind').equals(kind).primaryKeys()),
  );
  const kinds = new Map<string, ProfileKind>();
  PROFILE_KINDS.forEach((kind, i) => {
    for (const id of keys[i] ?? []) kinds.set(id, kind);
  });
  return kinds;
}

/** The kinds of a few profiles, looked up one by one. */
async function kindsOf(db: AppDb, ids: readonly string[]): Promise<Map<string, ProfileKind>> {
  return new Map((await whereAnyOf(db.profiles, 'id', ids)).map((p) => [p.id, p.kind]));
}

/** Whether a link may still leave achievements in the report after it ended (not by deletion). */
function endedNotDeleted(link: Association): boolean {
  return link.endedOn !== null && link.endReason !== 'account-deleted';
}

/**
 * The pairs with an ended link, and the earliest achievement of their
 * profiles: only those profiles' achievements are read (none at all when no
 * link ended), never the organization's 100,000.
 */
async function endedPairsOf(
  db: AppDb,
  links: readonly Association[],
): Promise<Map<string, EndedPair[]>> {
  const pairKey = (l: Association) => `${l.accountId}\u0000${l.profileId}`;
  const ended = new Set(links.filter(endedNotDeleted).map(pairKey));
  const byAccount = new Map<string, EndedPair[]>();
  if (ended.size === 0) return byAccount;
  const pairs = new Map<string, EndedPair>();
  for (const l of links) {
    const key = pairKey(l);
    if (!ended.has(key)) continue;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { profileId: l.profileId, links: [], earliest: null };
      pairs.set(key, pair);
      const list = byAccount.get(l.accountId);
      if (list) list.push(pair);
      else byAccount.set(l.accountId, [pair]);
    }
    pair.links.push(l);
  }
  const profileIds = [...new Set([...pairs.values()].map((p) => p.profileId))];
  const earliest = new Map<string, Achievement>();
  for (const a of await whereAnyOf(db.achievements, 'profileId', profileIds)) {
    const prev = earliest.get(a.profileId);
    if (
      !prev ||
      a.completedOn < prev.completedOn ||
      (a.completedOn === prev.completedOn && a.id < prev.id)
    )
      earliest.set(a.profileId, a);
  }
  for (const pair of pairs.values()) pair.earliest = earliest.get(pair.profileId) ?? null;
  return byAccount;
}

// The same order as String#localeCompare without arguments, at a fraction of its cost.
const byText = new Intl.Collator().compare;

/**
 * The organization's users with their state, by name. Reads the accounts,
 * their links and the kinds of the linked profiles; achievements only of the
 * profiles whose link to the organization ended (see `EndedPair`). The skills
 * report is not computed.
 *
 * The reads are few and mostly at once: three counts (index keys), then the
 * accounts, the links and the profiles' kinds together. For a large share of
 * a table (an organization of 10,000 in a database of 10,000) one scan is
 * read, as `whereAnyOf` decides; the profiles' kinds then come from the
 * `kind` index's keys, not from the profiles.
 */
export async function orgUsers(
  db: AppDb,
  orgId: string,
  policy: Policy = DEFAULT_POLICY,
): Promise<OrgUser[]> {
  const [accountCount, linkCount, profileCount] = await Promise.all([
    db.accounts.where('orgId').equals(orgId).count(),
    db.associations.count(),
    db.profiles.count(),
  ]);
  if (accountCount === 0) return [];
  const many = (keys: number, rows: number) => keys * ROWS_PER_LOOKUP >= rows;
  const [accounts, scanned, everyKind] = await Promise.all([
    orgAccounts(db, orgId),
    many(accountCount, linkCount) ? db.associations.toArray() : null,
    many(accountCount, profileCount) ? allKinds(db) : null,
  ]);
  const ids = new Set(accounts.map((a) => a.id));
  const allLinks = scanned
    ? scanned.filter((l) => ids.has(l.accountId))
    : await linksOf(db, [...ids]);
  const links = allLinks.filter((l) => l.endedOn === null);
  const [kinds, endedPairs] = await Promise.all([
    everyKind ??
      kindsOf(
        db,
        links.map((l) => l.profileId),
      ),
    endedPairsOf(db, allLinks),
  ]);
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
        endedPairs: endedPairs.get(account.id) ?? [],
      };
    })
    .sort(
      (a, b) =>
        byText(a.account.displayName, b.account.displayName) ||
        byText(a.account.email, b.account.email),
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
