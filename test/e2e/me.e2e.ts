/**
 * The individual's app in Chromium on a 375 px phone: first run → load the
 * demo → choose who I am → remove access (with the date the credit leaves)
 * → link while Partner Center is unreachable and the network is cut (queued)
 * → back online (linked, with the credit dates) → a link refused inside the
 * 30-day cool-off shows its date → a typed MCID that is not digits is
 * refused in words; a Partner University sign-up (refused at 3 of 3, then
 * signed up and linked offline, synced). axe-core checks every screen; screenshots of each screen
 * in English and Japanese go to screenshots/ (kept out of git).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, reportRemovalDate, todayUtc } from '../../src/rules';
import { formatDate } from '../../src/i18n/format';
import { axeViolations } from './support/axe';
import { cutNetwork, restoreNetwork } from './support/browser';
import { fromDay, heading, openPhone } from './support/phone';
import { SHOTS, servedApp } from './support/served-app';

const app = servedApp();

async function setLang(page: Page, lang: 'en' | 'ja') {
  await page.locator('header select').selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

/** axe and a full-page screenshot of the current screen, in English and then in Japanese. */
async function checkScreen(page: Page, name: string, found: string[]) {
  for (const lang of ['en', 'ja'] as const) {
    await setLang(page, lang);
    // Let lazy text and fonts settle before the picture.
    await page.waitForTimeout(150);
    found.push(...(await axeViolations(page, `${name} (${lang})`)));
    await page.screenshot({ path: `${SHOTS}/me-${name}-${lang}.png`, fullPage: true });
  }
  await setLang(page, 'en');
}

const longDate = (iso: string) => formatDate(iso, 'en', 'long');
const longFromDay = (iso: string, lang: 'en' | 'ja' = 'en') => fromDay(iso, lang, 'long');

async function setPartnerCenterOffline(page: Page, offline: boolean) {
  await page.goto(`${app.server.url}#/settings`);
  const box = page.getByLabel(/Simulate Partner Center being unreachable/);
  await box.waitFor();
  if ((await box.isChecked()) !== offline) await box.click();
  await expect.poll(() => box.isChecked()).toBe(offline);
}

/** The network and Partner Center come back; "Sync now"; home, once the queue is empty. */
async function syncBack(page: Page, context: BrowserContext) {
  await restoreNetwork(context, app.server);
  await setPartnerCenterOffline(page, false);
  // A drain started by the 'online' event while Partner Center was still
  // switched off waits for its backoff; "Sync now" asks again at once.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.goto(`${app.server.url}#/`);
  await expect.poll(() => page.locator('.queue-empty').count(), { timeout: 20_000 }).toBe(1);
}

