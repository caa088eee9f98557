/**
 * The skills report of one organization (rules 6–7): which achievements count
 * for it, from when, and until when.
 *
 * Decisions on the edges:
 * - Only associations that began at an account of the organization count; an
 *   unknown account counts for nobody.
 * - An account deleted on or before today ends its open associations on its
 *   deletion day (reason `account-deleted`), even if the association row was
 *   not closed; a recorded end earlier than the deletion wins.
 * - An achievement whose credit date falls after the association ended never
 *   reached the organization: it has no row. Completed after the end, likewise.
 * - One row per (achievement, association): a profile linked twice to the same
 *   organization shows each stretch, since each has its own dates.
 */
import { minDate, toDayNumber } from './dates';
import { creditDate, reportRemovalDate } from './credit';
import { DEFAULT_POLICY, checkPolicy, type Policy } from './policy';
import type { WireEndReason } from './contract';
import type { AchievementFacts } from './types';

export type EndReason = WireEndReason;
export type CreditStatus = 'pending' | 'counted' | 'scheduled-removal' | 'removed';

export interface ReportInput {
  accounts: {
    id: string;
    orgId: string;
    email?: string;
    displayName?: string;
    deletedOn?: string | null;
  }[];
  associations: {
    profileId: string;
    accountId: string;
    startedOn: string;
    endedOn?: string | null;
    endReason?: EndReason | null;
  }[];
  achievements: AchievementFacts[];
}

export interface ReportRow {
  achievementId: string;
  accountId: string;
  profileId: string;
  code: string;
  title: string;
  kind: string;
  completedOn: string;
  startedOn: string;
  /** The effective end of the association, or null while it is active. */
  endedOn: string | null;
  endReason: EndReason | null;
  countsFrom: string;
  /** The first day it no longer counts; null while the association is active. */
  countsUntil: string | null;
  status: CreditStatus;
}

function checkInput(input: ReportInput): void {
  input.accounts.forEach((a, i) => {
    if (a.deletedOn != null) toDayNumber(a.deletedOn, `accounts[${i}].deletedOn`);
  });
  input.associations.forEach((a, i) => {
    toDayNumber(a.startedOn, `associations[${i}].startedOn`);
    if (a.endedOn != null) toDayNumber(a.endedOn, `associations[${i}].endedOn`);
  });
  input.achievements.forEach((a, i) =>
    toDayNumber(a.completedOn, `achievements[${i}].completedOn`),
  );
}

function statusOf(today: number, from: string, until: string | null): CreditStatus {
  if (today < toDayNumber(from)) return 'pending';
  if (until === null) return 'counted';
  return today < toDayNumber(until) ? 'scheduled-removal' : 'removed';
}

export function skillsReport(
  input: ReportInput,
  orgId: string,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): ReportRow[] {
  const day = toDayNumber(today, 'today');
  checkPolicy(policy);
  checkInput(input);
  const accounts = new Map(input.accounts.filter((a) => a.orgId === orgId).map((a) => [a.id, a]));
  const rows: ReportRow[] = [];
  for (const link of input.associations) {
    const account = accounts.get(link.accountId);
    if (!account) continue;
    let endedOn = link.endedOn ?? null;
    let endReason = endedOn === null ? null : (link.endReason ?? null);
    const deleted = account.deletedOn ?? null;
    if (deleted !== null && toDayNumber(deleted) <= day) {
      if (endedOn === null || minDate(deleted, endedOn) !== endedOn) endReason = 'account-deleted';
      endedOn = endedOn === null ? deleted : minDate(deleted, endedOn);
    }
    const countsUntil = endedOn === null ? null : reportRemovalDate(endedOn, policy);
    for (const a of input.achievements) {
      if (a.profileId !== link.profileId) continue;
      const countsFrom = creditDate(a.completedOn, link.startedOn, policy);
      if (endedOn !== null && toDayNumber(countsFrom) > toDayNumber(endedOn)) continue;
      rows.push({
        achievementId: a.id,
        accountId: link.accountId,
        profileId: link.profileId,
        code: a.code,
        title: a.title,
        kind: a.kind,
        completedOn: a.completedOn,
        startedOn: link.startedOn,
        endedOn,
        endReason,
        countsFrom,
        countsUntil,
        status: statusOf(day, countsFrom, countsUntil),
      });
    }
  }
  return rows.sort(byRow);
}

function byRow(a: ReportRow, b: ReportRow): number {
  const keys = (r: ReportRow) => [r.accountId, r.startedOn, r.countsFrom, r.achievementId];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
