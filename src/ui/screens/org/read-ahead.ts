/**
 * An organization admin's likely next screen is the organization's. Once
 * home has painted their data (me-screen), in idle time, its code and the
 * store's reads of it load, and the users list's first page is read (as
 * the list first asks for it; live, kept READ_AHEAD_MS, then by the screen
 * if shown): the click on "Organization" then waits for no download and no
 * read. Nobody else downloads or reads any of it. Its own small module: the
 * organization's code stays out of home's.
 */
import { DEFAULT_USERS_QUERY, isOrgAdmin } from '../../../rules/org/users-base';
import type { AppState } from '../../../state/app-state';
import { preloadRoute } from '../../lazy';
import { FIRST_PAGE_SIZE } from './first-page';

/** How long the first users page read ahead is kept for the screen; then it goes like any page. */
const READ_AHEAD_MS = 30_000;

/**
 * Keeps a read's live signal watched for READ_AHEAD_MS (or until `stop`),
 * so it is answered when its screen asks; then it goes like any page.
 */
export function keepAhead(live: { subscribe: (fn: () => void) => () => void }): () => void {
  const unwatch = live.subscribe(() => undefined);
  const timer = setTimeout(unwatch, READ_AHEAD_MS);
  return () => {
    clearTimeout(timer);
    unwatch();
  };
}

/** The organization each app state was read ahead for (once is enough). */
const readFor = new WeakMap<AppState, string>();

export function readAheadForAdmin(app: AppState, me: NonNullable<AppState['me']['value']>): void {
  const org = me.org;
  if (org === null || !isOrgAdmin(me.account) || readFor.get(app) === org.id) return;
  readFor.set(app, org.id);
  void preloadRoute('org');
  app.preloadOrgReads();
  keepAhead(app.orgUsersPage(org.id, DEFAULT_USERS_QUERY, 0, FIRST_PAGE_SIZE));
}
