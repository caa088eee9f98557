/**
 * What the organization's screens read, derived from the source tables
 * (accounts, links, achievements, profiles' kinds): the skills report's rows
 * grouped by credit day, their counts per (credit day, removal day), and a
 * row per work account for the users list, cut into leaves with a directory
 * per organization (`user-leaves.ts`). Pure: the rules decide every date;
 * this only gives the rows their keys. `report-upkeep.ts` runs it for the
 * profiles and accounts a transaction touched; import, demo and the schema
 * upgrade run it on everything at once.
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
  ReportDay,
  ReportRecord,
  UserDir,
  UserLeaf,
  WorkAccount,
} from './records';
import { dayKey } from './derived-tables';
import { byOrder, userLayout, userOrder } from './user-leaves';

/** The sources of the derived rows (a slice of the tables, or all of them). */
export interface OrgSources {
  accounts: readonly WorkAccount[];
  associations: readonly Association[];
  achievements: readonly Achievement[];
  profiles: readonly { id: string; kind: ProfileKind }[];
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
    return {
      ...row,
      id: `${row.profileId}\u0000${link?.id ?? ''}\u0000${row.achievementId}`,
      displayName: account?.displayName ?? '',
      email: account?.email ?? '',
    };
  });
}

/** A row's place within its day: the rules' order, then its id (no two rows share it). */
export function rowOrder(row: ReportRecord): string {
  return `${reportOrderKey(row)}\u0000${row.id}`;
}

/** Rows in their day's order (`rowOrder`), each key made once. */
export function inDayOrder(rows: readonly ReportRecord[]): ReportRecord[] {
  return rows
    .map((row) => ({ row, order: rowOrder(row) }))
    .sort(byOrder)
    .map((d) => d.row);
}

/** A 53-bit hash of `text` (cyrb53), in base 36: a revision, not a secret. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A day's record: its rows (in its order) and their revision. */
export function dayRecord(orgId: string, countsFrom: string, rows: ReportRecord[]): ReportDay {
  const key = dayKey(orgId, countsFrom);
  return { key, orgId, countsFrom, rows, rev: hash53(`${key}\u0000${JSON.stringify(rows)}`) };
}

/** The rows grouped into their credit days (`ReportDay`), each in its day's order. */
export function reportDays(rows: readonly ReportRecord[]): ReportDay[] {
  const days = new Map<string, ReportRecord[]>();
  for (const row of rows) {
    const key = dayKey(row.orgId, row.countsFrom);
    const day = days.get(key);
    if (day) day.push(row);
    else days.set(key, [row]);
  }
  return [...days.values()].map((day) => {
    const [first] = day as [ReportRecord];
    return dayRecord(first.orgId, first.countsFrom, inDayOrder(day));
  });
}

/**
 * The days `removed` rows leave and `added` rows join, applied to what they
 * held (`current`, by key): the days to write, and the keys of the days left
 * empty. A row in both keeps one place (a rename replaces it).
 */
export function changedDays(
  current: ReadonlyMap<string, ReportDay>,
  removed: readonly ReportRecord[],
  added: readonly ReportRecord[],
): { put: ReportDay[]; gone: string[] } {
  const out = new Map<
    string,
    { orgId: string; countsFrom: string; rows: Map<string, ReportRecord> }
  >();
  const dayOf = (row: ReportRecord) => {
    const key = dayKey(row.orgId, row.countsFrom);
    let day = out.get(key);
    if (!day) {
      const held = current.get(key)?.rows ?? [];
      day = {
        orgId: row.orgId,
        countsFrom: row.countsFrom,
        rows: new Map(held.map((r) => [r.id, r])),
      };
      out.set(key, day);
    }
    return day;
  };
  for (const row of removed) dayOf(row).rows.delete(row.id);
  for (const row of added) dayOf(row).rows.set(row.id, row);
  const put: ReportDay[] = [];
  const gone: string[] = [];
  for (const [key, day] of out) {
    if (day.rows.size === 0) gone.push(key);
    else put.push(dayRecord(day.orgId, day.countsFrom, inDayOrder([...day.rows.values()])));
  }
  return { put, gone };
}

export function countKey(orgId: string, countsFrom: string, countsUntil: string | null): string {
  return `${orgId}\u0000${countsFrom}\u0000${countsUntil ?? ''}`;
}

/**
 * Counts netted by key: +1 for each count an added row has, -1 for each a
 * removed row has (`countsOf` gives a row's counts, each with `n` 1). Keys
 * that net to zero are left out.
 */
function netCounts<R, C extends { key: string; n: number }>(
  added: readonly R[],
  removed: readonly R[],
  countsOf: (row: R) => C[],
): Map<string, C> {
  const deltas = new Map<string, C>();
  const add = (row: R, n: number) => {
    for (const c of countsOf(row)) {
      const d = deltas.get(c.key);
      if (d) d.n += n;
      else deltas.set(c.key, { ...c, n });
    }
  };
  for (const row of added) add(row, 1);
  for (const row of removed) add(row, -1);
  for (const [key, d] of deltas) if (d.n === 0) deltas.delete(key);
  return deltas;
}

/** How the rows change the counts per (organization, credit day, removal day). */
export function countDeltas(
  added: readonly ReportRecord[],
  removed: readonly ReportRecord[] = [],
): Map<string, ReportCount> {
  return netCounts(added, removed, (r) => [
    {
      key: countKey(r.orgId, r.countsFrom, r.countsUntil),
      orgId: r.orgId,
      countsFrom: r.countsFrom,
      countsUntil: r.countsUntil,
      n: 1,
    },
  ]);
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
    return {
      id: account.id,
      orgId: account.orgId,
      account,
      learnLinked,
      puLinked,
      removalOn: account.deletedOn === null ? null : reportRemovalDate(account.deletedOn, policy),
      endedPairs,
      lists: userLists(userStates(account, learnLinked, puLinked)),
      order: userOrderOf(account),
      search: searchKey(account.displayName, account.email),
    };
  });
}

/** An account's place in its organization's users list. */
export function userOrderOf(account: Pick<WorkAccount, 'id' | 'displayName' | 'email'>): string {
  return userOrder(nameOrderKey(account.displayName, account.email), account.id);
}

/** The derived tables' rows, by table (schema v7). */
export interface DerivedRows {
  reportDays: ReportDay[];
  reportCounts: ReportCount[];
  userLeaves: UserLeaf[];
  userDirs: UserDir[];
}

/** Everything derived, from all of the sources at once: what import, demo and the upgrade write. */
export function derivedRows(sources: OrgSources, policy: Policy = DEFAULT_POLICY): DerivedRows {
  const reports = reportRecords(sources, policy);
  return {
    reportDays: reportDays(reports),
    reportCounts: [...countDeltas(reports).values()],
    ...userLayout(userRecords(sources.accounts, sources, policy)),
  };
}
