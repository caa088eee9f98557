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
import { checkPolicy } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy';
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

/** The status of a row's credit on `today`: counting, coming, leaving, or gone. */
export function creditStatusOn(
  today: string,
  countsFrom: string,
  countsUntil: string | null,
): CreditStatus {
  const day = toDayNumber(today, 'today');
  if (day < toDayNumber(countsFrom)) return 'pending';
  if (countsUntil === null) return 'counted';
  return day < toDayNumber(countsUntil) ? 'scheduled-removal' : 'removed';
}

/** A report row without its day: every date it has, and no status. */
export type UndatedReportRow = Omit<ReportRow, 'status'> & {
  orgId: string;
  /** The position of the row's association in the input's `associations`. */
  linkIndex: number;
};

/**
 * The report's rows for every organization in `input`, with the dates that
 * decide each status but no status: what a store keeps, so that a new day
 * needs no rewrite (the status is `creditStatusOn` at read time).
 *
 * An account's deletion ends its links from its day when that day is on or
 * before `deletionsUpTo`; with no bound, every recorded deletion counts (a
 * deletion is recorded on its day, so the store's rows hold for every day
 * since).
 */
export function undatedReportRows(
  input: ReportInput,
  policy: Policy = DEFAULT_POLICY,
  deletionsUpTo: string | null = null,
): UndatedReportRow[] {
  checkPolicy(policy);
  checkInput(input);
  return deriveRows(input, policy, deletionsUpTo);
}

function deriveRows(
  input: ReportInput,
  policy: Policy,
  deletionsUpTo: string | null,
): UndatedReportRow[] {
  const bound = deletionsUpTo === null ? null : toDayNumber(deletionsUpTo, 'today');
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const byProfile = new Map<string, AchievementFacts[]>();
  for (const a of input.achievements) {
    const list = byProfile.get(a.profileId);
    if (list) list.push(a);
    else byProfile.set(a.profileId, [a]);
  }
  const rows: UndatedReportRow[] = [];
  input.associations.forEach((link, linkIndex) => {
    const account = accounts.get(link.accountId);
    if (!account) return;
    let endedOn = link.endedOn ?? null;
    let endReason = endedOn === null ? null : (link.endReason ?? null);
    const deleted = account.deletedOn ?? null;
    if (deleted !== null && (bound === null || toDayNumber(deleted) <= bound)) {
      if (endedOn === null || minDate(deleted, endedOn) !== endedOn) endReason = 'account-deleted';
      endedOn = endedOn === null ? deleted : minDate(deleted, endedOn);
    }
    const countsUntil = endedOn === null ? null : reportRemovalDate(endedOn, policy);
    for (const a of byProfile.get(link.profileId) ?? []) {
      const countsFrom = creditDate(a.completedOn, link.startedOn, policy);
      if (endedOn !== null && toDayNumber(countsFrom) > toDayNumber(endedOn)) continue;
      rows.push({
        orgId: account.orgId,
        linkIndex,
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
      });
    }
  });
  return rows;
}

/** The row on `today`: its status added, the organization left out (the report is one's). */
export function reportRowOn(row: Omit<UndatedReportRow, 'linkIndex'>, today: string): ReportRow {
  return {
    achievementId: row.achievementId,
    accountId: row.accountId,
    profileId: row.profileId,
    code: row.code,
    title: row.title,
    kind: row.kind,
    completedOn: row.completedOn,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
    countsFrom: row.countsFrom,
    countsUntil: row.countsUntil,
    status: creditStatusOn(today, row.countsFrom, row.countsUntil),
  };
}

/** The skills report of `orgId` on `today`, in the rules' order (`compareReportRows`). */
export function skillsReport(
  input: ReportInput,
  orgId: string,
  today: string,
  policy: Policy = DEFAULT_POLICY,
): ReportRow[] {
  toDayNumber(today, 'today');
  checkPolicy(policy);
  checkInput(input);
  const mine: ReportInput = {
    ...input,
    accounts: input.accounts.filter((a) => a.orgId === orgId),
  };
  return deriveRows(mine, policy, today)
    .map((r) => reportRowOn(r, today))
    .sort(compareReportRows);
}

/** The rules' order of report rows: account, start, credit day, achievement. */
export function compareReportRows(
  a: Pick<ReportRow, 'accountId' | 'startedOn' | 'countsFrom' | 'achievementId'>,
  b: Pick<ReportRow, 'accountId' | 'startedOn' | 'countsFrom' | 'achievementId'>,
): number {
  return (
    cmp(a.accountId, b.accountId) ||
    cmp(a.startedOn, b.startedOn) ||
    cmp(a.countsFrom, b.countsFrom) ||
    cmp(a.achievementId, b.achievementId)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The rules' order as one string (compared by code units): what a store
 * indexes to keep the rules' order among rows that tie on a sort key.
 */
export function reportOrderKey(
  r: Pick<ReportRow, 'accountId' | 'startedOn' | 'countsFrom' | 'achievementId'>,
): string {
  return `${r.accountId}\u0000${r.startedOn}\u0000${r.countsFrom}\u0000${r.achievementId}`;
}
