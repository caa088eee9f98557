import type { TargetedEvent } from 'preact';
import { SearchField } from '../../components/search-field';
import { SEARCH_PAUSE_MS, useDebounced } from '../../components/use-debounced';
import { useRef, useState } from 'preact/hooks';
import { describeCode } from '../../../i18n/describe';
import { reportRemovalDate } from '../../../rules';
import type { PageSize } from '../../../rules/org/paging';
import {
  DEFAULT_USERS_QUERY,
  USER_STATES,
  type OrgUserRow,
  type UsersQuery,
} from '../../../rules/org/users';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Notice } from '../../components/notice';
import { AddUserForm } from './add-user-form';
import { useOrgWords } from './org-words';
import { Pager } from './pager';
import { SectionLoading } from './section-loading';
import { UserCard } from './user-card';
import type { UsersData, UserActions, UsersPageView } from './view-model';

const FILTERS: readonly UsersQuery['state'][] = ['active', 'all', ...USER_STATES];

/** Users: add, find, see each one's state, delete a departed user's account. */
export function UsersView({ data, actions }: { data: UsersData; actions: UserActions }) {
  const { t, m, num, from, policy } = useOrgWords();
  const [query, setQuery] = useState<UsersQuery>(DEFAULT_USERS_QUERY);
  const [pageNo, setPageNo] = useState(0);
  const [size, setSize] = useState<PageSize>(50);
  const [deleting, setDeleting] = useState<OrgUserRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  // The search reads once typing pauses; the box shows each keystroke at once.
  const typed = useDebounced(query.text, SEARCH_PAUSE_MS);
  const searched = typed === query.text ? query : { ...query, text: typed };
  // This page, read by the state layer; while the next one loads, the last one stays.
  const asked = data.reads.usersPage(searched, pageNo, size).value;
  const last = useRef<UsersPageView | null>(null);
  if (asked) last.current = asked;
  const page = asked ?? last.current;
  const removalOn = reportRemovalDate(data.today);

  const change = (patch: Partial<UsersQuery>) => {
    setQuery({ ...query, ...patch });
    setPageNo(0);
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
        {result ? (
          <Notice tone={result.ok ? 'ok' : 'error'} testId="delete-result">
            <p>{result.text}</p>
          </Notice>
        ) : null}
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
            <select
              id="users-state"
              value={query.state}
              onChange={(e: TargetedEvent<HTMLSelectElement>) => {
                const state = FILTERS.find((f) => f === e.currentTarget.value);
                if (state) change({ state });
              }}
            >
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t.users.stateFilter[f]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="results" role="status" data-testid="users-count">
          {t.users.count(num(page.total), num(page.everyone))}
        </p>
        {page.users.length === 0 ? (
          <p>{t.users.none}</p>
        ) : (
          <ul class="user-list" data-testid="user-list" aria-busy={asked ? undefined : 'true'}>
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
        <Pager
          id="users-pager"
          page={page.page}
          shown={page.users.length}
          total={page.total}
          size={size}
          onPage={setPageNo}
          onSize={(s) => {
            setSize(s);
            setPageNo(0);
          }}
        />
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
