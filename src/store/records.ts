/**
 * The shape of every row the app keeps in IndexedDB (docs/architecture.md, "The domain").
 * One interface a table; the schema in `db.ts` indexes these fields.
 * Dates are calendar days `YYYY-MM-DD` (UTC); instants are ISO strings.
 */
import type { AchievementFacts, EndReason, ProfileKind, Role, UndatedReportRow } from '../rules';
import type { UserList } from '../rules/org/users';

export type { EndReason, Role };
export type AchievementKind = 'certification' | 'assessment' | 'training';

export interface Organization {
  id: string;
  name: string;
  /** Verified email domains, lower case, e.g. `contoso.example`. */
  domains: string[];
}

/** A person. Their work accounts (one per company) and learning profiles hang off it. */
export interface Person {
  id: string;
  displayName: string;
}

/** A Partner Center user (Entra ID work account). */
export interface WorkAccount {
  id: string;
  orgId: string;
  personId: string;
  displayName: string;
  email: string;
  roles: Role[];
  /** The admin account that created it, or null for the organization's first admin. */
  createdBy: string | null;
  createdOn: string;
  /** Null until the user first signs in: "no response" in the admin view. */
  firstSignInOn: string | null;
  deletedOn: string | null;
}

/** The individual's own learning profile: Microsoft Learn (with an MCID) or Partner University. */
export interface LearningProfile {
  id: string;
  personId: string;
  kind: ProfileKind;
  /** Digits; null until the Learn certification profile is complete. Always null for Partner University. */
  mcid: string | null;
  /** The sign-in name of the personal account (never the work email). */
  label: string;
  /**
   * The day the person said "this is not my MCID" (docs/policy.md rule 3):
   * the profile is no longer theirs to see or link, its MCID is cleared, and
   * the row stays so that its association starts still count for them
   * (rule 5). Absent on rows written before this field existed.
   */
  removedOn?: string | null;
}

export interface Achievement extends AchievementFacts {
  kind: AchievementKind;
}

/** One link of a learning profile to a work account. Active while `endedOn` is null. */
export interface Association {
  id: string;
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
  endReason: EndReason | null;
  /** The outbox action that created this row optimistically; cleared once the remote confirms. */
  pendingActionId: string | null;
}

export type LinkActionType = 'link' | 'unlink';
export type OutboxState = 'queued' | 'sending' | 'retry' | 'applied' | 'rejected' | 'failed';

/** What the optimistic effect changed, so that a refusal can undo exactly that. */
export interface OptimisticEffect {
  createdAssociationId: string | null;
  /** Associations ended by the action, with the values they had before. */
  ended: { id: string; endedOn: string | null; endReason: EndReason | null }[];
}

/** A link action waiting in (or done with) the outbox. */
export interface OutboxEntry {
  /** The idempotency id (UUID) sent to the remote. */
  id: string;
  /** Auto-incremented: the order the actions were made in. */
  seq?: number;
  type: LinkActionType;
  actorAccountId: string;
  accountId: string;
  profile: { kind: ProfileKind; id: string; mcid?: string | null };
  requestedAt: string;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next try while `state` is `retry`. */
  nextAttemptAt: number | null;
  lastError: string | null;
  /** Rule refusal from the remote, when `state` is `rejected`. */
  code: string | null;
  nextAllowedOn: string | null;
  effect: OptimisticEffect;
  settledAt: string | null;
  /** Set when the person has read a refusal; `pendingOutbox` stops showing it. Absent on v1 rows. */
  dismissedAt?: string | null;
}

/**
 * The organization's editable designation catalog (schema v2): which
 * certifications count toward which designation, as the JSON text the admin
 * edits. The organization view validates and parses it; the store keeps it as is.
 */
export interface CatalogRecord {
  /** `designations` for the one catalog the app ships. */
  id: string;
  json: string;
  /** True while it is the shipped sample, not yet checked against Partner Center. */
  sample: boolean;
  updatedAt: string;
}

export type RemoteSetting =
  { kind: 'embedded' } | { kind: 'http'; baseUrl: string; token: string | null };

/**
 * An account whose state a drain could not read (the remote failed, or asked
 * for a new sign-in): the next drain reads it, in whichever context it runs
 * (the service worker that failed may be stopped before then).
 */
export interface ReconcileDue {
  accountId: string;
  /** When a drain first missed it (ISO). */
  since: string;
}

/** Device settings, one row under key `device`. */
export interface Settings {
  key: 'device';
  language: 'ja' | 'en' | null;
  currentAccountId: string | null;
  remote: RemoteSetting;
  /** The embedded Partner Center's demo switches. */
  embeddedOffline: boolean;
  embeddedDelayMs: number;
}

