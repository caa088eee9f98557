import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../src/state/shell';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { name: 'me' }],
    ['#', { name: 'me' }],
    ['#/', { name: 'me' }],
    ['#/link/learn', { name: 'link', kind: 'learn' }],
    ['#/link/partner-university', { name: 'link', kind: 'partner-university' }],
    ['#/planner', { name: 'planner' }],
    ['#/planner/', { name: 'planner' }],
    ['#/org', { name: 'org', tab: 'users' }],
    ['#/org/report', { name: 'org', tab: 'report' }],
    ['#/org/designations', { name: 'org', tab: 'designations' }],
    ['#/settings', { name: 'settings' }],
    ['#/welcome', { name: 'welcome' }],
  ])('%s → %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    '#/nope',
    '#/link/other',
    '#/org/admins',
    '#/settings/x',
    '#/org/users/extra',
    '#/<img src=x onerror=alert(1)>',
    '#/__proto__',
    '#/constructor',
  ])('refuses %s as not-found, keeping the path as text', (hash) => {
    const route = parseRoute(hash);
    expect(route.name).toBe('not-found');
  });

  it('round-trips every known route through its href', () => {
    const routes: Route[] = [
      { name: 'me' },
      { name: 'link', kind: 'learn' },
      { name: 'link', kind: 'partner-university' },
      { name: 'planner' },
      { name: 'org', tab: 'users' },
      { name: 'org', tab: 'report' },
      { name: 'org', tab: 'designations' },
      { name: 'settings' },
      { name: 'welcome' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
