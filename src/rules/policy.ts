/**
 * The numbers of the policy (docs/policy.md, from the source article). They live
 * here and nowhere else: code takes a `Policy`, so a change is one edit. Their
 * check is `policy-check.ts`: the shell reads these numbers on first paint,
 * the check (and the rules' errors) comes with the rules that decide.
 */
export interface Policy {
  /** Association starts allowed per rolling window ("3 per year"). */
  yearlyLimit: number;
  /** The rolling window, in calendar months (12). */
  windowMonths: number;
  /** Days between association starts, counted from the start (30). */
  coolOffDays: number;
  /** Achievement → organization credit, in days (10). */
  creditLagDays: number;
  /** Day of the month of the skills-report refresh (10). */
  reportRefreshDay: number;
}

export const DEFAULT_POLICY: Policy = Object.freeze({
  yearlyLimit: 3,
  windowMonths: 12,
  coolOffDays: 30,
  creditLagDays: 10,
  reportRefreshDay: 10,
});