/**
 * One change a reconciliation made to this device's associations because the
 * remote said so (another device, the organization, a move): what the person
 * is told under "what changed". Names are copied when it is recorded, so the
 * words stay right if the account is deleted later.
 */
export interface SyncChange {
  /** The association's id (a later change of the same link replaces this one). */
  id: string;
  /** When this device learned of it (ISO). */
  seenAt: string;
  change: 'linked' | 'ended';
  accountId: string;
  orgId: string | null;
  orgName: string | null;
  profileId: string;
  profileKind: ProfileKind | null;
  startedOn: string;
  endedOn: string | null;
  endReason: EndReason | null;
}

/** What the pulls of the remote's state left: one row under key `pull` (not exported). */
export interface SyncNews {
  key: 'pull';
  /** When the last pull read the remote's state (ISO), or null before the first. */
  checkedAt: string | null;
  /** Changes not yet dismissed, newest first. */
  changes: SyncChange[];
}

/**
 * One row of an organization's skills report: the rules' undated row
 * (`rules.undatedReportRows`) with whose it is. The store keeps these, by
 * credit day (`ReportDay`), in the same transaction as every change of the
 * accounts, links and achievements they come from (`report-upkeep.ts`); the
 * status is decided at read time, so a new day rewrites nothing.
 */
export interface ReportRecord extends Omit<UndatedReportRow, 'linkIndex'> {
  /** `profileId \0 associationId \0 achievementId`: no two rows share it. */
  id: string;
  displayName: string;
  email: string;
}

/**
 * Every report row of one organization whose credit starts on one day
 * (schema v6), in the rules' order (`reportOrderKey`, then `id`). One record
 * holds a day's rows (about a hundred with 100,000 achievements), not one
 * record per row: IndexedDB's cost is per record and per index entry, and an
 * index per sort made an import four times the raw write of the file (issue
 * 17). The report in credit-day order is these records in key order; a page
 * finds its days from the counts (`ReportCount`) without reading the others.
 */
export interface ReportDay {
  /** `orgId \0 countsFrom`. */
  key: string;
  orgId: string;
  countsFrom: string;
  rows: ReportRecord[];
  /**
   * A hash of the key and the rows (`org-derived.ts` `dayRecord`): the
   * `[orgId+rev]` index lists an organization's days without reading them,
   * and tells whether a copy read before is still what the store holds.
   */
  rev: string;
}

/**
 * How many of an organization's report rows share one (credit day, removal
 * day) pair (schema v5). A few hundred pairs per organization: the four
 * status counts on any day come from these without reading the rows.
 */
export interface ReportCount {
  /** `orgId \0 countsFrom \0 countsUntil` (empty while the link is active). */
  key: string;
  orgId: string;
  countsFrom: string;
  countsUntil: string | null;
  n: number;
}

/** A link of an account whose pair has an ended link: what the users list says of a move. */
export interface EndedPair {
  profileId: string;
  /** Every link of the pair, ended or not. */
  links: Association[];
  /** The profile's earliest achievement (by completion day, then id); null when it has none. */
  earliest: Achievement | null;
}

/**
 * One work account as the organization's users list shows it, kept with the
 * report's rows. Whether an ended link's achievements are still in the report
 * depends on the day: the rules decide it at read time from `endedPairs`
 * (`rules/org/users` `orgUserRowsOn`).
 */
export interface OrgUserRecord {
  /** The account's id. */
  id: string;
  orgId: string;
  account: WorkAccount;
  learnLinked: boolean;
  puLinked: boolean;
  /** For a deleted account: the day its achievements leave the skills report (rule 7). */
  removalOn: string | null;
  endedPairs: EndedPair[];
  /** The lists of the users screen the account is in (`all`, `active`, each of its states). */
  lists: UserList[];
  /** Its place in the users list: its name's order key (`nameOrderKey`), then its id. */
  order: string;
  /** What the filter box searches: name and email (`searchKey`). */
  search: string;
}

/**
 * A run of an organization's users rows in list order (schema v7): a row
 * whose order hashes to a boundary starts a leaf (`user-leaves.ts`), so the
 * cut depends only on which rows there are.
 */
export interface UserLeaf {
  /** `orgId \0 order of its first row`. */
  key: string;
  orgId: string;
  /** In `order`; at least one. */
  rows: OrgUserRecord[];
}

/** A leaf as its organization's directory lists it. */
export interface UserLeafEntry {
  /** The order of the leaf's first row (its key without the organization). */
  first: string;
  /** How many of its rows each list holds (a list it has none of is absent). */
  n: Partial<Record<UserList, number>>;
}

/**
 * An organization's users list (schema v7): its leaves in order with each
 * list's count in each, so a page's leaves and every list's total are found
 * without reading rows.
 */
export interface UserDir {
  /** The organization's id. */
  key: string;
  leaves: UserLeafEntry[];
}
