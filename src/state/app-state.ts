/**
 * The data state the screens read and the actions they call. Reads are
 * signals fed by liveQuery (so a change made in another tab or by the service
 * worker shows up by itself); actions call the store's operations and return
 * a result (never throw for a refusal), so the UI can say why in words.
 * `now` is injected: tests run on a fixed day.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { Dexie } from 'dexie';
import type { Decision, LinkRequest } from '../rules';
// By its own path: the rules' index would bring the link decisions to a first visit.
import { todayUtc } from '../rules/dates';
import type { PlannerTables } from '../rules/planner/data';
import {
  ImportError,
  clearCatalog,
  MAX_IMPORT_BYTES,
  dismissEntry,
  dismissSyncChanges,
  getCatalog,
  getSyncNews,
  getSettings,
  isUnsettled,
  meViewOf,
  settingsOf,
  listAccounts,
  pendingOutbox,
  preloadDerivation,
  requestPersistence,
  resetAll,
  saveCatalog,
  storageEstimate,
  updateSettings,
  type AccountChoice,
  type AppDb,
  type CatalogRecord,
  type HomeRows,
  type MyView,
  type NewWorkAccount,
  type OrgReportRow,
  type OutboxEntry,
  type PersistResult,
  type ReportPage,
  type Settings,
  type StorageUse,
  type SyncNews,
  type TypedPreview,
  type TypedRequest,
  type UsersPage,
} from '../store';
import type { ReportQuery } from '../rules/org/report-rows';
import type { UsersQuery } from '../rules/org/users';
import type { ImportProgress } from '../store/transfer';
import type { SyncProblem } from '../sync';
import { liveSignal, type LiveSignal } from './live';

/**
 * Export and import (with their schema validator) load on first use, like
 * the demo data below: a first visit needs neither, and they would otherwise
 * double the store's code a first visit downloads.
 */
const transfer = () => import('../store/transfer');
// Likewise the link operations (with the rules' decisions): a first visit,
// where nobody is chosen yet, never asks for a link.
const links = () => import('../store/ops-link');
// The organization's operations (sign-in's first record, adding and deleting users).
const orgOps = () => import('../store/ops-org');
// And the organization's reads, for an admin's screens only. Dexie.waitFor
// keeps the live query's observation across the module's load.
const orgReadsCode = () => import('../store/queries-org');
const orgReads = () => Dexie.waitFor(orgReadsCode());
// The planner's read, for its screen and nothing else.
const plannerReads = () => import('../store/queries-planner');
import { followAccount } from './me';
import { attempt, nothing, type ActionResult } from './result';

export type { ActionResult } from './result';

export interface SyncView {
  draining: boolean;
  needsSignIn: boolean;
  lastError: string | null;
  /** What is wrong with the remote, once the same failure repeats. */
  problem: SyncProblem | null;
}

/** Where an import is: reading the file, then the store's own steps (checking, writing n of m). */
export type ImportStep = { phase: 'reading' } | ImportProgress;

export type { SyncChange, SyncNews } from '../store';
export type { OrgReportRow, ReportPage, UsersPage } from '../store';

import type { ReportExport, ReportExportOptions } from './org/report-export';
export type { ReportExport, ReportExportOptions };

/** The whole report, in its rules' order: what the designations' points are made from. */
const WHOLE_REPORT: ReportQuery = { text: '', status: 'all', sort: 'countsFrom', dir: 'asc' };
export type { SyncProblem } from '../sync';

const NO_NEWS: SyncNews = { key: 'pull', checkedAt: null, changes: [] };

