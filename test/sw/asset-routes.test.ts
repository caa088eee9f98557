/**
 * The worker's static routes (src/sw/asset-routes.ts): the build's files,
 * under the worker's own path whatever the sub-path, go straight to the
 * precache; where the browser lacks the API nothing is asked of it.
 */
import { describe, expect, it } from 'vitest';
import {
  addAssetRoutes,
  assetRoutes,
  type AssetRoute,
  type InstallLike,
} from '../../src/sw/asset-routes';

const pathOf = (routes: AssetRoute[]) => routes.map((r) => r.condition.urlPattern.pathname);

describe('the routes of the build\u2019s files', () => {
  it('match assets/ beside the worker, at the root or under a sub-path, from the precache', () => {
    expect(assetRoutes('https://example.test/sw.js', 'precache')).toEqual([
      {
        condition: { urlPattern: { pathname: '/assets/*' }, requestMethod: 'GET' },
        source: { cacheName: 'precache' },
      },
    ]);
    expect(pathOf(assetRoutes('https://example.test/tools/mcid/sw.js', 'c'))).toEqual([
      '/tools/mcid/assets/*',
    ]);
  });

  it('take a sub-path\u2019s pattern characters as they are', () => {
    expect(pathOf(assetRoutes('https://example.test/a(1)/b:c/x*y+z/sw.js?v=1', 'c'))).toEqual([
      '/a\\(1\\)/b\\:c/x\\*y\\+z/assets/*',
    ]);
    expect(pathOf(assetRoutes('https://example.test/{v}/sw.js', 'c'))).toEqual([
      '/%7Bv%7D/assets/*',
    ]);
  });
});

describe('adding them at install', () => {
  it('asks the install event where it can, and waits for it; a refusal is no failure', async () => {
    const added: unknown[] = [];
    const waited: Promise<unknown>[] = [];
    const event = {
      addRoutes: (rules: unknown) => {
        added.push(rules);
        return Promise.reject(new TypeError('not here'));
      },
      waitUntil: (p: Promise<unknown>) => {
        waited.push(p);
      },
    } satisfies InstallLike;
    addAssetRoutes(event, 'https://example.test/sw.js', 'precache');
    expect(added).toEqual([assetRoutes('https://example.test/sw.js', 'precache')]);
    expect(waited).toHaveLength(1);
    await expect(waited[0]).resolves.toBeUndefined();
  });

  it('asks nothing where the browser has no static routes', () => {
    let waits = 0;
    const event = {
      waitUntil: () => {
        waits++;
      },
    } satisfies InstallLike;
    addAssetRoutes(event, 'https://example.test/sw.js', 'c');
    expect(waits).toBe(0);
  });
});
