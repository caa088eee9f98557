/**
 * What the organization screens show, as plain typed data, and what they can
 * ask for. The container (org-screen.tsx) builds these from the state layer;
 * the views only render them, so each can be tested without a database.
 *
 * There is deliberately no link or unlink action here: admins manage work
 * accounts, and only each person links their own profile (docs/policy.md rule 2).
 */
import type { ReadonlySignal } from '@preact/signals';
import type { CreditStatus } from '../../../rules';
import type { Catalog } from '../../../rules/org/catalog';
import type { PageSize } from '../../../rules/org/paging';
import type { ActionOutcome as ActionResult } from '../../../state/result';
import type { CsvLabels, ReportQuery, ReportViewRow } from '../../../rules/org/report-rows';
import type { OrgUserRow, UsersQuery } from '../../../rules/org/users';

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

/** One page of the users list, as the Users section shows it. */
export interface UsersPageView {
  users: readonly OrgUserRow[];
  /** 0-based, clamped into range by the store. */
  page: number;
  /** How many users the query selects. */
  total: number;
  /** How many accounts the organization has (deleted ones included). */
  everyone: number;
}

/** One page of the skills report, with the whole organization's counts on today. */
export interface ReportPageView {
  rows: readonly ReportViewRow[];
  page: number;
  /** How many rows the query selects. */
  total: number;
  counts: Record<CreditStatus, number>;
}

/** A finished CSV export (its text in parts), or why not (`CANCELLED` when stopped). */
export type ExportOutcome =
  { ok: true; parts: readonly string[]; rows: number } | { ok: false; code: string };

export interface ExportOptions {
  labels: CsvLabels;
  /** After each chunk: rows done of the selection's total. */
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/**
 * What the sections read, one page at a time: each call answers a signal
 * (null until its first read), the same one for the same arguments, that
 * follows changes. A section asks only for what it shows: Users never reads
 * the skills report, Report and Designations never read the users list.
 */
export interface OrgReads {
  usersPage: (
    query: UsersQuery,
    page: number,
    size: PageSize,
  ) => ReadonlySignal<UsersPageView | null>;
  reportPage: (
    query: ReportQuery,
    page: number,
    size: PageSize,
  ) => ReadonlySignal<ReportPageView | null>;
  /** Every row of the report (the designations' points). */
  reportRows: () => ReadonlySignal<readonly ReportViewRow[] | null>;
  /** The query's whole selection as CSV, a chunk at a time. */
  exportReport: (query: ReportQuery, options: ExportOptions) => Promise<ExportOutcome>;
}

/** What the organization view gets: the context, and where each section reads its data. */
export interface OrgData extends OrgContext {
  reads: OrgReads;
}

/** The Users and Report sections' data: they read their pages themselves. */
export type UsersData = OrgData;
export type ReportData = OrgData;

/** The Designations section's data: the whole report, read when the section opens. */
export interface DesignationsData extends OrgContext {
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
