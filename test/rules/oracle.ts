/**
 * An independent restatement of the rules for the tests, built on the
 * platform's own UTC calendar (Date.UTC) instead of the module's integer
 * arithmetic. Valid for years 1900..9999 (Date.UTC maps 0..99 to 19xx).
 */
import type { Policy } from '../../src/rules';

const DAY = 86_400_000;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad ${iso}`);
  return [y, m, d];
}

export function dayOf(iso: string): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY;
}

export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function plusDays(iso: string, n: number): string {
  return isoOf(dayOf(iso) + n);
}

export function plusMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  // Day 0 of the month after the target is the target's last day.
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The rule, word for word from the issue. */
export function allowedOn(starts: readonly string[], day: string, policy: Policy): boolean {
  const d = dayOf(day);
  const latest = Math.max(...starts.map(dayOf));
  const coolOk = starts.length === 0 || d >= latest + policy.coolOffDays;
  const counted = starts.filter((s) => d < dayOf(plusMonths(s, policy.windowMonths))).length;
  return coolOk && counted < policy.yearlyLimit;
}

/** The first allowed day by walking forward one day at a time. */
export function firstAllowedByScan(
  starts: readonly string[],
  today: string,
  policy: Policy,
  maxDays = 20_000,
): string {
  const days = starts.map(dayOf);
  const exits = starts.map((s) => dayOf(plusMonths(s, policy.windowMonths)));
  const latest = Math.max(...days);
  const from = dayOf(today);
  for (let d = from; d <= from + maxDays; d++) {
    const coolOk = days.length === 0 || d >= latest + policy.coolOffDays;
    if (coolOk && exits.filter((e) => d < e).length < policy.yearlyLimit) return isoOf(d);
  }
  throw new Error('no allowed day found');
}
