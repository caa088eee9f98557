/**
 * An admin's organization screen is read ahead, in Chromium on the
 * production build with the demo data: once home has painted the admin's
 * data, the screen's code downloads (never before); for someone who is not
 * an admin it never does. A click on the navigation's link then shows the
 * users list with the URL and the history of a link followed. A returning
 * visit's shell, answered by the worker, names home's files in a Link
 * header so that the page asks for them while it parses.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './support/browser';
import { continueAsDemo } from './support/demo';
import { startStaticServer, type StaticServer } from './support/static-server';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  server = await startStaticServer('dist', '/');
  context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}#/welcome`);
  await continueAsDemo(page, /Continue as Hana Tanaka/);
  await page.close();
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.close();
});

/** When the organization screen's code was requested, or null; and when home's data was drawn. */
function orgCodeAt(page: Page): Promise<{ code: number | null; home: number | null }> {
  return page.evaluate(() => ({
    code:
      performance.getEntriesByType('resource').find((e) => /\/org-screen-[\w-]+\.js$/.test(e.name))
        ?.startTime ?? null,
    home: performance.getEntriesByName('mcid:home-data')[0]?.startTime ?? null,
  }));
}

async function homeAs(name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}#/welcome`);
  await page.getByRole('button', { name: `Continue as ${name}` }).click();
  await page.getByTestId('who-name').waitFor();
  await page.close();
  // A fresh visit opening at home, as the person comes back.
  const home = await context.newPage();
  await home.goto(`${server.url}#/`);
  await home.getByTestId('who-name').waitFor();
  return home;
}

describe("an admin's organization screen", () => {
  it('is not downloaded for someone who is not an admin', async () => {
    const page = await homeAs('Hana Tanaka');
    await page.waitForTimeout(1_000);
    expect((await orgCodeAt(page)).code).toBeNull();
    await page.close();
  });

  it("downloads after home has drawn an admin's data, and the click shows the list", async () => {
    const page = await homeAs('Aoi Sato');
    await expect.poll(async () => (await orgCodeAt(page)).code).not.toBeNull();
    const { code, home } = await orgCodeAt(page);
    expect(home).not.toBeNull();
    expect(code).toBeGreaterThan(home ?? Infinity);

    await page.locator('nav.app-nav a[href="#/org/users"]').click();
    await page.getByTestId('user-list').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/org/users');
    // The heading takes focus, as after any link followed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
    // Followed as a link: back is home again.
    await page.goBack();
    await page.getByTestId('who-name').waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    await page.close();
  });
});

