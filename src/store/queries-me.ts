/**
 * Reads for the individual's screens. Plain async functions over Dexie, so
 * they work inside `liveQuery` (which re-runs them when a table they read
 * changes, in this tab, another tab or the service worker).
 */
// The rules' modules these reads use, each by its own path: through the
// rules' index, a first visit (which loads this file) would download the
// link decisions too, which only the link screens and operations use.
import type { ProfileKind } from '../rules';
import { creditDate } from '../rules/credit';
import { compareDates } from '../rules/dates';
import { associationsInWindow, nextAssociationDate } from '../rules/limits';
import { DEFAULT_POLICY, type Policy } from '../rules/policy';
import type { AppDb } from './db';
import type {
  Achievement,
  Association,
  LearningProfile,
  Organization,
  Person,
  WorkAccount,
} from './records';

export type AchievementStatus = 'pending' | 'counted' | 'not-linked';

export interface AchievementView {
  achievement: Achievement;
  /** The day its credit reaches the organization the profile is linked to; null when not linked. */
  creditOn: string | null;
  status: AchievementStatus;
}

export interface ProfileView {
  profile: LearningProfile;
  /** Its active link, to whichever of the person's accounts (the move shows here). */
  activeLink: {
    association: Association;
    account: WorkAccount | null;
    org: Organization | null;
  } | null;
  /** The unsent link action that made `activeLink`, if any. */
  pending: boolean;
  achievements: AchievementView[];
}

/** The abuse limits of the person (docs/policy.md rule 5): all their profiles, both kinds. */
export interface PersonLimits {
  /** Starts counted in the rolling window today: the "n" of "n of 3". */
  associationsUsed: number;
  yearlyLimit: number;
  /** The first day a new association can start (today when one can start now). */
  nextAssociationOn: string;
}

export interface MyView {
  account: WorkAccount;
  org: Organization | null;
  person: Person | null;
  /** The person's profiles; a removed one ("not my MCID") is not shown, though it still counts. */
  profiles: ProfileView[];
  limits: PersonLimits;
  /** What this account holds now: at most one profile of each kind (rule 3). */
  activeLinks: Record<ProfileKind, { profile: LearningProfile; association: Association } | null>;
}

function achievementViews(
  rows: Achievement[],
  link: Association | undefined,
  today: string,
  policy: Policy,
): AchievementView[] {
  return rows
    .map((achievement) => {
      if (!link) return { achievement, creditOn: null, status: 'not-linked' as const };
      const creditOn = creditDate(achievement.completedOn, link.startedOn, policy);
      const status =
        compareDates(today, creditOn) < 0 ? ('pending' as const) : ('counted' as const);
      return { achievement, creditOn, status };
    })
    .sort((a, b) => compareDates(b.achievement.completedOn, a.achievement.completedOn));
}

/** An account and its organization, as a profile's active link shows them. */
interface LinkedAccount {
  account: WorkAccount | null;
  org: Organization | null;
}

/** A profile's card: `active` is its link active now, `linked` that link's account. */
function profileView(
  profile: LearningProfile,
  active: Association | undefined,
  linked: LinkedAccount | null,
  achievements: Achievement[],
  today: string,
  policy: Policy,
): ProfileView {
  return {
    profile,
    activeLink: active && linked ? { association: active, ...linked } : null,
    pending: active?.pendingActionId != null,
    achievements: achievementViews(achievements, active, today, policy),
  };
}

/**
 * The rows home's view is made of: an account, its person's profiles (removed
 * ones too), every link and achievement of those profiles, and the accounts
 * other than this one that a profile is linked to now (`others`).
 */
export interface MeRows {
  account: WorkAccount;
  org: Organization | undefined;
  person: Person | undefined;
  /** The person's profiles, removed ones too, in id order. */
  profiles: LearningProfile[];
  /** Every link of those profiles, by profile, then id. */
  links: Association[];
  /** Every achievement of those profiles, by profile, then id. */
  achievements: Achievement[];
  others: ReadonlyMap<string, LinkedAccount>;
}

/** The accounts other than `accountId` that a link active now points at (their rows go in `others`). */
function otherLinkedAccounts(links: readonly Association[], accountId: string): string[] {
  return [
    ...new Set(
      links.filter((l) => l.endedOn === null && l.accountId !== accountId).map((l) => l.accountId),
    ),
  ];
}

