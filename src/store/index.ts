/**
 * The public face of the store: the schema, the operations that change data,
 * and the reads the screens use. Three entry points stand apart, each loaded only
 * when needed: `./drain` (the outbox's drain side, for the sync engine),
 * `./transfer` (export and import) and `./demo` (the demo data).
 * Nothing outside src/store touches a Dexie table directly.
 */
export {
  SCHEMA_V1,
  SCHEMA_V2,
  TABLE_NAMES,
  onVersionChange,
  openDb,
  openDbV1,
  type AppDb,
} from './db';
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
export { dismissSyncChanges, getSyncNews } from './sync-news';
// The outbox's drain side and reconciliation are the sync engine's own entry point,
// `store/drain`: a page with nothing to deliver never loads them.
export { getSettings, updateSettings } from './settings';
export {
  addOrganization,
  addPerson,
  addWorkAccount,
  deleteWorkAccount,
  recordFirstSignIn,
  type NewWorkAccount,
} from './ops-org';
export {
  addAchievement,
  addLearningProfile,
  removeAchievement,
  updateAchievement,
  updateLearningProfile,
} from './ops-profile';
export {
  previewLinkAction,
  previewLinkTyped,
  removeWrongMcid,
  requestLink,
  requestLinkTyped,
  requestUnlink,
  type TypedMcidRequest,
  type TypedPreview,
} from './ops-link';
export {
  asStorageError,
  guardQuota,
  requestPersistence,
  storageEstimate,
  type PersistResult,
  type StorageUse,
} from './storage';
export { listAccounts, myView, type AccountChoice, type MyView } from './queries-me';
export { orgSkillsReport, orgUsers, type OrgReportRow, type OrgUser } from './queries-org';
export { resetAll } from './reset';
// Export and import (`store/transfer`) and the demo data (`store/demo`) are
// their own entry points, not re-exported here: with the import's schema validator
// they are as large as the rest of the store's code, a first visit needs
// neither, and the app loads them on first use.
export { MAX_IMPORT_BYTES } from './import-limit';
export { CATALOG_ID, clearCatalog, getCatalog, saveCatalog } from './catalog';
