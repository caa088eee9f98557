import { SyncNewsPanel } from '../../components/sync-news';
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AppState, UsersPage } from '../../../state/app-state';
import type { Catalog } from '../../../rules/org/catalog';
import {
  appCatalogStore,
  fetchSampleCatalog,
  loadCatalog,
  saveCatalog,
  type CatalogStore,
} from '../../../state/org/catalog-store';
import { SAMPLE_CATALOG_PATH } from '../../../rules/org/catalog';
import { isOrgAdmin, orgUserRowsOn } from '../../../rules/org/users';
import type { OrgTab } from '../../../state/shell';
import { Skeleton } from '../../components/skeleton';
import { TitledScreen } from '../../components/titled-screen';
import { useFocusHeading } from '../../components/use-focus-heading';
import { useData } from '../../data-context';
import { OrgView } from './org-view';
import { useOrgWords } from './org-words';
import type { ActionResult, CatalogState, OrgData, OrgReads, UsersPageView } from './view-model';

/** The organization view for the account this device acts as (route `#/org/<tab>`). */
export function OrgScreen({ tab }: { tab: OrgTab }) {
  const app = useData();
  const { t, m } = useOrgWords();
  const ready = !!app && app.meReady.value;
  const me = ready ? app.me.value : null;
  useFocusHeading(ready);
  if (!app || !ready) return <Skeleton title={t.title} label={m.common.loading} />;
  if (!me) {
    return (
      <TitledScreen title={t.title}>
        <p>{t.noAccount}</p>
        <p>
          <a href="#/welcome">{t.chooseAccount}</a>
        </p>
      </TitledScreen>
    );
  }
  const actor = {
    id: me.account.id,
    displayName: me.account.displayName,
    isAdmin: isOrgAdmin(me.account) && me.org !== null,
  };
  const org = me.org ?? { id: me.account.orgId, name: '', domains: [] };
  if (!actor.isAdmin) {
    const empty: OrgData = { today: app.today(), org, actor, reads: noReads };
    return <OrgView tab={tab} data={empty} catalog={{ status: 'loading' }} actions={noActions} />;
  }
  return <AdminOrgScreen app={app} tab={tab} org={org} actor={actor} />;
}

const refused = (): Promise<ActionResult> => Promise.resolve({ ok: false, code: 'NOT_ADMIN' });
const nothingYet = signal(null);
/** Someone who is not an admin reads nothing of the organization. */
const noReads: OrgReads = {
  usersPage: () => nothingYet,
  reportPage: () => nothingYet,
  reportRows: () => nothingYet,
  exportReport: () => Promise.resolve({ ok: false, code: 'NOT_ADMIN' }),
};

// The users page as the list shows it, made once per page read (the state
// layer gives the same signal for the same page while it is watched).
const usersRows = new WeakMap<
  ReadonlySignal<UsersPage | null>,
  ReadonlySignal<UsersPageView | null>
>();

/**
 * The sections' reads from the app state, for one organization: each
 * section asks for its own page, so Users never starts the skills report
 * (100,000 achievements), and Report and Designations never start the users list.
 */
function orgReads(app: AppState, orgId: string): OrgReads {
  return {
    usersPage: (query, page, size) => {
      const live = app.orgUsersPage(orgId, query, page, size);
      let rows = usersRows.get(live);
      if (!rows) {
        rows = computed(() => {
          const read = live.value;
          return read
            ? {
                users: orgUserRowsOn(read.users, app.today()),
                page: read.page,
                total: read.total,
                everyone: read.everyone,
              }
            : null;
        });
        usersRows.set(live, rows);
      }
      return rows;
    },
    reportPage: (query, page, size) => app.reportPage(orgId, query, page, size),
    reportRows: () => app.reportRows(orgId),
    exportReport: async (query, options) => {
      const done = await app.exportReport(orgId, query, options);
      return done.ok
        ? { ok: true, parts: done.value.parts, rows: done.value.rows }
        : { ok: false, code: done.code };
    },
  };
}
const noActions = {
  addUser: refused,
  deleteUser: refused,
  saveCatalog: refused,
  resetCatalog: refused,
};

function AdminOrgScreen(props: {
  app: AppState;
  tab: OrgTab;
  org: OrgData['org'];
  actor: OrgData['actor'];
}) {
  const { app, tab, org, actor } = props;
  const reads = useMemo(() => orgReads(app, org.id), [app, org.id]);
  const today = app.today();
  const data = useMemo<OrgData>(
    () => ({ today, org, actor, reads }),
    // org and actor are rebuilt each render from the same values: their ids decide.
    [reads, today, org.id, actor.id],
  );
  const catalog = useCatalog(app, tab === 'designations');

  return (
    <>
      <OrgView
        tab={tab}
        data={data}
        catalog={catalog.state}
        actions={{
          addUser: async (input) =>
            app.addUser({ actorAccountId: actor.id, orgId: org.id, ...input }),
          deleteUser: (accountId) => app.deleteUser(actor.id, accountId),
          saveCatalog: catalog.save,
          resetCatalog: catalog.reset,
        }}
      />
      <SyncNewsPanel orgId={org.id} />
    </>
  );
}

function sampleUrl(): URL {
  return new URL(SAMPLE_CATALOG_PATH, document.baseURI);
}

/**
 * The designation catalog: the saved one, or the shipped sample; saved in
 * the device's database (so export, import and reset carry it). Read when
 * the designations section first opens.
 */
function useCatalog(app: AppState, wanted: boolean) {
  const store = useMemo<CatalogStore>(() => appCatalogStore(app), [app]);
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const load = async () => {
    const parsed = await loadCatalog(store, () => fetchSampleCatalog(sampleUrl()));
    setState(
      parsed.ok
        ? { status: 'ready', catalog: parsed.catalog }
        : { status: 'error', problem: parsed.problem },
    );
  };
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!wanted || asked) return;
    setAsked(true);
    void load();
  }, [wanted, asked]);
  return {
    state,
    save: async (catalog: Catalog): Promise<ActionResult> => {
      try {
        await saveCatalog(store, catalog);
      } catch {
        return { ok: false, code: 'STORAGE_FULL' };
      }
      setState({ status: 'ready', catalog });
      return { ok: true };
    },
    reset: async (): Promise<ActionResult> => {
      await store.clear();
      await load();
      return { ok: true };
    },
  };
}
