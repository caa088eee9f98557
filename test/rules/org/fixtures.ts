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
import { orgReportChunks, orgUsersPage, type OrgUserRecord } from '../../../src/store/queries-org';
import type { ReportViewRow } from '../../../src/rules/org/report-rows';
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

/** Every account of the organization as the store keeps it for the users list, in name order. */
export async function storedUsers(db: AppDb, orgId: string): Promise<OrgUserRecord[]> {
  const everyone = { text: '', state: 'all' } as const;
  const { total } = await orgUsersPage(db, orgId, everyone, 0, 1);
  return (await orgUsersPage(db, orgId, everyone, 0, Math.max(1, total))).users;
}

/** Every row of the organization's report on `today` (all statuses), read in chunks. */
export async function storedReport(
  db: AppDb,
  orgId: string,
  today: string,
  chunk = 2,
): Promise<ReportViewRow[]> {
  const whole = { text: '', status: 'all', sort: 'countsFrom', dir: 'asc' } as const;
  const rows: ReportViewRow[] = [];
  for await (const part of orgReportChunks(db, orgId, today, whole, { size: chunk })) {
    rows.push(...part);
  }
  return rows;
}

/**
 * What the organization view gets for `orgId` on `today`: the users list as
 * the Users section makes it (without the report), and the report rows, both
 * read through the store's paged reads. Every call also checks that list
 * against the one made from the full report, which it must equal.
 */
export async function orgViews(
  db: AppDb,
  orgId: string,
  today: string,
): Promise<{ users: OrgUserRow[]; report: readonly ReportViewRow[] }> {
  const report = await storedReport(db, orgId, today);
  const stored = await storedUsers(db, orgId);
  const users = orgUserRowsOn(stored, today);
  expect(users).toEqual(orgUserRows(stored, report));
  return { users, report };
}