describe('the individual’s app on a phone', () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context.close();
  });

  it('first run → demo → who am I → remove → link offline → online → refused in the cool-off', async () => {
    const today = todayUtc(new Date());
    const opened = await openPhone(app.browser);
    context = opened.context;
    const { page, violations, errors } = opened;
    const a11y: string[] = [];

    // First run: nobody is chosen, so the app asks who I am.
    await page.goto(app.server.url);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Who are you?');
    expect(page.url()).toContain('#/welcome');
    await checkScreen(page, 'welcome-empty', a11y);

    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect
      .poll(() => page.getByTestId('welcome-result').textContent())
      .toBe('Demo data loaded. Choose who you are.');
    await checkScreen(page, 'welcome', a11y);

    await page.getByRole('button', { name: /Continue as Hana Tanaka/ }).click();
    await expect.poll(() => heading(page)).toBe('My Learn profile');
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Hana Tanaka');
    // Learn linked 5 days ago, Partner University 40 days ago: the person's 2 of 3,
    // and the cool-off decides the next start date.
    expect(await page.getByTestId('used-learn').textContent()).toBe('2 of 3');
    expect(await page.getByTestId('next-learn').textContent()).toContain(
      longDate(addDays(today, 25)),
    );
    await checkScreen(page, 'home', a11y);

    // By keyboard: Enter opens the question with the safe choice focused; Escape
    // closes it, nothing happens, and focus is back on the button.
    const removePu = page.locator('[data-testid=slot-partner-university] button');
    await removePu.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // Focus moves in an effect after the paint: wait for it rather than race it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => removePu.evaluate((el) => el === document.activeElement)).toBe(true);

    // Olivia (Fabrikam) from here: her last start was 3 months ago, so her next one is
    // allowed today (Hana's Learn start 5 days ago holds her Partner University link too).
    await page.getByRole('link', { name: 'Switch account' }).click();
    await expect.poll(() => heading(page)).toBe('Who are you?');
    await page.getByRole('button', { name: /Continue as Olivia Brown/ }).click();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Olivia Brown');

    // Remove access of the Partner University account: the dialog says when the credit leaves.
    await removePu.click();
    await dialog.waitFor();
    expect(await page.getByTestId('remove-body').textContent()).toContain(
      longDate(reportRemovalDate(today)),
    );
    a11y.push(...(await axeViolations(page, 'remove dialog')));
    await page.screenshot({ path: `${SHOTS}/me-remove-dialog-en.png` });
    await dialog.getByRole('button', { name: 'Remove access' }).click();
    await expect
      .poll(() => page.getByTestId('me-result').textContent())
      .toContain('Access removed: Partner University account.');
    await expect
      .poll(() => page.getByTestId('slot-partner-university').textContent(), { timeout: 15_000 })
      .toContain('Not linked to this work account.');
    await expect.poll(() => page.locator('.queue-empty').count(), { timeout: 15_000 }).toBe(1);

    // Offline: Partner Center unreachable and the network cut. The link still works: it queues.
    await setPartnerCenterOffline(page, true);
    await cutNetwork(context, app.server);
    await page.goto(`${app.server.url}#/`);
    await page.locator('[data-testid=slot-partner-university] a').click();
    await expect.poll(() => heading(page)).toBe('Link Partner University account');
    await checkScreen(page, 'link-pu', a11y);
    await page.getByRole('button', { name: 'Check' }).click();
    const check = page.getByTestId('link-check');
    await check.waitFor();
    // PU-AZ-SALES was completed 20 days ago: it counts 10 days after today's link.
    expect(await check.textContent()).toContain(longDate(addDays(today, 10)));
    await checkScreen(page, 'link-check', a11y);
    await page.getByRole('button', { name: 'Link now' }).click();
    await expect
      .poll(() => page.getByTestId('link-done').textContent())
      .toContain('You are offline: the link waits');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('link-done');

    await page.getByRole('link', { name: 'Back to My Learn profile' }).click();
    await expect.poll(() => heading(page)).toBe('My Learn profile');
    const pu = page.getByTestId('slot-partner-university');
    await expect.poll(() => pu.textContent()).toContain('Waiting to sync');
    const item = page.locator('[data-testid=queue] li').first();
    expect(await item.textContent()).toContain('Link · Partner University');
    expect(['queued', 'sending', 'retry']).toContain(await item.getAttribute('data-state'));
    expect(await page.locator('.badge-offline').count()).toBe(1);
    expect(await page.locator('.badge-queued').textContent()).toBe('1 action waiting to sync');
    await checkScreen(page, 'home-queued', a11y);

    // Back online: the queue drains and the link is confirmed, with the credit dates.
    await syncBack(page, context);
    await expect.poll(() => pu.textContent()).toContain('Linked to');
    expect(await pu.textContent()).not.toContain('Waiting to sync');
    const sales = page.locator('[data-testid=achievements] li', { hasText: 'PU-AZ-SALES' });
    expect(await sales.textContent()).toContain(formatDate(addDays(today, 10), 'en'));
    expect(await sales.textContent()).toContain('Pending');
    await checkScreen(page, 'home-linked', a11y);

    // Sora unlinked 2 days after a start 12 days ago: a new link is refused, with the date.
    await page.getByRole('link', { name: 'Switch account' }).click();
    await expect.poll(() => heading(page)).toBe('Who are you?');
    await page.getByRole('button', { name: /Continue as Sora Kimura/ }).click();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Sora Kimura');
    await page.locator('[data-testid=slot-learn] a').click();
    await expect.poll(() => heading(page)).toBe('Link Microsoft Learn profile');
    await page.getByRole('button', { name: 'Check' }).click();
    const refusal = page.getByTestId('link-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `Associations need a 30-day period between them. The next association is possible on ${longFromDay(addDays(today, 18))}.`,
    );
    expect(await page.locator('[data-testid=queue] li').count()).toBe(0);
    await checkScreen(page, 'link-refused', a11y);
    await setLang(page, 'ja');
    expect(await refusal.textContent()).toContain(
      `次に関連付けできるのは ${longFromDay(addDays(today, 18), 'ja')} です。`,
    );
    await setLang(page, 'en');

    // A typed MCID that is not digits: said in words, tied to the field.
    await page.getByLabel('Enter an MCID').check();
    await page.getByLabel('MCID (Microsoft certification ID)').fill('MCID-12ab');
    await page.getByRole('button', { name: 'Check' }).click();
    const input = page.locator('#mcid');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#mcid-error').textContent()).toBe(
      'An MCID has digits only: no letters, spaces or symbols.',
    );
    await checkScreen(page, 'link-invalid', a11y);

    // A fresh visit to the home screen with data: nothing on screen moves
    // while the screen's code and then the data arrive.
    const fresh = await context.newPage();
    await fresh.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
        }[]) {
          if (!e.hadRecentInput) w.__cls += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await fresh.goto(`${app.server.url}#/`);
    await fresh.locator('[data-testid=who-name]').waitFor();
    await fresh.waitForTimeout(500);
    expect(await fresh.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    await fresh.close();

    // 320 px, the narrowest phone: nothing spills sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const hash of ['#/', '#/link/learn', '#/welcome']) {
      await page.goto(`${app.server.url}${hash}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(150);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, hash).toBeLessThanOrEqual(0);
    }
    await page.goto(`${app.server.url}#/`);
    await page.locator('[data-testid=who-name]').waitFor();
    await page.screenshot({ path: `${SHOTS}/me-home-320-en.png`, fullPage: true });

    expect(a11y).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Partner University sign-up: refused at 3 of 3, then signed up and linked offline → synced', async () => {
    const { context: signUp, page, violations, errors } = await openPhone(app.browser);
    const a11y: string[] = [];
    await page.goto(app.server.url);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Who are you?');
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByRole('button', { name: /Continue as Kenji Ito/ }).click();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Kenji Ito');

    // Kenji is at 3 of 3: a new Partner University account is no fresh allowance.
    await page.locator('[data-testid=slot-partner-university] a').click();
    await expect.poll(() => heading(page)).toBe('Link Partner University account');
    const name = page.getByLabel('Your personal account (name or email address)');
    await name.fill('kenji@outlook.example');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.getByTestId('link-refusal').textContent())
      .toContain('each person can start at most 3 associations in 12 months');
    await page.goto(`${app.server.url}#/`);
    await expect.poll(() => page.locator('.queue-empty').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('slot-partner-university').textContent()).toContain(
      'No profile of this kind on this device.',
    );

    // Ryo has no Partner University account and no start: he signs up, offline.
    await page.getByRole('link', { name: 'Switch account' }).click();
    await page.getByRole('button', { name: /Continue as Ryo Hayashi/ }).click();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Ryo Hayashi');
    await setPartnerCenterOffline(page, true);
    await cutNetwork(signUp, app.server);
    await page.goto(`${app.server.url}#/`);
    await page.locator('[data-testid=slot-partner-university] a').click();
    await expect.poll(() => heading(page)).toBe('Link Partner University account');
    // By keyboard: an empty name is said in words, and focus stays on the field.
    await name.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#pu-name-error').textContent())
      .toBe('Enter the name or email address of your personal account.');
    expect(await name.getAttribute('aria-describedby')).toBe('pu-name-hint pu-name-error');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkScreen(page, 'link-pu-sign-up', a11y);
    await name.fill('ryo@outlook.example');
    await page.getByRole('button', { name: 'Check' }).click();
    const check = page.getByTestId('link-check');
    await check.waitFor();
    expect(await check.textContent()).toContain('checking creates nothing');
    await checkScreen(page, 'link-pu-sign-up-check', a11y);
    await page.getByRole('button', { name: 'Link now' }).click();
    await expect
      .poll(() => page.getByTestId('link-done').textContent())
      .toContain('You are offline: the link waits');

    await page.getByRole('link', { name: 'Back to My Learn profile' }).click();
    const pu = page.getByTestId('slot-partner-university');
    await expect.poll(() => pu.textContent()).toContain('Waiting to sync');
    expect(await pu.textContent()).toContain('ryo@outlook.example');

    await syncBack(page, signUp);
    await expect.poll(() => pu.textContent()).toContain('Linked to Fabrikam');
    expect(await pu.textContent()).not.toContain('Waiting to sync');

    await signUp.close();
    expect(a11y).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
