/**
 * A small organization for the view tests: company A with an admin, a user
 * who never signed in, a departed user already deleted, Ann who moved to B,
 * and Mei with a pending credit. Built through the state derivations, as the
 * container does.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { csvLines, csvStart } from '../../src/rules/org/csv';
import { pageOf } from '../../src/rules/org/paging';
import {
  queryReport,
  reportCsvRecords,
  statusCounts,
  type ReportViewRow,
} from '../../src/rules/org/report-rows';
import { queryUsers, type OrgUserRow } from '../../src/rules/org/users';
import type { AppDb } from '../../src/store';
import type {
  DesignationsData,
  OrgData,
  OrgReads,
  ReportPageView,
  UsersPageView,
} from '../../src/ui/screens/org/view-model';
import { account, cert, learn, link, orgViews, seed, type World } from '../rules/org/fixtures';

export const TODAY = '2026-11-25';

export function world(): World {
  return {
    accounts: [
      account('admin', 'a', {
        displayName: 'Aiko Admin',
        email: 'aiko@contoso.example',
        roles: ['global-admin'],
      }),
      account('new', 'a', {
        displayName: 'Nao New',
        email: 'nao@contoso.example',
        firstSignInOn: null,
      }),
      account('ken', 'a', {
        displayName: 'Ken Gone',
        email: 'ken@contoso.example',
        deletedOn: '2026-11-03',
      }),
      account('annA', 'a', { displayName: 'Ann Moved', email: 'ann@contoso.example' }),
      account('mei', 'a', { displayName: '山田 芽衣', email: 'mei@contoso.example' }),
      account('annB', 'b', { displayName: 'Ann', email: 'ann@fabrikam.example' }),
    ],
    associations: [
      link('p-ken', 'ken', '2026-01-01', '2026-11-03', 'account-deleted'),
      link('p-ann', 'annA', '2026-03-01', '2026-11-20', 'moved'),
      link('p-ann', 'annB', '2026-11-20'),
      link('p-mei', 'mei', '2026-06-01'),
    ],
    achievements: [
      cert('k1', 'p-ken', 'AZ-305', '2026-04-01'),
      cert('a1', 'p-ann', 'AI-102', '2026-05-01'),
      cert('m1', 'p-mei', 'AZ-104', '2026-07-01'),
      cert('m2', 'p-mei', 'SC-300', '2026-11-22'),
    ],
    profiles: [learn('p-ken'), learn('p-ann'), learn('p-mei')],
  };
}

export interface MemoryOptions {
  /** Rows per chunk of the CSV export (default 2). */
  chunk?: number;
  /** Awaited before each chunk: a test holds the export here. */
  beforeChunk?: () => Promise<void>;
}

/**
 * The sections' reads over rows already made (the store's, through
 * `orgViews`), paged and filtered by the rules as the store pages them: the
 * views can be tested without a live database. Each page is there at once.
 */
export function memoryReads(
  users: readonly OrgUserRow[],
  report: readonly ReportViewRow[],
  options: MemoryOptions = {},
): OrgReads {
  const kept = new Map<string, ReadonlySignal<unknown>>();
  const once = <T>(key: string, make: () => T): ReadonlySignal<T> => {
    let found = kept.get(key) as ReadonlySignal<T> | undefined;
    if (!found) {
      found = signal(make());
      kept.set(key, found);
    }
    return found;
  };
  const chunk = options.chunk ?? 2;
  return {
    usersPage: (query, page, size) =>
      once<UsersPageView | null>(JSON.stringify(['users', query, page, size]), () => {
        const shown = pageOf(queryUsers(users, query), page, size);
        return { users: shown.items, page: shown.page, total: shown.total, everyone: users.length };
      }),
    reportPage: (query, page, size) =>
      once<ReportPageView | null>(JSON.stringify(['report', query, page, size]), () => {
        const shown = pageOf(queryReport(report, query), page, size);
        return {
          rows: shown.items,
          page: shown.page,
          total: shown.total,
          counts: statusCounts(report),
        };
      }),
    reportRows: () => once<readonly ReportViewRow[] | null>('rows', () => report),
    exportReport: async (query, { labels, onProgress, signal: stop }) => {
      const selected = queryReport(report, query);
      const parts = [csvStart(labels.header)];
      onProgress(0, selected.length);
      for (let i = 0; i < selected.length; i += chunk) {
        await options.beforeChunk?.();
        if (stop.aborted) return { ok: false, code: 'CANCELLED' };
        const part = selected.slice(i, i + chunk);
        parts.push(csvLines(reportCsvRecords(part, labels)));
        onProgress(i + part.length, selected.length);
      }
      return { ok: true, parts, rows: selected.length };
    },
  };
}

let shared: Promise<AppDb> | null = null;

/**
 * The organization view's data for `orgId`, read through the store's
 * queries: the context, the sections' reads over them, and the rows
 * themselves (the designations take the whole report).
 */
export async function orgData(
  orgId = 'a',
  actorId = 'admin',
  isAdmin = true,
  options: MemoryOptions = {},
): Promise<OrgData & DesignationsData & { users: OrgUserRow[]; report: readonly ReportViewRow[] }> {
  shared ??= seed(world());
  const { users, report } = await orgViews(await shared, orgId, TODAY);
  return {
    today: TODAY,
    org: {
      id: orgId,
      name: orgId === 'a' ? 'Contoso Japan' : 'Fabrikam',
      domains: orgId === 'a' ? ['contoso.example'] : ['fabrikam.example'],
    },
    actor: { id: actorId, displayName: 'Aiko Admin', isAdmin },
    users,
    report,
    reads: memoryReads(users, report, options),
  };
}
