/** A small world for store tests: companies A and B, a user in each, one person's profiles. */
import {
  openDb,
  type AppDb,
  type LearningProfile,
  type Organization,
  type Settings,
  type WorkAccount,
} from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import { addOrganization, addWorkAccount } from '../../src/store/ops-org';
import { orgReportChunks, orgUsersPage, type OrgUserRecord } from '../../src/store/queries-org';
import { compareReportRows } from '../../src/rules/report';
import type { ReportViewRow } from '../../src/rules/org/report-rows';
import { userStates, type UserState } from '../../src/rules/org/users';

export const NOW = new Date('2026-11-25T09:00:00Z');
export const TODAY = '2026-11-25';

/** The device's settings as a new database holds them (written here, not read from the store). */
export const DEFAULT_SETTINGS: Settings = {
  key: 'device',
  language: null,
  currentAccountId: null,
  remote: { kind: 'embedded' },
  embeddedOffline: false,
  embeddedDelayMs: 0,
};

export function freshDb(): AppDb {
  return openDb(`t-${crypto.randomUUID()}`);
}

export interface Fixture {
  db: AppDb;
  orgA: Organization;
  orgB: Organization;
  adminA: WorkAccount;
  adminB: WorkAccount;
  /** Ann's account in A, and in B (the same person moves). */
  annA: WorkAccount;
  annB: WorkAccount;
  learn: LearningProfile;
  /** Ann's Partner University account: its starts count with her MCID's (per person). */
  annPu: LearningProfile;
  /**
   * Ben (accounts in A and B) and his Partner University account: a second
   * person, so two profiles' actions can be made on the same day.
   */
  benA: WorkAccount;
  benB: WorkAccount;
  pu: LearningProfile;
}

/** An organization with one official domain and its first admin (admin@domain). */
export function company(db: AppDb, name: string, domain: string, adminName: string, now: Date) {
  return addOrganization(
    db,
    { name, domains: [domain], admin: { displayName: adminName, email: `admin@${domain}` } },
    now,
  );
}

type Company = Awaited<ReturnType<typeof company>>;

/**
 * A user the company's admin adds, with the address <name>@<its domain>;
 * `personId`: another account of that person (the move from A to B).
 */
export function user(
  db: AppDb,
  at: Company,
  displayName: string,
  now: Date,
  personId?: string,
): Promise<WorkAccount> {
  const email = `${displayName.toLowerCase()}@${at.org.domains[0] ?? ''}`;
  return addWorkAccount(
    db,
    { actorAccountId: at.admin.id, orgId: at.org.id, displayName, email, personId },
    now,
  );
}

/** A Partner University account of the person. */
export function puOf(db: AppDb, personId: string, label: string): Promise<LearningProfile> {
  return addLearningProfile(db, { personId, kind: 'partner-university', label });
}

export async function fixture(db: AppDb = freshDb(), now: Date = NOW): Promise<Fixture> {
  const a = await company(db, 'Contoso Japan', 'contoso.example', 'Admin A', now);
  const b = await company(db, 'Fabrikam', 'fabrikam.example', 'Admin B', now);
  const annA = await user(db, a, 'Ann', now);
  const annB = await user(db, b, 'Ann', now, annA.personId);
  const learn = await addLearningProfile(db, {
    personId: annA.personId,
    kind: 'learn',
    label: 'ann@outlook.example',
    mcid: '1234567',
  });
  const annPu = await puOf(db, annA.personId, 'ann@outlook.example');
  const benA = await user(db, a, 'Ben', now);
  const benB = await user(db, b, 'Ben', now, benA.personId);
  const pu = await puOf(db, benA.personId, 'ben@outlook.example');
  return {
    db,
    orgA: a.org,
    orgB: b.org,
    adminA: a.admin,
    adminB: b.admin,
    annA,
    annB,
    learn,
    annPu,
    benA,
    benB,
    pu,
  };
}

/** Ann links a profile to one of her own accounts. */
export function self(account: WorkAccount, profile: LearningProfile) {
  return { actorAccountId: account.id, accountId: account.id, profileId: profile.id };
}

/** Expects `promise` to reject with a StoreRefusal of `code`; returns it. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; nextAllowedOn?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error && error.name === 'StoreRefusal') {
      return error as unknown as { code: string; nextAllowedOn?: string };
    }
    throw error;
  }
  throw new Error('expected a refusal, but the operation succeeded');
}

/** Every account of `orgId` as the users list keeps them, in its order (one page of all). */
export async function allUsers(db: AppDb, orgId: string): Promise<OrgUserRecord[]> {
  return (await orgUsersPage(db, orgId, { text: '', state: 'all' }, 0, 1_000_000)).users;
}

/** The first state the users list shows for a kept account. */
export function stateOf(user: OrgUserRecord): UserState | undefined {
  return userStates(user.account, user.learnLinked, user.puLinked)[0];
}

/** The whole skills report of `orgId` on `today`, in the rules' order. */
export async function wholeReport(
  db: AppDb,
  orgId: string,
  today: string,
): Promise<ReportViewRow[]> {
  const query = { text: '', status: 'all', sort: 'countsFrom', dir: 'asc' } as const;
  const rows: ReportViewRow[] = [];
  for await (const chunk of orgReportChunks(db, orgId, today, query)) rows.push(...chunk);
  return rows.sort(compareReportRows);
}
