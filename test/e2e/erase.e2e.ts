/**
 * Privacy in Chromium: an export file says it holds personal data, and
 * "Erase all my data on this device" leaves nothing behind — no IndexedDB
 * database, no cache, no service worker, no web storage — even with the
 * worker running and the screens' live queries open.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedTab, waitForController } from './support/browser';
import { continueAsDemo } from './support/demo';
import { servedApp } from './support/served-app';

const app = servedApp();

interface Leftovers {
  databases: string[];
  caches: string[];
  workers: number;
  local: number;
  session: number;
}

function leftovers(page: Page): Promise<Leftovers> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name ?? '?'),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length,
    session: sessionStorage.length,
  }));
}

/** A new device, controlled by the worker, on the demo as Hana Tanaka (dialogs accepted). */
async function hanaOnDemo() {
  const context = await app.browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const tab = await openWatchedTab(context, `${app.server.url}#/welcome`);
  await waitForController(tab.page);
  await continueAsDemo(tab.page, /Continue as Hana Tanaka/);
  return { context, ...tab };
}

describe('privacy on this device', () => {
  it('an export says it holds personal data; erase leaves nothing behind', async () => {
    const { context, page, violations, errors } = await hanaOnDemo();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toContain('Hana Tanaka');
    // Something for every store: a queued action, web storage, the worker's caches.
    await page.evaluate(() => {
      localStorage.setItem('probe', '1');
      sessionStorage.setItem('probe', '1');
    });

    await page.goto(`${app.server.url}#/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all data' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      personalData: unknown;
      notice: unknown;
      tables: { accounts: unknown[] };
    };
    expect(file.personalData).toBe(true);
    expect(file.notice).toMatch(/personal data/i);
    expect(file.tables.accounts.length).toBeGreaterThan(0);

    const before = await leftovers(page);
    expect(before.databases.length).toBeGreaterThanOrEqual(1);
    expect(before.caches.length).toBeGreaterThanOrEqual(1);
    expect(before.workers).toBe(1);

    await page.getByRole('button', { name: 'Erase all my data on this device' }).click();
    await expect
      .poll(() => page.getByTestId('settings-status').textContent(), { timeout: 20_000 })
      .toBe('Everything was erased. Close this tab, or reload to start again.');
    // Give live queries and the worker a moment: nothing may come back.
    await page.waitForTimeout(1_500);
    expect(await leftovers(page)).toEqual({
      databases: [],
      caches: [],
      workers: 0,
      local: 0,
      session: 0,
    });
    // Moving on to another screen without a reload does not bring a database back.
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await page.waitForTimeout(1_500);
    expect((await leftovers(page)).databases).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('storage cleared by the browser: the app starts empty and an export brings everything back', async () => {
    const { context, page, violations, errors } = await hanaOnDemo();
    await page.goto(`${app.server.url}#/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export all data' }).click(),
    ]);
    const saved = await readFile(await download.path(), 'utf8');

    // The browser clears the site's IndexedDB under storage pressure, with the tab open.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: app.server.origin,
      storageTypes: 'indexeddb',
    });
    // The open tab carries on without a crash (its queries now see an empty database).
    await page.goto(`${app.server.url}#/`);
    await page.waitForTimeout(1_500);
    expect(errors).toEqual([]);
    await page.reload();
    await page.goto(`${app.server.url}#/`);
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe('Who are you?');
    // The heading paints at once; the list says "none" once the accounts are read.
    const none = page.getByText('There are no work accounts on this device yet.');
    await none.waitFor({ timeout: 15_000 });
    expect(await none.count()).toBe(1);

    // Recovery: Settings → import the export.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.locator('#import-file').setInputFiles({
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect
      .poll(() => page.getByTestId('settings-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Imported \d+ records\.$/);
    await page.goto(`${app.server.url}#/`);
    await expect
      .poll(() => page.getByTestId('who-name').textContent(), { timeout: 15_000 })
      .toBe('Hana Tanaka');
    expect(await page.getByTestId('used-learn').textContent()).toBe('2 of 3');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
