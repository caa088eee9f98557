/**
 * Designation points from the skills report and the catalog: points now, and
 * on each coming day when a pending credit arrives or a removal happens.
 *
 * A row counts on day d when countsFrom ≤ d < countsUntil (no end: from
 * countsFrom on), the same window the rules give its status. A person
 * (learning profile) earns a certification's points once, however many rows
 * say so (two stretches with the organization, say); a designation's total
 * is capped at its `maxPoints`.
 */
import type { ReportRow } from '..';
import type { Catalog } from './catalog';

export type PointsByDesignation = Record<string, number>;

export interface PointsChange {
  on: string;
  points: PointsByDesignation;
}

export interface DesignationProgress {
  today: string;
  now: PointsByDesignation;
  /** People counting today, per designation and exam code. */
  peopleNow: Record<string, Record<string, number>>;
  /** Each coming day on which some designation's points change, in order. */
  changes: PointsChange[];
}

type Event = { on: string; key: string; delta: 1 | -1 };

export function designationProgress(
  rows: readonly ReportRow[],
  catalog: Catalog,
  today: string,
): DesignationProgress {
  const codes = new Set(catalog.designations.flatMap((d) => d.certifications.map((e) => e.code)));
  const events: Event[] = [];
  for (const r of rows) {
    if (!codes.has(r.code)) continue;
    const key = `${r.profileId}\u0000${r.code}`;
    events.push({ on: r.countsFrom, key, delta: 1 });
    if (r.countsUntil !== null) events.push({ on: r.countsUntil, key, delta: -1 });
  }
  // ISO calendar days sort as text; the rules already checked every date.
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  // How many rows of a (person, code) count at the sweep's current day.
  const active = new Map<string, number>();
  const people = new Map<string, number>();
  const apply = (e: Event) => {
    const before = active.get(e.key) ?? 0;
    const after = before + e.delta;
    active.set(e.key, after);
    const code = e.key.slice(e.key.indexOf('\u0000') + 1);
    if (before === 0 && after > 0) people.set(code, (people.get(code) ?? 0) + 1);
    if (before > 0 && after === 0) people.set(code, (people.get(code) ?? 0) - 1);
  };
  const totals = () => pointsFor(catalog, people);

  let i = 0;
  while (i < events.length && (events[i] as Event).on <= today) apply(events[i++] as Event);
  const now = totals();
  const peopleNow = peopleBy(catalog, people);

  const changes: PointsChange[] = [];
  let last = now;
  while (i < events.length) {
    const on = (events[i] as Event).on;
    while (i < events.length && (events[i] as Event).on === on) apply(events[i++] as Event);
    const points = totals();
    if (!samePoints(points, last)) changes.push({ on, points });
    last = points;
  }
  return { today, now, peopleNow, changes };
}

function pointsFor(catalog: Catalog, people: ReadonlyMap<string, number>): PointsByDesignation {
  const out: PointsByDesignation = {};
  for (const d of catalog.designations) {
    let sum = 0;
    for (const e of d.certifications) sum += e.points * (people.get(e.code) ?? 0);
    out[d.id] = d.maxPoints === null ? sum : Math.min(sum, d.maxPoints);
  }
  return out;
}

function peopleBy(
  catalog: Catalog,
  people: ReadonlyMap<string, number>,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const d of catalog.designations) {
    out[d.id] = Object.fromEntries(d.certifications.map((e) => [e.code, people.get(e.code) ?? 0]));
  }
  return out;
}

function samePoints(a: PointsByDesignation, b: PointsByDesignation): boolean {
  return Object.keys(a).every((k) => a[k] === b[k]);
}
