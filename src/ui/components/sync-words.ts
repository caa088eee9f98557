/**
 * "What changed" and "what is wrong", in words: pure functions of the
 * recorded change or the named problem, so every case is tested in both
 * languages (test/ui/sync-words.test.ts).
 */
import { type Lang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { SyncMessages } from '../../i18n/messages/server-news';
import type { SyncChange, SyncProblem } from '../../state/app-state';

export function describeChange(t: SyncMessages, change: SyncChange, lang: Lang): string {
  const kind = change.profileKind === 'partner-university' ? t.pu : t.learn;
  const org = change.orgName ?? t.someOrg;
  if (change.change === 'linked') return t.linked(kind, org, formatDate(change.startedOn, lang));
  const date = formatDate(change.endedOn ?? change.startedOn, lang);
  switch (change.endReason) {
    case 'moved':
      return t.moved(kind, org, date);
    case 'account-deleted':
      return t.deleted(kind, org, date);
    default:
      return t.removed(kind, org, date);
  }
}

/** The problem, then what happens to the person's actions meanwhile. */
export function describeProblem(
  t: SyncMessages,
  problem: SyncProblem,
  origin: string,
  pending: number,
): string {
  const server = problem.server ?? t.embedded;
  const p = t.problem;
  const what = ((): string => {
    switch (problem.kind) {
      case 'refused':
        return p.refused(server, origin);
      case 'no-answer':
        return p.noAnswer(server);
      case 'unreachable':
        return p.unreachable(server);
      case 'not-found':
        return p.notFound(server);
      case 'server-error':
        return p.serverError(server, `HTTP ${String(problem.status ?? '?')}`);
      case 'timeout':
        return p.timeout(server);
      case 'malformed':
        return p.malformed(server);
    }
  })();
  return `${what} ${pending > 0 ? p.kept(pending) : p.retrying}`;
}
