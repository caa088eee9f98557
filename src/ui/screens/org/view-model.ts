/**
 * What the organization screens show, as plain typed data, and what they can
 * ask for. The container (org-screen.tsx) builds these from the state layer;
 * the views only render them, so each can be tested without a database.
 *
 * There is deliberately no link or unlink action here: admins manage work
 * accounts, and only each person links their own profile (docs/policy.md rule 2).
 */
import type { Catalog } from '../../../rules/org/catalog';
import type { ActionOutcome as ActionResult } from '../../../state/result';
import type { ReportViewRow } from '../../../rules/org/report-rows';
import type { OrgUserRow } from '../../../rules/org/users';

export interface OrgInfo {
  id: string;
  name: string;
  domains: readonly string[];
}

export interface OrgActor {
  id: string;
  displayName: string;
  /** A global admin or account admin of `org`. */
  isAdmin: boolean;
}

/** What an action answers: the state layer's shape, narrowed to what the screens read. */
export type { ActionResult };

/** What every section shows: the day, the organization, who is looking. */
export interface OrgContext {
  today: string;
  org: OrgInfo;
  actor: OrgActor;
}

/**
 * The container reads only what the section shown needs: the users list
 * for Users (no skills report), the report for Report and Designations.
 * A part not read, or not there yet, is null; the section shows it loading.
 */
export interface OrgData extends OrgContext {
  users: readonly OrgUserRow[] | null;
  report: readonly ReportViewRow[] | null;
}

/** The Users section's data. */
export interface UsersData extends OrgContext {
  users: readonly OrgUserRow[];
}

/** The Report and Designations sections' data. */
export interface ReportData extends OrgContext {
  report: readonly ReportViewRow[];
}

export interface UserActions {
  addUser: (input: { displayName: string; email: string }) => Promise<ActionResult>;
  deleteUser: (accountId: string) => Promise<ActionResult>;
}

/** The catalog as the container has it: loading, unreadable, or parsed. */
export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; problem: string }
  | { status: 'ready'; catalog: Catalog };

export interface CatalogActions {
  saveCatalog: (catalog: Catalog) => Promise<ActionResult>;
  resetCatalog: () => Promise<ActionResult>;
}