export interface AppStateOptions {
  now?: () => Date;
  /** Called after an action was queued: main.tsx asks the sync engine to drain. */
  onQueued?: () => void;
  /** Called after the remote setting changed, so the engine drains with it. */
  onSettingsChanged?: () => void;
  /** "Sync now": send what waits and read the server's state at once. */
  onSyncNow?: () => void;
  /** Erases everything the app keeps on this device (databases, caches, worker). */
  eraseDevice?: () => Promise<void>;
  /** Asks the browser to keep our data; called once, after the first user action that writes. */
  persist?: () => Promise<PersistResult>;
  /** How long an organization query nobody watches keeps running (default 30 s). */
  releaseAfterMs?: number;
  /**
   * Called after the device's data was replaced (demo, reset, import): the
   * embedded Partner Center then takes the new data as its truth.
   */
  onDataReplaced?: () => Promise<void>;
  /**
   * The account the page's hint says is chosen (state/chosen-hint): its view
   * is read beside the settings and given once they name it (state/me).
   */
  expectedAccountId?: string | null;
  /**
   * That account's rows, read by the page before Dexie had arrived
   * (store/open-ahead): if they come before the live queries' first
   * answers, the settings and home show them until those answers do.
   */
  homeRows?: PromiseLike<HomeRows | null> | null;
}

export interface AppState {
  today: () => string;
  settings: LiveSignal<Settings | null>;
  /** Every account on the device; its query runs only while something watches it. */
  accounts: LiveSignal<AccountChoice[] | null>;
  /** The signed-in person's view; null while loading or when nobody is chosen. */
  me: ReadonlySignal<MyView | null>;
  /** True once the first read of `me` for the current account has answered. */
  meReady: ReadonlySignal<boolean>;
  outbox: LiveSignal<OutboxEntry[]>;
  /** Actions not yet delivered (queued, sending, waiting for a retry). */
  queuedCount: ReadonlySignal<number>;
  sync: Signal<SyncView>;
  /** "Last checked" and what the server's state changed here (any tab's or the worker's pulls). */
  syncNews: LiveSignal<SyncNews>;
  /** The person has read these changes (all when omitted). */
  dismissSyncChanges: (ids?: readonly string[]) => Promise<ActionResult>;
  syncNow: () => void;
  /**
   * Starts loading the code of the organization's reads (an admin's likely
   * next screen reads with it): the first read then waits for no download.
   */
  preloadOrgReads: () => void;
  /**
   * One page of the organization's users (in name order), live: it re-reads
   * when they change. The same arguments give the same signal while watched.
   */
  orgUsersPage: (
    orgId: string,
    query: UsersQuery,
    page: number,
    size: number,
  ) => LiveSignal<UsersPage | null>;
  /** One page of the organization's skills report on today, with its four status counts; live. */
  reportPage: (
    orgId: string,
    query: ReportQuery,
    page: number,
    size: number,
  ) => LiveSignal<ReportPage | null>;
  /** Every row of the report (all statuses), read in chunks; live. For the designations' points. */
  reportRows: (orgId: string) => LiveSignal<readonly OrgReportRow[] | null>;
  /**
   * The query's whole selection as CSV, read a chunk at a time, with
   * progress; `CANCELLED` when the signal aborts it.
   */
  exportReport: (
    orgId: string,
    query: ReportQuery,
    options: ReportExportOptions,
  ) => Promise<ActionResult<ReportExport>>;
  /** The stored designation catalog (null until one is saved: the UI shows the sample). */
  catalog: LiveSignal<CatalogRecord | null>;

