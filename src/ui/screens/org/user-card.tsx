import type { OrgUserRow } from '../../../rules/org/users';
import { useOrgWords } from './org-words';

interface UserCardProps {
  user: OrgUserRow;
  isSelf: boolean;
  onDelete: (user: OrgUserRow) => void;
}

/**
 * One work account: its states, the "no response" advice for a user who never
 * signed in, links that ended and when their achievements leave the report.
 * The only action is deleting the account; nothing here links or unlinks.
 */
export function UserCard({ user, isSelf, onDelete }: UserCardProps) {
  const { t, date, from } = useOrgWords();
  const u = t.users;
  const deleted = user.deletedOn !== null;
  const neverSignedIn = !deleted && user.firstSignInOn === null;
  return (
    <li class={`user-card${deleted ? ' user-deleted' : ''}`} data-testid="user" data-id={user.id}>
      <div class="user-head">
        <h3 class="user-name">
          {user.displayName}
          {isSelf ? <span class="muted"> ({u.you})</span> : null}
        </h3>
        <p class="user-email mono">{user.email}</p>
      </div>
      <ul class="pills" aria-label={t.report.status}>
        {user.roles.map((r) => (
          <li key={r} class="pill pill-role">
            {u.roles[r]}
          </li>
        ))}
        {user.states.map((s) => (
          <li key={s} class={`pill pill-${s}`} data-state={s}>
            {u.states[s]}
          </li>
        ))}
      </ul>
      <p class="muted small">
        {u.createdOn}: <time dateTime={user.createdOn}>{date(user.createdOn)}</time>
      </p>
      {neverSignedIn ? (
        <div class="advice" data-testid="no-response">
          <p class="advice-heading">{u.noResponseHeading}</p>
          <p>{u.noResponse(user.email)}</p>
        </div>
      ) : null}
      {user.ended.map((e) => (
        <p key={e.profileId} class="user-ended" data-testid="link-ended">
          {u.ended(e.endReason ? t.report.reasons[e.endReason] : '—', date(e.endedOn))}{' '}
          {u.leavesReport(from(e.removalOn))}
        </p>
      ))}
      {deleted && user.deletedOn !== null && user.removalOn !== null ? (
        <p class="user-ended" data-testid="removal">
          {u.deletedOn(date(user.deletedOn))} {u.leavesReport(from(user.removalOn))}
        </p>
      ) : null}
      {deleted || isSelf ? null : (
        <button
          type="button"
          class="small danger"
          aria-label={u.deleteLabel(user.displayName)}
          onClick={() => {
            onDelete(user);
          }}
        >
          {u.delete}
        </button>
      )}
    </li>
  );
}
