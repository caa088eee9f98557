import type { OrgTab } from '../../../state/shell';
import { DesignationsView } from './designations-view';
import { useOrgWords } from './org-words';
import { ReportView } from './report-view';
import { UsersView } from './users-view';
import type { CatalogActions, CatalogState, OrgData, UserActions } from './view-model';

export interface OrgViewProps {
  tab: OrgTab;
  data: OrgData;
  catalog: CatalogState;
  actions: UserActions & CatalogActions;
}

const TABS: readonly OrgTab[] = ['users', 'report', 'designations'];

/** A section whose data is being read: blocks of about its height, under the section links. */
function SectionLoading() {
  const { m } = useOrgWords();
  return (
    <div class="card" aria-busy="true" data-testid="section-loading">
      <p class="visually-hidden">{m.common.loading}</p>
      <div class="skeleton" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} class={i % 3 === 0 ? 'skeleton-block' : 'skeleton-line'} />
        ))}
      </div>
    </div>
  );
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
          {tab === 'users' ? (
            data.users ? (
              <UsersView data={{ ...data, users: data.users }} actions={actions} />
            ) : (
              <SectionLoading />
            )
          ) : null}
          {tab === 'report' ? (
            data.report ? (
              <ReportView data={{ ...data, report: data.report }} />
            ) : (
              <SectionLoading />
            )
          ) : null}
          {tab === 'designations' ? (
            data.report ? (
              <DesignationsView
                data={{ ...data, report: data.report }}
                catalog={catalog}
                actions={actions}
              />
            ) : (
              <SectionLoading />
            )
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