  /**
   * Which work account this device acts as. It records nothing on the
   * account: choosing a name on a shared device is not that person signing in.
   */
  setCurrentAccount: (accountId: string | null) => Promise<ActionResult>;
  /** The person said "this is me": their first sign-in is recorded (the admin's "no response" ends). */
  signIn: (accountId: string) => Promise<ActionResult>;
  setLanguage: (language: Settings['language']) => Promise<ActionResult>;
  previewLink: (type: 'link' | 'unlink', req: LinkRequest) => Promise<ActionResult<Decision>>;
  /**
   * The check of a typed MCID (the person's own Learn profile) or a Partner
   * University sign-up: the rules' answer and the profile it names. Writes
   * nothing, so a typo leaves nothing.
   */
  previewTyped: (req: TypedRequest) => Promise<ActionResult<TypedPreview>>;
  requestLink: (req: LinkRequest) => Promise<ActionResult<OutboxEntry>>;
  /** "Link now" for a typed MCID or a sign-up: the profile (if new) and the link in one transaction. */
  requestLinkTyped: (req: TypedRequest) => Promise<ActionResult<OutboxEntry>>;
  /**
   * "This is not my MCID": removes one of the person's Learn profiles, ending
   * its link through the outbox; its starts stay counted for the person.
   */
  removeWrongMcid: (req: {
    actorAccountId: string;
    profileId: string;
  }) => Promise<ActionResult<OutboxEntry | null>>;
  requestUnlink: (req: LinkRequest) => Promise<ActionResult<OutboxEntry>>;
  dismiss: (entryId: string) => Promise<ActionResult>;
  /** Stores the catalog text (validated by the organization view before it gets here). */
  saveCatalog: (json: string, sample: boolean) => Promise<ActionResult>;
  /** Forgets the edits: the organization view shows the shipped sample again. */
  clearCatalog: () => Promise<ActionResult>;
  addUser: (input: NewWorkAccount) => Promise<ActionResult<{ id: string }>>;
  deleteUser: (actorAccountId: string, accountId: string) => Promise<ActionResult>;
  updateSettings: (patch: Partial<Omit<Settings, 'key'>>) => Promise<ActionResult>;
  loadDemo: () => Promise<ActionResult>;
  /** Clears all data (outbox included); keeps the language and remote, signs out. */
  reset: () => Promise<ActionResult>;
  exportJson: () => Promise<ActionResult<string>>;
  /** The planner's rows for the person behind the account, read in one transaction. */
  plannerTables: (accountId: string) => Promise<ActionResult<PlannerTables>>;
  /** Replaces all data with an export's; the number of rows imported. */
  importJson: (text: string) => Promise<ActionResult<number>>;
  /** Like `importJson`, from a file the person picked; a too-large file is refused unread. */
  importFile: (file: Blob) => Promise<ActionResult<number>>;
  /** The running import's step (null when none runs), for a progress bar. */
  importProgress: ReadonlySignal<ImportStep | null>;
  persist: () => Promise<PersistResult>;
  storage: () => Promise<StorageUse | null>;
  eraseDevice: () => Promise<void>;
  dispose: () => void;
}

