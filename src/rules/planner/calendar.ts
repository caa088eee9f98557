/**
 * The coming dates of the person's current situation (no plan), as calendar
 * entries in their language: the next association, the end of the cool-off,
 * and each credit that arrives or leaves. The dates come from the same
 * simulation the planner shows, so the file and the screen cannot disagree.
 */
import { DEFAULT_POLICY, type Policy } from '..';
import { writeIcs, type CalendarEntry } from './ics';
import { simulatePlan } from './simulate';
import type { PlanOutcome, PlannerData } from './types';

/** The calendar's words in the person's language (the planner's messages carry them). */
export interface CalendarWords {
  calendar: {
    name: string;
    fileName: string;
    description: string;
    nextAssociation: string;
    nextAssociationAlarm: string;
    coolOffEnds: string;
    creditArrives: (title: string, org: string) => string;
    creditLeaves: (title: string, org: string) => string;
  };
}

export interface CalendarFile {
  ics: string;
  fileName: string;
  count: number;
}

export function orgNamer(data: PlannerData): (orgId: string) => string {
  const names = new Map(data.organizations.map((o) => [o.id, o.name]));
  return (orgId) => names.get(orgId) ?? orgId;
}

export function calendarEntries(
  outcome: PlanOutcome,
  data: PlannerData,
  messages: CalendarWords,
): CalendarEntry[] {
  const m = messages.calendar;
  const orgName = orgNamer(data);
  const entries: CalendarEntry[] = [];
  for (const event of outcome.timeline) {
    const base = { on: event.on, description: m.description };
    switch (event.kind) {
      case 'next-association':
        // One per profile: when the date moves, a re-import updates the same event.
        entries.push({
          ...base,
          uid: `next-association-${data.profileId}`,
          summary: m.nextAssociation,
          alarm: m.nextAssociationAlarm,
        });
        break;
      case 'cool-off-ends':
        // The same day as the next association says nothing new.
        if (event.on === outcome.nextAssociationOn) break;
        entries.push({ ...base, uid: `cool-off-ends-${data.profileId}`, summary: m.coolOffEnds });
        break;
      case 'credit-arrives':
      case 'credit-leaves': {
        const verb = event.kind === 'credit-arrives' ? 'arrives' : 'leaves';
        const text = event.kind === 'credit-arrives' ? m.creditArrives : m.creditLeaves;
        entries.push({
          ...base,
          uid: `credit-${verb}-${event.accountId}-${event.achievementId}-${event.on}`,
          summary: text(event.title, orgName(event.orgId)),
        });
        break;
      }
      default:
        break;
    }
  }
  return entries;
}

/** The .ics of the coming dates, as of `data.today`, written at `now`. */
export function plannerCalendar(
  data: PlannerData,
  messages: CalendarWords,
  lang: string,
  now: Date,
  policy: Policy = DEFAULT_POLICY,
): CalendarFile {
  const entries = calendarEntries(simulatePlan(data, [], policy), data, messages);
  const ics = writeIcs(entries, {
    prodId: `-//MCID Link//Planner//${lang.toUpperCase()}`,
    name: messages.calendar.name,
    lang,
    stamp: now,
  });
  return { ics, fileName: messages.calendar.fileName, count: entries.length };
}
