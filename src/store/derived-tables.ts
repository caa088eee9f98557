/**
 * The tables the organization's derived rows come from and the derived
 * tables themselves (schema v5): shared by the upkeep middleware
 * (`report-upkeep.ts`), its derivation (`report-refresh.ts`) and import.
 */
export const SOURCE_TABLES = ['accounts', 'associations', 'achievements', 'profiles'] as const;
export const DERIVED_TABLES = ['reportRows', 'reportCounts', 'orgUsers'] as const;

/** What a write of a source touched: the profiles and accounts to derive again. */
export interface Touched {
  profiles: Set<string>;
  accounts: Set<string>;
}
