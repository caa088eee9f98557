/** A small world for store tests: companies A and B, a user in each, one person's profiles. */
import {
  addLearningProfile,
  openDb,
  type AppDb,
  type LearningProfile,
  type Organization,
  type WorkAccount,
} from '../../src/store';
import { addOrganization, addWorkAccount } from '../../src/store/ops-org';
import { orgReportChunks, orgUsersPage, type OrgUserRecord } from '../../src/store/queries-org';
import { compareReportRows } from '../../src/rules/report';
import type { ReportViewRow } from '../../src/rules/org/report-rows';
import { userStates, type UserState } from '../../src/rules/org/users';

export const NOW = new Date('2026-11-25T09:00:00Z');
export const TODAY = '2026-11-25';

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

export async function fixture(db: AppDb = freshDb(), now: Date = NOW): Promise<Fixture> {
  const a = await addOrganization(
    db,
    {
      name: 'Contoso Japan',
      domains: ['contoso.example'],
      admin: { displayName: 'Admin A', email: 'admin@contoso.example' },
    },
    now,
  );
  const b = await addOrganization(
    db,
    {
      name: 'Fabrikam',
      domains: ['fabrikam.example'],
      admin: { displayName: 'Admin B', email: 'admin@fabrikam.example' },
    },
    now,
  );
  const annA = await addWorkAccount(
    db,
    {
      actorAccountId: a.admin.id,
      orgId: a.org.id,
      displayName: 'Ann',
      email: 'ann@contoso.example',
    },
    now,
  );
  const annB = await addWorkAccount(
    db,
    {
      actorAccountId: b.admin.id,
      orgId: b.org.id,
      displayName: 'Ann',
      email: 'ann@fabrikam.example',
      personId: annA.personId,
    },
    now,
  );
  const learn = await addLearningProfile(db, {
    personId: annA.personId,
    kind: 'learn',
    label: 'ann@outlook.example',
    mcid: '1234567',
  });
  const annPu = await addLearningProfile(db, {
    personId: annA.personId,
    kind: 'partner-university',
    label: 'ann@outlook.example',
  });
  const benA = await addWorkAccount(
    db,
    {
      actorAccountId: a.admin.id,
      orgId: a.org.id,
      displayName: 'Ben',
      email: 'ben@contoso.example',
    },
    now,
  );
  const benB = await addWorkAccount(
    db,
    {
      actorAccountId: b.admin.id,
      orgId: b.org.id,
      displayName: 'Ben',
      email: 'ben@fabrikam.example',
      personId: benA.personId,
    },
    now,
  );
  const pu = await addLearningProfile(db, {
    personId: benA.personId,
    kind: 'partner-university',
    label: 'ben@outlook.example',
  });
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
