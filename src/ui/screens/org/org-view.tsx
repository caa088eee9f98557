import type { OrgTab } from '../../../state/shell';
import { DesignationsView } from './designations-view';
import { useOrgWords } from './org-words';
import { ReportView } from './report-view';
import { SectionLoading } from './section-loading';
import { UsersView } from './users-view';
import type { CatalogActions, CatalogState, OrgData, UserActions } from './view-model';

export interface OrgViewProps {
  tab: OrgTab;
  data: OrgData;
  catalog: CatalogState;
  actions: UserActions & CatalogActions;
}

const TABS: readonly OrgTab[] = ['users', 'report', 'designations'];

/** Designations: the whole report, read when the section opens (a skeleton until then). */
function DesignationsSection({ data, catalog, actions }: Omit<OrgViewProps, 'tab'>) {
  const report = data.reads.reportRows().value;
  if (!report) return <SectionLoading />;
  return <DesignationsView data={{ ...data, report }} catalog={catalog} actions={actions} />;
}

/**
 * The organization view for an admin: the section links (each a route, so a
 * section can be bookmarked), the privacy note, and the chosen section.
 * Anyone else sees that it is for admins only, and nothing of the data.
 */
export function OrgView({ tab, data, catalog, actions }: OrgViewProps) {
  const { t } = useOrgWords();
  return (
    <section aria-labelledby="screen-title" class="org">
      <h1 id="screen-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p class="muted">{t.orgOf(data.org.name)}</p>
      {data.actor.isAdmin ? (
        <>
          <nav class="org-tabs" aria-label={t.tabsLabel}>
            <ul>
              {TABS.map((name) => (
                <li key={name}>
                  <a href={`#/org/${name}`} aria-current={name === tab ? 'page' : undefined}>
                    {t.tabs[name]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p class="privacy-note small">{t.privacyNote}</p>
          {tab === 'users' ? <UsersView data={data} actions={actions} /> : null}
          {tab === 'report' ? <ReportView data={data} /> : null}
          {tab === 'designations' ? (
            <DesignationsSection data={data} catalog={catalog} actions={actions} />
          ) : null}
        </>
      ) : (
        <div class="card" data-testid="admins-only">
          <h2>{t.adminsOnly}</h2>
          <p>{t.adminsOnlyText}</p>
        </div>
      )}
    </section>
  );
}
