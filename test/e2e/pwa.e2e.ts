/**
 * The PWA foundation in a real browser, at the root and under a sub-path:
 * the worker registers and controls the page; with the network cut, a reload
 * and a deep-link reload render the shell, the build's files straight from
 * the precache; a new deploy is offered and taken only when the user
 * accepts; and no CSP or Trusted Types violation occurs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  cutNetwork,
  launch,
  restoreNetwork,
  waitForController,
  watchedPage,
} from './support/browser';
import { startStaticServer, type StaticServer } from './support/static-server';

const DIST = 'dist';
const DIST_V2 = 'dist-e2e-v2';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe.each(['/', '/tools/mcid/'])('served from %s', (basePath) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(DIST, basePath);
  });
  afterAll(async () => {
    await server.close();
  });

  it('installs: manifest, a controlling worker, and an offline reload of a deep link', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const { page, violations, errors } = await watchedPage(context);
    await page.goto(server.url);
    await expect.poll(() => page.locator('nav[aria-label]').count()).toBe(1);

    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]');
      if (!link) return null;
      const res = await fetch(link.href);
      return (await res.json()) as {
        start_url: string;
        scope: string;
        display: string;
        icons: { sizes: string; purpose: string }[];
      };
    });
    expect(manifest?.display).toBe('standalone');
    expect(manifest?.start_url).toBe('./');
    expect(manifest?.icons.map((i) => `${i.sizes}:${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']),
    );

    await waitForController(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);

    await cutNetwork(context, server);
    const before = server.requests.length;
    await page.reload();
    await expect.poll(() => page.locator('nav[aria-label]').count()).toBe(1);
    await page.goto(`${server.url}#/org/users`);
    await page.reload();
    await expect
      .poll(() => page.locator('a[aria-current=page]').textContent())
      .toMatch(/Organization|組織/);
    // Nothing reached the host while it was down: the worker served it all.
    expect(server.requests.length).toBe(before);
    // The build's files came straight from the precache, by the worker's
    // static routes (src/sw/asset-routes.ts), with no fetch event.
    const sources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.includes('/assets/'))
        .map(
          (e) =>
            (e as PerformanceResourceTiming & { workerFinalSourceType?: string })
              .workerFinalSourceType,
        ),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['cache']));
    await restoreNetwork(context, server);

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a new deploy and switches only when the user accepts', async () => {
    server.deploy(DIST);
    const context = await browser.newContext();
    const { page, violations, errors } = await watchedPage(context);
    await page.goto(server.url);
    await waitForController(page);
    const v1 = await page.getByTestId('app-version').textContent();
    expect(v1).not.toContain('e2e-v2');

    server.deploy(DIST_V2);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 20_000 });
    // Not yet taken over: the page still runs the old version.
    expect(await page.getByTestId('app-version').textContent()).toBe(v1);

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button').first().click()]);
    await expect
      .poll(() => page.getByTestId('app-version').textContent(), { timeout: 20_000 })
      .toContain('e2e-v2');

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    server.deploy(DIST);
  });
});

describe('the violation watch itself', () => {
  it('reports a CSP violation when one happens', async () => {
    const server = await startStaticServer(DIST, '/');
    const context = await browser.newContext();
    const { page, violations } = await watchedPage(context);
    await page.goto(server.url);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://blocked.invalid/pixel.png';
      document.body.append(img);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(/img-src/);
    await context.close();
    await server.close();
  });
});
