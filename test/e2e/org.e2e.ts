/**
 * The organization view in Chromium, on the production build with the demo
 * data (companies A and B): an admin adds a user (a wrong domain is refused,
 * an official one accepted), deletes a departed user and sees the removal
 * date, sees the move from both sides, exports the report as CSV; the admin
 * screens offer no way to link for someone; axe-core finds no violation; no
 * CSP or Trusted Types violation happens.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AXE_SCRIPT, axeViolations } from './support/axe';
import { launch, watchedPage, type Watched } from './support/browser';
import { startStaticServer, type StaticServer } from './support/static-server';

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;
let watched: Watched;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  server = await startStaticServer('dist', '/');
  context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  await context.addInitScript({ path: AXE_SCRIPT });
  watched = await watchedPage(context);
  page = watched.page;
  await page.goto(`${server.url}#/welcome`);
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByRole('button', { name: 'Continue as Aoi Sato' }).waitFor();
  await chooseAccount('Aoi Sato');
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await server.close();
});

async function chooseAccount(name: string): Promise<void> {
  await page.goto(`${server.url}#/welcome`);
  await page.getByRole('button', { name: `Continue as ${name}` }).click();
  await page.waitForFunction(() => location.hash === '#/');
}

async function openTab(tab: 'users' | 'report' | 'designations'): Promise<void> {
  await page.goto(`${server.url}#/org/${tab}`);
  await page.locator(`.org-tabs a[aria-current=page][href="#/org/${tab}"]`).waitFor();
}

const userCard = (name: string) =>
  page.locator('[data-testid=user]').filter({ has: page.getByRole('heading', { name }) });

describe('organization view, admin of company A', () => {
  it('refuses a user with a wrong domain at the field, and adds one with an official email', async () => {
    await openTab('users');
    const name = page.getByLabel('Name', { exact: true });
    const email = page.getByLabel('Official email');
    await name.fill('Sam Lee');
    await email.fill('sam.lee@gmail.com');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#add-user-email-error').textContent()).toMatch(
      /not on one of the organization's verified domains/,
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-user-email');
    expect(await userCard('Sam Lee').count()).toBe(0);

    await email.fill('sam.lee@contoso.example');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByTestId('add-user-result').waitFor();
    expect(await page.getByTestId('add-user-result').textContent()).toContain('Sam Lee was added');
    await page.getByLabel('Filter by name or email').fill('sam');
    await userCard('Sam Lee').waitFor();
    // A new user has never signed in: the admin sees the email used and the advice.
    expect(await userCard('Sam Lee').getByTestId('no-response').textContent()).toContain(
      'sam.lee@contoso.example',
    );
  });

  it('deletes a departed user and shows at once when their achievements leave the report', async () => {
    await openTab('users');
    await page.getByLabel('Filter by name or email').fill('hana');
    await userCard('Hana Tanaka')
      .getByRole('button', { name: /Delete account/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const when = await dialog.getByTestId('delete-when').textContent();
    const removal = /leave it on (.+)\.$/.exec(when ?? '')?.[1];
    expect(removal).toBeTruthy();
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    const result = page.getByTestId('delete-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`leave the skills report on ${removal ?? ''}`);

    // Listed among deleted users with the date, and as scheduled removals in the report.
    await page.getByLabel('Show').selectOption('deleted');
    await userCard('Hana Tanaka').getByTestId('removal').waitFor();
    await openTab('report');
    await page.getByLabel('Filter by name, email or exam').fill('hana');
    await page.getByLabel('Status').selectOption('scheduled-removal');
    // The search runs once typing pauses and the last rows stay meanwhile: wait for hers.
    await page.locator('[data-testid=report-section]:not([aria-busy])').waitFor();
    const rows = page.locator('tbody tr');
    await expect
      .poll(async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes(`leaves ${removal ?? ''}`));
      })
      .toBe(true);
  });

  it("shows the move from A's side: Mei's link ended (moved) with the removal date", async () => {
    await openTab('users');
    await page.getByLabel('Filter by name or email').fill('mei');
    expect(await userCard('Mei Suzuki').getByTestId('link-ended').textContent()).toMatch(
      /link ended \(moved to another organization\) on .+ leave the skills report on /,
    );
  });

  it('exports the report as UTF-8 CSV with a BOM', async () => {
    await openTab('report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^skills-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'Name,Email,Exam,Title,Completed,Linked on,Counts from,Counts until,Status,Link ended,Why it ended',
    );
    expect(text).toContain('Mei Suzuki');
  });

  it('offers no way to link or unlink for anyone, on every admin screen', async () => {
    for (const tab of ['users', 'report', 'designations'] as const) {
      await openTab(tab);
      await page.locator('main button').first().waitFor();
      const controls = await page
        .locator('main :is(button, a[href], input, select, [role=button])')
        .evaluateAll((els) =>
          els.map((el) =>
            [el.textContent, el.getAttribute('aria-label'), el.getAttribute('href')].join(' '),
          ),
        );
      expect(controls.length).toBeGreaterThan(3);
      expect(controls.filter((c) => /\blink\b|unlink|#\/link|リンク/i.test(c))).toEqual([]);
    }
  });

  it('has no axe-core violation on any organization screen, desktop and phone', async () => {
    for (const size of [
      { width: 1280, height: 900 },
      { width: 375, height: 740 },
    ]) {
      await page.setViewportSize(size);
      for (const tab of ['users', 'report', 'designations'] as const) {
        await openTab(tab);
        await page.locator('main button').first().waitFor();
        expect(await axeViolations(page), `${tab} at ${size.width}px`).toEqual([]);
      }
    }
  });
});

describe('organization view, admin of company B', () => {
  it("shows the move from B's side: Mei's credit is pending with its date", async () => {
    await chooseAccount('Ben Carter');
    await openTab('report');
    await page.getByLabel('Filter by name, email or exam').fill('mei');
    // The search runs once typing pauses and the last rows stay meanwhile: wait for hers.
    await page.locator('[data-testid=report-section]:not([aria-busy])').waitFor();
    const pending = page.locator('tbody tr[data-status=pending]');
    await expect.poll(() => pending.count()).toBeGreaterThan(0);
    expect(await pending.first().textContent()).toMatch(/arrives \w{3} \d{1,2}, \d{4}/);
  });

  it('had no CSP or Trusted Types violation and no page error throughout', () => {
    expect(watched.violations).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});

describe('organization view, not an admin', () => {
  it('tells a user without an admin role that it is for admins only', async () => {
    await chooseAccount('Sora Kimura');
    await page.goto(`${server.url}#/org/users`);
    await page.getByTestId('admins-only').waitFor();
    expect(await page.locator('main form').count()).toBe(0);
  });
});
