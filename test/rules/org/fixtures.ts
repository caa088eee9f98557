/**
 * Hand-built worlds for the organization view's figures, in the shapes the
 * store keeps, written into a fresh IndexedDB (fake-indexeddb) and read back
 * through the store's own queries, as the app does. Each expected date can be
 * worked out by hand.
 */
import {
  openDb,
  type Achievement,
  type AppDb,
  type Association,
  type LearningProfile,
  type WorkAccount,
} from '../../../src/store';
import { orgSkillsReport, orgUsers } from '../../../src/store/queries-org';
import { reportViewRows, type ReportViewRow } from '../../../src/rules/org/report-rows';
import { orgUserRows, orgUserRowsOn, type OrgUserRow } from '../../../src/rules/org/users';
import { expect } from 'vitest';

export function account(id: string, orgId: string, over: Partial<WorkAccount> = {}): WorkAccount {
  return {
    id,
    orgId,
    personId: `person-${id}`,
    displayName: id,
    email: `${id}@${orgId}.example`,
    roles: [],
    createdBy: null,
    createdOn: '2025-01-01',
    firstSignInOn: '2025-01-02',
    deletedOn: null,
    ...over,
  };
}

export function link(
  profileId: string,
  accountId: string,
  startedOn: string,
  endedOn: string | null = null,
  endReason: Association['endReason'] = null,
): Association {
  return {
    id: `${profileId}-${accountId}-${startedOn}`,
    profileId,
    accountId,
    startedOn,
    endedOn,
    endReason,
    pendingActionId: null,
  };
}

export function learn(id: string): LearningProfile {
  return { id, personId: `person-${id}`, kind: 'learn', mcid: '123456', label: id };
}

export function cert(
  id: string,
  profileId: string,
  code: string,
  completedOn: string,
): Achievement {
  return { id, profileId, code, title: `${code} exam`, kind: 'certification', completedOn };
}

export interface World {
  accounts: WorkAccount[];
  associations: Association[];
  achievements: Achievement[];
  profiles: LearningProfile[];
}

export async function seed(world: World): Promise<AppDb> {
  const db = openDb(`t-${crypto.randomUUID()}`);
  await db.accounts.bulkAdd(world.accounts);
  await db.associations.bulkAdd(world.associations);
  await db.achievements.bulkAdd(world.achievements);
  await db.profiles.bulkAdd(world.profiles);
  return db;
}

/**
 * What the organization view gets for `orgId` on `today`: the users list as
 * the Users section makes it (without the report), and the report rows.
 * Every call also checks that list against the one made from the full
 * report, which it must equal.
 */
export async function orgViews(
  db: AppDb,
  orgId: string,
  today: string,
): Promise<{ users: OrgUserRow[]; report: readonly ReportViewRow[] }> {
  const report = reportViewRows(await orgSkillsReport(db, orgId, today));
  const stored = await orgUsers(db, orgId);
  const users = orgUserRowsOn(stored, today);
  expect(users).toEqual(orgUserRows(stored, report));
  return { users, report };
}
