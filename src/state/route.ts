/**
 * Hash routes (`#/org/users`): a static host has no rewrites, so every deep
 * link is the same document. The hash is outside input: it is parsed into a
 * closed set of routes, anything else is `not-found`.
 */
export type OrgTab = 'users' | 'report' | 'designations';

export type Route =
  | { name: 'me' }
  | { name: 'link'; kind: 'learn' | 'partner-university' }
  | { name: 'planner' }
  | { name: 'org'; tab: OrgTab }
  | { name: 'settings' }
  | { name: 'welcome' }
  | { name: 'not-found'; path: string };

const ORG_TABS: readonly OrgTab[] = ['users', 'report', 'designations'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const [head, sub, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', path };
  switch (head) {
    case undefined:
      return { name: 'me' };
    case 'link':
      if (sub === 'learn' || sub === 'partner-university') return { name: 'link', kind: sub };
      return { name: 'not-found', path };
    case 'planner':
      return sub === undefined ? { name: 'planner' } : { name: 'not-found', path };
    case 'settings':
      return sub === undefined ? { name: 'settings' } : { name: 'not-found', path };
    case 'welcome':
      return sub === undefined ? { name: 'welcome' } : { name: 'not-found', path };
    case 'org': {
      if (sub === undefined) return { name: 'org', tab: 'users' };
      const tab = ORG_TABS.find((t) => t === sub);
      return tab ? { name: 'org', tab } : { name: 'not-found', path };
    }
    default:
      return { name: 'not-found', path };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'me':
      return '#/';
    case 'link':
      return `#/link/${route.kind}`;
    case 'org':
      return `#/org/${route.tab}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}
