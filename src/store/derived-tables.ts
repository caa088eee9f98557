/**
 * The tables the organization's derived rows come from, the derived tables
 * themselves (schema v7) and their keys: shared by the upkeep middleware
 * (`report-upkeep.ts`), its derivation (`report-refresh.ts`), import and the
 * organization's reads (`queries-org.ts`).
 */
export const SOURCE_TABLES = ['accounts', 'associations', 'achievements', 'profiles'] as const;
export const DERIVED_TABLES = ['reportDays', 'reportCounts', 'userLeaves', 'userDirs'] as const;

/** What a write of a source touched: the profiles and accounts to derive again. */
export interface Touched {
  profiles: Set<string>;
  accounts: Set<string>;
}

/** `ReportDay.key`: one organization's credit day. */
export function dayKey(orgId: string, countsFrom: string): string {
  return `${orgId}\u0000${countsFrom}`;
}