export function createAppState(db: AppDb, options: AppStateOptions = {}): AppState {
  const now = options.now ?? (() => new Date());
  const today = () => todayUtc(now());
  const rows = options.homeRows ?? null;
  const settings = liveSignal(
    () => getSettings(db),
    null,
    rows ? { first: rows.then((r) => (r ? { value: settingsOf(r.settings) } : null)) } : {},
  );
  // Every account, sorted: only "who am I" shows it, so it reads only while watched.
  const accounts = liveSignal(() => listAccounts(db), null, { lazy: true });
  const outbox = liveSignal(() => pendingOutbox(db), []);
  const catalog = liveSignal(() => getCatalog(db), null);
  const syncNews = liveSignal(() => getSyncNews(db), NO_NEWS);
  // Rows read ahead hold no other account a profile may be linked to: then no first view.
  const firstView = rows
    ? rows.then((r) => (r ? meViewOf({ ...r, others: new Map() }, today()) : null))
    : null;
  const mine = followAccount(db, settings, today, options.expectedAccountId ?? null, firstView);

  const cache = new Map<string, LiveSignal<unknown>>();
  const releaseAfterMs = options.releaseAfterMs ?? 30_000;
  const pageReleaseMs = Math.min(releaseAfterMs, 2_000);
  /**
   * One live query per organization and kind, shared by the screens. Once no
   * screen has watched it for `releaseAfterMs`, it stops (a 10k-user report
   * re-read on every link elsewhere would block the page) and the next call
   * starts a fresh one; coming back within that time finds it ready. A page
   * of a list (one per query, page and size) is let go sooner: paging and
   * searching leave many behind, each re-read on every change while kept.
   */
  function cached<T>(
    key: string,
    query: () => Promise<T>,
    initial: T,
    release = releaseAfterMs,
  ): LiveSignal<T> {
    let live = cache.get(key) as LiveSignal<T> | undefined;
    if (!live) {
      const made: LiveSignal<T> = liveSignal(query, initial, {
        releaseAfterMs: release,
        onRelease: () => {
          if (cache.get(key) === made) cache.delete(key);
        },
      });
      live = made;
      cache.set(key, made);
    }
    return live;
  }

  const persist = options.persist ?? (() => requestPersistence());
  let persistAsked = false;
  const afterUserWrite = () => {
    if (persistAsked) return;
    persistAsked = true;
    // Best effort: a refusal or an unsupported browser changes nothing here.
    void persist().catch(() => undefined);
  };

  const queued = async <T>(task: () => Promise<T>) => {
    const result = await attempt(task);
    if (result.ok) {
      afterUserWrite();
      options.onQueued?.();
    }
    return result;
  };

  const importProgress = signal<ImportStep | null>(null);
  /** A task boundary, so the step just set is painted before the next long step starts. */
  const painted = () =>
    new Promise<void>((resolve) => {
      setTimeout(resolve, 0);
    });
  const importText = async (text: string) => {
    importProgress.value ??= { phase: 'checking' };
    try {
      return await attempt(async () => {
        const { importJson } = await transfer();
        await painted();
        const summary = await importJson(db, text, {
          onProgress: (step) => {
            importProgress.value = step;
          },
        });
        await options.onDataReplaced?.();
        afterUserWrite();
        return Object.values(summary).reduce((n, c) => n + c, 0);
      });
    } finally {
      importProgress.value = null;
    }
  };

  return {
    today,
    settings,
    accounts,
    me: mine.me,
    meReady: mine.ready,
    outbox,
    queuedCount: computed(() => outbox.value.filter(isUnsettled).length),
    sync: signal<SyncView>({ draining: false, needsSignIn: false, lastError: null, problem: null }),
    syncNews,
    dismissSyncChanges: (ids) => attempt(() => nothing(dismissSyncChanges(db, ids))),
    syncNow: () => options.onSyncNow?.(),
    preloadOrgReads: () => {
      // Only ahead of time: a failed load is tried again by the first read.
      void orgReadsCode().catch(() => undefined);
    },
    orgUsersPage: (orgId, query, page, size) =>
      cached(
        `users:${JSON.stringify([orgId, query.state, query.text, page, size])}`,
        async () => (await orgReads()).orgUsersPage(db, orgId, query, page, size),
        null,
        pageReleaseMs,
      ),
    reportPage: (orgId, query, page, size) => {
      const day = today();
      const { text, status, sort, dir } = query;
      return cached(
        `report:${JSON.stringify([orgId, day, status, sort, dir, text, page, size])}`,
        async () => (await orgReads()).orgReportPage(db, orgId, day, query, page, size),
        null,
        pageReleaseMs,
      );
    },
    reportRows: (orgId) => {
      const day = today();
      return cached<readonly OrgReportRow[] | null>(
        `rows:${JSON.stringify([orgId, day])}`,
        async () => {
          const { orgReportChunks } = await orgReads();
          const rows: OrgReportRow[] = [];
          for await (const chunk of orgReportChunks(db, orgId, day, WHOLE_REPORT, {
            size: 5000,
          })) {
            rows.push(...chunk);
          }
          return rows;
        },
        null,
      );
    },
    exportReport: async (orgId, query, options) => {
      const { signal } = options;
      try {
        return await attempt(async () => {
          const { exportReportCsv } = await import('./org/report-export');
          return exportReportCsv(db, orgId, today(), query, options);
        });
      } catch (error) {
        if (signal?.aborted) return { ok: false, code: 'CANCELLED' };
        throw error;
      }
    },

    setCurrentAccount: (accountId) =>
      attempt(() => nothing(updateSettings(db, { currentAccountId: accountId }))),
    signIn: (accountId) =>
      attempt(async () => {
        await (await orgOps()).recordFirstSignIn(db, accountId, now());
        await updateSettings(db, { currentAccountId: accountId });
        return undefined;
      }),
    setLanguage: (language) => attempt(() => nothing(updateSettings(db, { language }))),
    // A check comes before a link: the derivation that follows the link's write
    // loads meanwhile, not inside the link's transaction (the screens wait on it).
    previewLink: (type, req) => {
      preloadDerivation();
      return attempt(async () => (await links()).previewLinkAction(db, type, req, now()));
    },
    previewTyped: (req) => {
      preloadDerivation();
      return attempt(async () => (await links()).previewLinkTyped(db, req, now()));
    },
    requestLink: (req) => queued(async () => (await links()).requestLink(db, req, now())),
    requestLinkTyped: (req) => queued(async () => (await links()).requestLinkTyped(db, req, now())),
    removeWrongMcid: (req) => queued(async () => (await links()).removeWrongMcid(db, req, now())),
    requestUnlink: (req) => queued(async () => (await links()).requestUnlink(db, req, now())),
    dismiss: (entryId) => attempt(() => nothing(dismissEntry(db, entryId, now()))),
    catalog,
    saveCatalog: (json, sample) => attempt(() => nothing(saveCatalog(db, { json, sample }, now()))),
    clearCatalog: () => attempt(() => nothing(clearCatalog(db))),
    addUser: (input) =>
      attempt(async () => {
        const account = await (await orgOps()).addWorkAccount(db, input, now());
        afterUserWrite();
        return { id: account.id };
      }),
    deleteUser: (actorAccountId, accountId) =>
      attempt(async () => {
        await (await orgOps()).deleteWorkAccount(db, { actorAccountId, accountId }, now());
        return undefined;
      }),
    updateSettings: async (patch) => {
      const result = await attempt(() => nothing(updateSettings(db, patch)));
      if (result.ok) options.onSettingsChanged?.();
      return result;
    },
    loadDemo: () =>
      attempt(async () => {
        const { loadDemo } = await import('../store/demo');
        await loadDemo(db, now());
        await options.onDataReplaced?.();
        return undefined;
      }),
    reset: () =>
      attempt(async () => {
        await resetAll(db, { keepSettings: true });
        await updateSettings(db, { currentAccountId: null });
        await options.onDataReplaced?.();
        return undefined;
      }),
    exportJson: () =>
      attempt(async () => {
        const { exportJson } = await transfer();
        return exportJson(db, now());
      }),
    plannerTables: (accountId) =>
      attempt(async () => (await plannerReads()).plannerTables(db, accountId)),
    importJson: importText,
    importFile: async (file) => {
      if (file.size > MAX_IMPORT_BYTES) {
        return attempt(() =>
          Promise.reject(
            new ImportError([
              { path: '', reason: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
            ]),
          ),
        );
      }
      importProgress.value = { phase: 'reading' };
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        importProgress.value = null;
        throw error;
      }
      return importText(text);
    },
    importProgress,
    persist: () => persist(),
    storage: () => storageEstimate(),
    eraseDevice: async () => {
      if (!options.eraseDevice) throw new Error('erasing is not wired in this context');
      await options.eraseDevice();
    },
    dispose: () => {
      mine.dispose();
      settings.dispose();
      accounts.dispose();
      outbox.dispose();
      catalog.dispose();
      syncNews.dispose();
      for (const live of cache.values()) live.dispose();
      cache.clear();
    },
  };
}
