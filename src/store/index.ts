/**
 * The public face of the store: the schema, the operations that change data,
 * and the reads the screens use. Seven entry points stand apart, each loaded only
 * when needed: `./drain` (the outbox's drain side, for the sync engine),
 * `./transfer` (export and import), `./demo` (the demo data),
 * `./ops-link` (the link operations), `./ops-org` (the organization's
 * operations), `./queries-org` (its reads) and `./queries-planner` (the
 * planner's read).
 * Nothing outside src/store touches a Dexie table directly.
 */
export { TABLE_NAMES, onVersionChange, openDb, openDbV1, type AppDb, type DexieOf } from './db';
export type * from './records';
export {
  IMPORT_ISSUES_SHOWN,
  ImportError,
  StorageFullError,
  StoreRefusal,
  isStoreRefusal,
  type ImportIssue,
  type StoreRefusalCode,
} from './errors';
export { dismissEntry, isUnsettled, pendingOutbox } from './outbox';
export { dismissSyncChanges, getSyncNews } from './sync-news-read';
// The outbox's drain side and reconciliation are the sync engine's own entry point,
// `store/drain`: a page with nothing to deliver never loads them.
export { getSettings, settingsOf, updateSettings } from './settings';
export type { HomeRows } from './open-ahead';
// The organization's operations are an entry point too, `store/ops-org`: nothing
// of a first visit runs them before someone signs in or an admin adds a user.
export type { NewWorkAccount } from './ops-org';
// The profile operations (`./ops-profile`) are not re-exported: no screen adds
// or edits profiles and achievements (a link's typed MCID goes through
// ops-link), and a first visit would download them and the rules' MCID checks.
// The tests and benchmarks import them by path.
// The link operations are their own entry point, `store/ops-link`: with the
// rules' decisions they are needed only once someone asks for a link, never
// on a first visit.
export type { TypedPreview, TypedRequest } from './ops-link';
export {
  asStorageError,
  guardQuota,
  requestPersistence,
  storageEstimate,
  type PersistResult,
  type StorageUse,
} from './storage';
export { listAccounts, meViewOf, myView, type AccountChoice, type MyView } from './queries-me';
// The organization's reads are an entry point of their own, `store/queries-org`:
// only an admin's organization screens run them.
export type { OrgReportRow, ReportPage, UsersPage } from './queries-org';
export { resetAll } from './reset';
export { preloadDerivation } from './report-upkeep';
// Export and import (`store/transfer`) and the demo data (`store/demo`) are
// their own entry points, not re-exported here: with the import's schema validator
// they are as large as the rest of the store's code, a first visit needs
// neither, and the app loads them on first use.
export { MAX_IMPORT_BYTES } from './import-limit';
export { CATALOG_ID, clearCatalog, getCatalog, saveCatalog } from './catalog';
