import { OptionsSelect } from '../../components/options-select';
import { SearchField } from '../../components/search-field';
import { useEffect, useState } from 'preact/hooks';
import { describeCode } from '../../../i18n/describe';
import { DEFAULT_REPORT_QUERY } from '../../../rules/org/report-rows';
import { whenIdle } from '../../when-idle';
import { FIRST_PAGE_SIZE } from './first-page';
import { keepAhead } from './read-ahead';
import { reportRemovalDate } from '../../../rules';
import {
  DEFAULT_USERS_QUERY,
  USER_STATES,
  type OrgUserRow,
  type UsersQuery,
} from '../../../rules/org/users';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { OutcomeNotice } from '../../components/notice';
import { AddUserForm } from './add-user-form';
import { useOrgWords } from './org-words';
import { Pager, useListPage, usePaging } from './pager';
import { SectionLoading } from './section-loading';
import { UserCard } from './user-card';
import type { UsersData, UserActions } from './view-model';

const FILTERS: readonly UsersQuery['state'][] = ['active', 'all', ...USER_STATES];

/** Users: add, find, see each one's state, delete a departed user's account. */
export function UsersView({ data, actions }: { data: UsersData; actions: UserActions }) {
  const { t, m, num, from, policy } = useOrgWords();
  const [query, setQuery] = useState<UsersQuery>(DEFAULT_USERS_QUERY);
  const paging = usePaging();
  const [deleting, setDeleting] = useState<OrgUserRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const { page, loading } = useListPage(data.reads.usersPage, query, paging);
  const removalOn = reportRemovalDate(data.today);
  // The list painted: the next tab's first page (the skills report's) is
  // read in idle time, so that tab shows with no read to wait for.
  const shown = page !== null;
  const { reportPage } = data.reads;
  useEffect(() => {
    if (!shown) return;
    let stop: (() => void) | null = null;
    let left = false;
    whenIdle(() => {
      if (!left) stop = keepAhead(reportPage(DEFAULT_REPORT_QUERY, 0, FIRST_PAGE_SIZE));
    });
    return () => {
      left = true;
      stop?.();
    };
  }, [shown, reportPage]);

  const change = (patch: Partial<UsersQuery>) => {
    setQuery({ ...query, ...patch });
    paging.first();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setBusy(true);
    const user = deleting;
    const outcome = await actions.deleteUser(user.id);
    setBusy(false);
    setDeleting(null);
    setResult(
      outcome.ok
        ? { ok: true, text: t.users.deleted(user.displayName, from(removalOn)) }
        : { ok: false, text: describeCode(m, outcome.code, null, policy) },
    );
  };

  if (!page) return <SectionLoading />;
  return (
    <>
      <AddUserForm org={data.org} onAdd={actions.addUser} />
      <section class="card" aria-labelledby="users-title">
        <h2 id="users-title">{t.users.listHeading}</h2>
        <OutcomeNotice outcome={result} testId="delete-result" />
        <div class="filters">
          <SearchField
            id="users-filter"
            label={t.users.filter}
            value={query.text}
            onInput={(text) => {
              change({ text });
            }}
          />
          <div class="field">
            <label for="users-state">{t.users.show}</label>
            <OptionsSelect
              id="users-state"
              value={query.state}
              options={FILTERS}
              labelOf={(f) => t.users.stateFilter[f]}
              onChange={(state) => {
                change({ state });
              }}
            />
          </div>
        </div>
        <p class="results" role="status" data-testid="users-count">
          {t.users.count(num(page.total), num(page.everyone))}
        </p>
        {page.users.length === 0 ? (
          <p>{t.users.none}</p>
        ) : (
          <ul class="user-list" data-testid="user-list" aria-busy={loading ? 'true' : undefined}>
            {page.users.map((u) => (
              <UserCard
                key={u.id}
                user={u}
                isSelf={u.id === data.actor.id}
                onDelete={(user) => {
                  setResult(null);
                  setDeleting(user);
                }}
              />
            ))}
          </ul>
        )}
        <Pager id="users-pager" at={page} shown={page.users.length} paging={paging} />
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t.users.deleteTitle(deleting.displayName) : ''}
        confirmLabel={t.users.deleteConfirm}
        cancelLabel={m.common.cancel}
        danger
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => {
          setDeleting(null);
        }}
      >
        <p>{t.users.deleteBody}</p>
        <p data-testid="delete-when">{t.users.deleteWhen(from(removalOn))}</p>
      </ConfirmDialog>
    </>
  );
}