/** Until the worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
    });
  });
}

describe("a returning visit's shell, from the worker", () => {
  it('names the files home needs first in a Link header: the entry first, each fetched once', async () => {
    const first = await homeAs('Hana Tanaka');
    await controlled(first);
    // A navigation the worker answers: it reads that someone is chosen (it never waits for that read).
    await first.reload();
    await first.getByTestId('who-name').waitFor();
    await first.close();

    const page = await context.newPage();
    const response = await page.goto(`${server.url}#/`);
    await page.getByTestId('who-name').waitFor();
    expect(response?.fromServiceWorker()).toBe(true);
    const named = [...(response?.headers().link ?? '').matchAll(/<([^>]+)>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    );
    // The build's own first script, entry and stylesheet (its manifest), not a look-alike.
    const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
      string,
      { file: string; name?: string; isEntry?: boolean; css?: string[] }
    >;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    const early = Object.values(manifest).find((chunk) => chunk.name === 'early');
    expect(named[0]).toBe(`/${early?.file ?? '?'}`);
    expect(named[1]).toBe(`/${entry?.file ?? '?'}`);
    expect(named[2]).toBe(`/${entry?.css?.[0] ?? '?'}`);
    const { before, all } = await page.evaluate(() => {
      const home = performance.getEntriesByName('mcid:home-data')[0]?.startTime ?? Infinity;
      const seen = performance.getEntriesByType('resource');
      const path = (e: PerformanceEntry) => new URL(e.name).pathname;
      return {
        before: seen.filter((e) => e.startTime < home && e.name.endsWith('.js')).map(path),
        all: seen.map(path),
      };
    });
    // Every script home asked for before its data was drawn is named (but the
    // worker's bridge, which comes after the storage code and nothing waits for).
    for (const script of before.filter((s) => !s.includes('/sw-bridge-'))) {
      expect(named).toContain(script);
    }
    // Each named file is fetched once: the preload is the request the page uses.
    for (const file of named) {
      expect(
        all.filter((p) => p === file),
        file,
      ).toHaveLength(1);
    }
    await page.close();
  });

  it('names nothing where no one is chosen: "who am I" needs none of home\'s files', async () => {
    const fresh = await browser.newContext({ locale: 'en-US' });
    const page = await fresh.newPage();
    await page.goto(`${server.url}#/welcome`);
    await page.getByRole('button', { name: 'Load demo data' }).waitFor();
    await controlled(page);
    // The first answer lets the worker read the settings; the second is the one checked.
    await page.reload();
    const response = await page.reload();
    await page.getByRole('button', { name: 'Load demo data' }).waitFor();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(response?.headers().link).toBeUndefined();
    await fresh.close();
  });
});

describe("the page's first script", () => {
  it('runs from the head as an async module: after the CSP, before the entry, importing nothing', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
      string,
      { file: string; name?: string; isEntry?: boolean; imports?: string[] }
    >;
    const early = Object.values(manifest).find((chunk) => chunk.name === 'early');
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    const tag = `<script type="module" async crossorigin src="./${early?.file ?? '?'}"></script>`;
    const at = html.indexOf(tag);
    expect(at).toBeGreaterThan(html.indexOf('http-equiv="Content-Security-Policy"'));
    expect(at).toBeLessThan(html.indexOf(`src="./${entry?.file ?? '?'}"`));
    expect(at).toBeLessThan(html.indexOf('</head>'));
    // It runs once its own file has arrived: no import of its own to wait for.
    expect(early?.imports ?? []).toEqual([]);
    expect(entry?.imports).toContain(
      Object.keys(manifest).find((key) => manifest[key]?.name === 'early'),
    );
  });

  it("reads a returning visit's home rows in one round, by the keys the last visit found", async () => {
    const last = await homeAs('Hana Tanaka');
    const keys = await last.evaluate(() => localStorage.getItem('mcid-link.home-keys'));
    await last.close();
    const kept = JSON.parse(keys ?? 'null') as { accountId?: unknown } | null;
    expect(typeof kept?.accountId).toBe('string');

    const page = await context.newPage();
    // The requests of the page's first read transaction (store/open-ahead), as they are made and answered.
    await page.addInitScript(() => {
      const log: string[] = [];
      Object.assign(window, { firstReadLog: log });
      let first: IDBTransaction | null = null;
      const transaction = Reflect.get(IDBDatabase.prototype, 'transaction') as (
        this: IDBDatabase,
        ...a: unknown[]
      ) => IDBTransaction;
      Reflect.set(
        IDBDatabase.prototype,
        'transaction',
        function (this: IDBDatabase, ...a: unknown[]) {
          const tx = transaction.apply(this, a);
          first ??= tx;
          return tx;
        },
      );
      const watch = (
        proto: object,
        name: 'get' | 'getAll',
        txOf: (self: never) => IDBTransaction,
      ) => {
        const real = Reflect.get(proto, name) as (...a: unknown[]) => IDBRequest;
        Reflect.set(proto, name, function (this: never, ...a: unknown[]) {
          const request = real.apply(this, a);
          if (txOf(this) === first) {
            log.push('ask');
            request.addEventListener('success', () => log.push('answer'));
          }
          return request;
        });
      };
      const ofStore = (store: IDBObjectStore) => store.transaction;
      const ofIndex = (index: IDBIndex) => index.objectStore.transaction;
      watch(IDBObjectStore.prototype, 'get', ofStore);
      watch(IDBObjectStore.prototype, 'getAll', ofStore);
      watch(IDBIndex.prototype, 'getAll', ofIndex);
    });
    await page.goto(`${server.url}#/`);
    await page.getByTestId('who-name').waitFor();
    const log = await page.evaluate(
      () => (window as unknown as { firstReadLog: string[] }).firstReadLog,
    );
    // Settings, account, organization, person, profiles, and each profile's links and achievements.
    expect(log.filter((e) => e === 'ask').length).toBeGreaterThanOrEqual(7);
    // Every request was made before the first answer came.
    expect(log.lastIndexOf('ask')).toBeLessThan(log.indexOf('answer'));
    await page.close();
  });

  it('has home drawn from those rows before the storage code is asked for', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}#/`);
    await page.getByTestId('who-name').waitFor();
    const storageAt = () =>
      page.evaluate(
        () =>
          performance
            .getEntriesByType('resource')
            .find((e) => /\/data-root-[\w-]+\.js$/.test(e.name))?.startTime ?? null,
      );
    // It comes once home has painted.
    await expect.poll(storageAt).not.toBeNull();
    const home = await page.evaluate(
      () => performance.getEntriesByName('mcid:home-data')[0]?.startTime ?? null,
    );
    expect(home).not.toBeNull();
    expect(await storageAt()).toBeGreaterThan(home ?? Infinity);
    await page.close();
  });
});
