/**
 * An admin's organization screen is read ahead, in Chromium on the
 * production build with the demo data: once home has painted the admin's
 * data, the screen's code downloads (never before); for someone who is not
 * an admin it never does. A click on the navigation's link then shows the
 * users list with the URL and the history of a link followed.
 */
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
