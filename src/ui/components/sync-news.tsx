/**
 * "Last checked", what the server's state changed here, and what is wrong
 * with the server when it keeps failing the same way. One polite live region:
 * a pull that brings news, or a problem, is read out without taking focus.
 * On the individual's screen it lists the person's changes (each dismissible);
 * on the organization's it sums them up.
 */
import { formatTime } from '../../i18n/format';
import { serverNews } from '../../i18n/messages/server-news';
import { useAreaWords } from '../area-words';
import { useData } from '../data-context';
import { describeChange, describeProblem } from './sync-words';

interface SyncNewsProps {
  /** Show the changes of these learning profiles (the person's own). */
  profileIds?: readonly string[];
  /** Or: one line summing up the changes of this organization's accounts. */
  orgId?: string;
}

export function SyncNewsPanel({ profileIds, orgId }: SyncNewsProps) {
  const app = useData();
  const { t, lang } = useAreaWords(serverNews);
  if (!app) return null;
  const news = app.syncNews.value;
  const { problem } = app.sync.value;
  const mine = profileIds ? new Set(profileIds) : null;
  const changes = news.changes.filter((c) =>
    mine ? mine.has(c.profileId) : orgId !== undefined && c.orgId === orgId,
  );
  const dismiss = (ids?: readonly string[]) => {
    void app.dismissSyncChanges(ids);
  };
  return (
    <section class="card sync-news" aria-labelledby="sync-news-title" data-testid="sync-news">
      <h2 id="sync-news-title">{t.heading}</h2>
      <div role="status" aria-live="polite">
        <p class="help" data-testid="last-checked">
          {news.checkedAt === null
            ? t.notChecked
            : t.lastChecked(formatTime(Date.parse(news.checkedAt), lang))}
        </p>
        {problem ? (
          <p class="error-text" data-testid="sync-problem">
            {describeProblem(t, problem, location.origin, app.queuedCount.value)}
          </p>
        ) : null}
        {mine && changes.length > 0 ? (
          <ul class="sync-changes" data-testid="sync-changes">
            {changes.map((c) => {
              const text = describeChange(t, c, lang);
              return (
                <li key={c.id}>
                  <span>{text}</span>{' '}
                  <button
                    type="button"
                    class="small"
                    aria-label={t.dismissLabel(text)}
                    onClick={() => {
                      dismiss([c.id]);
                    }}
                  >
                    {t.dismiss}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        {!mine && changes.length > 0 ? (
          <p data-testid="sync-changes">
            {t.orgSummary(changes.length)}{' '}
            <button
              type="button"
              class="small"
              onClick={() => {
                dismiss(changes.map((c) => c.id));
              }}
            >
              {t.dismissAll}
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
