/**
 * What the organization's screens read, derived from the source tables
 * (accounts, links, achievements, profiles' kinds): the skills report's rows,
 * their counts per (credit day, removal day), and one row per work account
 * for the users list. Pure: the rules decide every date; this only gives the
 * rows their keys. `report-upkeep.ts` runs it for the profiles and accounts a
 * transaction touched; import, demo and the schema upgrade run it on
 * everything at once.
 */
import { DEFAULT_POLICY, reportRemovalDate, type Policy, type ProfileKind } from '../rules';
import { reportOrderKey, undatedReportRows } from '../rules/report';
import { nameOrderKey, searchKey } from '../rules/org/paging';
import { userLists, userStates } from '../rules/org/users';
import type {
  Achievement,
  Association,
  EndedPair,
  OrgUserRecord,
  ReportCount,
  ReportRecord,
  WorkAccount,
} from './records';

/** The sources of the derived rows (a slice of the tables, or all of them). */
export interface OrgSources {
  accounts: readonly WorkAccount[];
  associations: readonly Association[];
  achievements: readonly Achievement[];
  profiles: readonly { id: string; kind: ProfileKind }[];
}

/** The report's rows of one profile share this key prefix (`ReportRecord.id`). */
export function profileKeyPrefix(profileId: string): string {
  return `${profileId}\u0000`;
}

/** The report rows of every link in `sources` whose account is in `sources`. */
export function reportRecords(
  sources: Pick<OrgSources, 'accounts' | 'associations' | 'achievements'>,
  policy: Policy = DEFAULT_POLICY,
): ReportRecord[] {
  const accounts = new Map(sources.accounts.map((a) => [a.id, a]));
  const input = {
    accounts: sources.accounts as WorkAccount[],
    associations: sources.associations as Association[],
    achievements: sources.achievements as Achievement[],
  };
  return undatedReportRows(input, policy).map(({ linkIndex, ...row }) => {
    const link = sources.associations[linkIndex];
    const account = accounts.get(row.accountId);
    const displayName = account?.displayName ?? '';
    const email = account?.email ?? '';
    const id = `${profileKeyPrefix(row.profileId)}${link?.id ?? ''}\u0000${row.achievementId}`;
    return {
      ...row,
      id,
      displayName,
      email,
      // The id last: a key no two rows share, for reading on from a row.
      order: `${reportOrderKey(row)}\u0000${id}`,
      nameKey: nameOrderKey(displayName, email),
      untilKey: row.countsUntil ?? '\uffff',
      search: searchKey(displayName, email, row.code, row.title),
    };
  });
}

export function countKey(orgId: string, countsFrom: string, countsUntil: string | null): string {
  return `${orgId}\u0000${countsFrom}\u0000${countsUntil ?? ''}`;
}

/**
 * How the rows change the counts: +1 for each added row, -1 for each removed
 * one, per (organization, credit day, removal day). Pairs that net to zero are
 * left out.
 */
export function countDeltas(
  added: readonly ReportRecord[],
  removed: readonly ReportRecord[] = [],
): Map<string, ReportCount> {
  const deltas = new Map<string, ReportCount>();
  const add = (r: ReportRecord, n: number) => {
    const key = countKey(r.orgId, r.countsFrom, r.countsUntil);
    const d = deltas.get(key);
    if (d) d.n += n;
    else
      deltas.set(key, {
        key,
        orgId: r.orgId,
        countsFrom: r.countsFrom,
        countsUntil: r.countsUntil,
        n,
      });
  };
  for (const r of added) add(r, 1);
  for (const r of removed) add(r, -1);
  for (const [key, d] of deltas) if (d.n === 0) deltas.delete(key);
  return deltas;
}

/** Whether a link may still leave achievements in the report after it ended (not by deletion). */
function endedNotDeleted(link: Association): boolean {
  return link.endedOn !== null && link.endReason !== 'account-deleted';
}

function earlier(a: Achievement, b: Achievement | undefined): boolean {
  return !b || a.completedOn < b.completedOn || (a.completedOn === b.completedOn && a.id < b.id);
}

/**
 * The users-list row of each account in `accounts`. `sources` must hold every
 * link of those accounts, the kinds of their profiles, and the achievements
 * of the profiles of their ended links (only the earliest is kept).
 */
export function userRecords(
  accounts: readonly WorkAccount[],
  sources: Pick<OrgSources, 'associations' | 'achievements' | 'profiles'>,
  policy: Policy = DEFAULT_POLICY,
): OrgUserRecord[] {
  const kinds = new Map(sources.profiles.map((p) => [p.id, p.kind]));
  const earliest = new Map<string, Achievement>();
  for (const a of sources.achievements) {
    if (earlier(a, earliest.get(a.profileId))) earliest.set(a.profileId, a);
  }
  const linksOf = new Map<string, Association[]>();
  for (const l of sources.associations) {
    const list = linksOf.get(l.accountId);
    if (list) list.push(l);
    else linksOf.set(l.accountId, [l]);
  }
  return accounts.map((account) => {
    const links = linksOf.get(account.id) ?? [];
    const held = new Set<ProfileKind>();
    for (const l of links) {
      const kind = l.endedOn === null ? kinds.get(l.profileId) : undefined;
      if (kind) held.add(kind);
    }
    const learnLinked = held.has('learn');
    const puLinked = held.has('partner-university');
    const endedProfiles = new Set(links.filter(endedNotDeleted).map((l) => l.profileId));
    const endedPairs: EndedPair[] = [...endedProfiles].map((profileId) => ({
      profileId,
      links: links.filter((l) => l.profileId === profileId),
      earliest: earliest.get(profileId) ?? null,
    }));
    const nameKey = nameOrderKey(account.displayName, account.email);
    const lists = userLists(userStates(account, learnLinked, puLinked)).map(
      (list) => `${account.orgId}\u0000${list}\u0000${nameKey}\u0000${account.id}`,
    );
    return {
      id: account.id,
      orgId: account.orgId,
      account,
      learnLinked,
      puLinked,
      removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn, policy),
      endedPairs,
      lists,
      search: searchKey(account.displayName, account.email),
    };
  });
}

/** Everything derived, from all of the sources at once (import, demo, upgrade). */
export function deriveAll(
  sources: OrgSources,
  policy: Policy = DEFAULT_POLICY,
): { reports: ReportRecord[]; counts: ReportCount[]; users: OrgUserRecord[] } {
  const reports = reportRecords(sources, policy);
  return {
    reports,
    counts: [...countDeltas(reports).values()],
    users: userRecords(sources.accounts, sources, policy),
  };
}

/** The derived tables' rows of `sources`, by table: what import and demo write. */
export function derivedRows(sources: OrgSources): {
  reportRows: ReportRecord[];
  reportCounts: ReportCount[];
  orgUsers: OrgUserRecord[];
} {
  const { reports, counts, users } = deriveAll(sources, DEFAULT_POLICY);
  return { reportRows: reports, reportCounts: counts, orgUsers: users };
}
