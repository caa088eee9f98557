/**
 * The credit dates a plan leads to, read off the rules' own skills report
 * (rules 6–7) for every organization the profile has been linked with: when
 * each achievement arrives, and when it leaves after the link ends.
 */
import { compareDates, type Policy, type ReportInput } from '..';
import { skillsReport } from '../report';
import type { TimelineEvent } from './types';

type CreditEvent = Extract<TimelineEvent, { kind: 'credit-arrives' | 'credit-leaves' }>;

export function creditEvents(
  input: ReportInput,
  profileId: string,
  today: string,
  policy: Policy,
): CreditEvent[] {
  const linked = new Set(
    input.associations.filter((a) => a.profileId === profileId).map((a) => a.accountId),
  );
  const orgIds = [...new Set(input.accounts.filter((a) => linked.has(a.id)).map((a) => a.orgId))];
  const events: CreditEvent[] = [];
  for (const orgId of orgIds) {
    for (const row of skillsReport(input, orgId, today, policy)) {
      if (row.profileId !== profileId) continue;
      const base = {
        orgId,
        accountId: row.accountId,
        achievementId: row.achievementId,
        title: row.title,
      };
      if (compareDates(row.countsFrom, today) >= 0) {
        events.push({ kind: 'credit-arrives', on: row.countsFrom, ...base });
      }
      if (row.countsUntil !== null && compareDates(row.countsUntil, today) >= 0) {
        events.push({ kind: 'credit-leaves', on: row.countsUntil, ...base });
      }
    }
  }
  return events;
}