/**
 * Home's view made of its rows: what `myView` answers, from rows read
 * however (Dexie, or the page's first read, store/open-ahead). Null when a
 * profile's active link points at an account missing from `others`.
 */
export function meViewOf(
  rows: MeRows,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): MyView | null {
  const { account, links, achievements } = rows;
  const org = rows.org ?? null;
  // Every start of every profile the person has or had counts, removed ones too.
  const starts = links.map((a) => a.startedOn);
  const limits: PersonLimits = {
    associationsUsed: associationsInWindow(starts, today, policy),
    yearlyLimit: policy.yearlyLimit,
    nextAssociationOn: nextAssociationDate(starts, today, policy),
  };
  const profiles = rows.profiles.filter((p) => !p.removedOn);
  profiles.sort((a, b) =>
    a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'learn' ? -1 : 1,
  );
  const views: ProfileView[] = [];
  for (const p of profiles) {
    const active = links.find((a) => a.profileId === p.id && a.endedOn === null);
    // A profile is usually linked to this very account.
    const linked =
      active === undefined
        ? null
        : active.accountId === account.id
          ? { account, org }
          : rows.others.get(active.accountId);
    if (linked === undefined) return null;
    const mine = achievements.filter((a) => a.profileId === p.id);
    views.push(profileView(p, active, linked, mine, today, policy));
  }
  const activeLinks: MyView['activeLinks'] = { learn: null, 'partner-university': null };
  for (const view of views) {
    const association = view.activeLink?.association;
    if (association?.accountId === account.id) {
      activeLinks[view.profile.kind] = { profile: view.profile, association };
    }
  }
  return { account, org, person: rows.person ?? null, profiles: views, limits, activeLinks };
}

/** Everything the "My Learn profile" screen shows for the signed-in account; null if unknown. */
export async function myView(
  db: AppDb,
  accountId: string,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): Promise<MyView | null> {
  // One read transaction for its dozen small reads (each would otherwise be a
  // transaction of its own): home's read was 4× the same reads done raw.
  return db.transaction(
    'r',
    [db.accounts, db.organizations, db.people, db.profiles, db.associations, db.achievements],
    () => readMyView(db, accountId, today, policy),
  );
}

async function readMyView(
  db: AppDb,
  accountId: string,
  today: string,
  policy: Policy,
): Promise<MyView | null> {
  const account = await db.accounts.get(accountId);
  if (!account) return null;
  const [org, person, profiles] = await Promise.all([
    db.organizations.get(account.orgId),
    db.people.get(account.personId),
    db.profiles.where('personId').equals(account.personId).toArray(),
  ]);
  // The links and the achievements of every profile at once: one round trip
  // to IndexedDB where a profile at a time made two.
  const ids = profiles.map((p) => p.id);
  const [links, achievements] = await Promise.all([
    db.associations.where('profileId').anyOf(ids).toArray(),
    db.achievements.where('profileId').anyOf(ids).toArray(),
  ]);
  const others = new Map<string, LinkedAccount>();
  for (const id of otherLinkedAccounts(links, accountId)) {
    const other = (await db.accounts.get(id)) ?? null;
    const otherOrg = other ? ((await db.organizations.get(other.orgId)) ?? null) : null;
    others.set(id, { account: other, org: otherOrg });
  }
  const rows = { account, org, person, profiles, links, achievements, others };
  return meViewOf(rows, today, policy);
}

export interface AccountChoice {
  account: WorkAccount;
  orgName: string;
}

/** Every work account, for the "who am I" picker: by organization, then name. */
export async function listAccounts(db: AppDb): Promise<AccountChoice[]> {
  const [accounts, orgs] = await Promise.all([db.accounts.toArray(), db.organizations.toArray()]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return accounts
    .map((account) => ({ account, orgName: names.get(account.orgId) ?? '' }))
    .sort(
      (a, b) =>
        a.orgName.localeCompare(b.orgName) ||
        a.account.displayName.localeCompare(b.account.displayName) ||
        a.account.email.localeCompare(b.account.email),
    );
}
