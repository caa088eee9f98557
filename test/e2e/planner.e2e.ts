/**
 * The planner in Chromium on a 375 px phone, over the demo: Mei moved her
 * MCID from Contoso Japan (A) to Fabrikam (B) 6 days ago. She plans moving
 * back to A inside the cool-off, is told the first day it is allowed, plans
 * it on that day, and the timeline shows when A receives each credit and when
 * B loses it. The calendar downloads as .ics, reminders ask for permission
 * after a click, nothing is written, and axe-core finds no violation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, reportRemovalDate, todayUtc } from '../../src/rules';
import { formatDate, formatRuleDay } from '../../src/i18n/format';
import { axeViolations } from './support/axe';
import { watchedPage } from './support/browser';
import { continueAsDemo } from './support/demo';
import { PHONE_ZONE, fromDay, heading, openPhone } from './support/phone';
import { SHOTS, servedApp } from './support/served-app';

const app = servedApp();
const date = (iso: string) => formatDate(iso, 'en');

/** The timeline as [kind, ISO day, text] rows. */
function timeline(page: Page) {
  return page
    .locator('.planner-event')
    .evaluateAll((items) =>
      items.map((li): [string, string, string] => [
        (li as HTMLElement).dataset.kind ?? '',
        li.querySelector('time')?.getAttribute('datetime') ?? '',
        li.textContent,
      ]),
    );
}

describe('the planner on a phone', () => {
  it('plans a move inside the cool-off, moves it to the first allowed day, and shows the dates', async () => {
    const today = todayUtc(new Date());
    const coolOffEnd = addDays(today, 24); // Mei's move to B was 6 days ago; 30 days of cool-off.
    const { context, page, violations, errors } = await openPhone(app.browser);
    const a11y: string[] = [];

    await page.goto(app.server.url);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Who are you?');
    await continueAsDemo(page, /mei@fabrikam\.example/);
    await expect.poll(() => heading(page)).toBe('My Learn profile');

    await page.getByRole('navigation').getByRole('link', { name: 'Planner' }).click();
    await expect.poll(() => heading(page)).toBe('Planner');
    // Today's picture: the next association is when the cool-off of the move ends.
    await expect
      .poll(() => page.getByTestId('plan-next').textContent())
      .toContain(date(coolOffEnd));
    a11y.push(...(await axeViolations(page, 'planner (empty plan)')));

    // A past day is refused in words.
    await page.fill('#plan-on', addDays(today, -1));
    await page.getByRole('button', { name: 'Add to plan' }).click();
    await expect.poll(() => page.locator('#plan-on-error').textContent()).toContain('Pick today');
    expect(await page.locator('[data-testid=plan-step]').count()).toBe(0);

    // Back to Contoso in 10 days: inside the cool-off.
    await page
      .getByLabel('Work account')
      .selectOption({ label: 'Contoso Japan (mei@contoso.example)' });
    await page.fill('#plan-on', addDays(today, 10));
    await page.getByRole('button', { name: 'Add to plan' }).click();
    const verdict = page.getByTestId('plan-verdict');
    await expect.poll(() => verdict.textContent()).toContain('Not allowed on that day.');
    expect(await verdict.textContent()).toContain(
      `The next association is possible on ${fromDay(coolOffEnd)}.`,
    );
    await page.getByRole('button', { name: `Plan it on ${fromDay(coolOffEnd)} instead` }).click();
    await expect.poll(() => verdict.textContent()).toContain('Allowed on that day.');
    expect(await verdict.textContent()).toContain(
      `Cool-off ends: ${fromDay(addDays(coolOffEnd, 30))}.`,
    );

    const rows = await timeline(page);
    const find = (kind: string, text: string) =>
      rows.filter(([k, , t]) => k === kind && t.includes(text)).map(([, on]) => on);
    expect(find('link-ends', 'Link to Fabrikam ends (moved)')).toEqual([coolOffEnd]);
    expect(find('link-starts', 'Linked to Contoso Japan')).toEqual([coolOffEnd]);
    // Both achievements were completed months ago: A counts them 10 days after the new link…
    expect(find('credit-arrives', 'Contoso Japan receives credit')).toEqual([
      addDays(coolOffEnd, 10),
      addDays(coolOffEnd, 10),
    ]);
    // …and B loses them at the report refresh after the link ends.
    expect(find('credit-leaves', 'Fabrikam loses credit')).toEqual([
      reportRemovalDate(coolOffEnd),
      reportRemovalDate(coolOffEnd),
    ]);
    const shown = await page.locator('.planner-event-credit-arrives time').allTextContents();
    // A rule's day, shown with its UTC basis on a phone in Tokyo.
    expect(shown.some((t) => t.startsWith(date(addDays(coolOffEnd, 10))))).toBe(true);
    a11y.push(...(await axeViolations(page, 'planner (planned move)')));
    await page.screenshot({ path: `${SHOTS}/planner-move-en.png`, fullPage: true });

    // The calendar file: an .ics with CRLF lines that a phone calendar imports.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mcid-link-dates.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`DTSTART:${coolOffEnd.replace(/-/g, '')}T000000Z`);

    // Reminders: asked only after the click; granted here by the browser context.
    expect(await page.getByTestId('reminder-status').textContent()).toBe('Off.');
    await context.grantPermissions(['notifications'], { origin: app.server.url });
    await page.getByRole('button', { name: 'Remind me' }).click();
    await expect
      .poll(() => page.getByTestId('reminder-status').textContent())
      .toBe(`On: you will be reminded on ${fromDay(coolOffEnd)}.`);

    // In Japanese, the same dates in Japanese words.
    await page.locator('header select').selectOption('ja');
    await expect.poll(() => heading(page)).toBe('プランナー');
    const toA = page.locator('.planner-event-credit-arrives', { hasText: 'Contoso Japan に' });
    expect(await toA.first().locator('time').textContent()).toBe(
      formatRuleDay(addDays(coolOffEnd, 10), 'ja', { timeZone: PHONE_ZONE }),
    );
    a11y.push(...(await axeViolations(page, 'planner (ja)')));
    await page.screenshot({ path: `${SHOTS}/planner-move-ja.png`, fullPage: true });
    await page.locator('header select').selectOption('en');

    // The planner changed nothing: the home screen still shows the same next date.
    await page.getByRole('link', { name: 'Go to the link screen' }).click();
    await expect.poll(() => page.url()).toContain('#/link/learn');
    await page.goto(`${app.server.url}#/`);
    await expect.poll(() => heading(page)).toBe('My Learn profile');
    await expect
      .poll(() => page.getByTestId('next-learn').textContent())
      .toContain(formatDate(coolOffEnd, 'en', 'long'));

    expect(a11y).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('reminds on the day: by the timer while open, and by the check on start', async () => {
    const now = new Date();
    const today = todayUtc(now);
    const coolOffEnd = addDays(today, 24);
    const dayStart = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();
    const context = await app.browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'en-US',
    });
    await context.grantPermissions(['notifications']);
    // Record notifications instead of showing them (page-made or through the worker).
    await context.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { __shown: string[] }).__shown = shown;
      ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
        shown.push(`${title}: ${options?.body ?? ''}`);
        return Promise.resolve();
      };
      const Real = window.Notification;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(`${title}: ${options?.body ?? ''}`);
        }
      }
      window.Notification = Recorded;
    });
    const shown = (page: Page) =>
      page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
    const { page, violations, errors } = await watchedPage(context);
    await page.clock.install({ time: now });

    await page.goto(app.server.url);
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe('Who are you?');
    await continueAsDemo(page, /mei@fabrikam\.example/);
    await expect.poll(() => heading(page)).toBe('My Learn profile');
    await page.goto(`${app.server.url}#/planner`);
    await page.getByRole('button', { name: 'Remind me' }).click();
    await expect
      .poll(() => page.getByTestId('reminder-status').textContent())
      .toBe(`On: you will be reminded on ${date(coolOffEnd)}.`);

    // The screen closes; the page's timer still runs. One minute into the day, it reminds once.
    await page.goto(`${app.server.url}#/`);
    await page.clock.fastForward(dayStart(coolOffEnd) - now.getTime() + 60_000);
    await expect
      .poll(() => shown(page))
      .toEqual(['MCID Link: From today you can link your MCID to a work account again.']);

    // Another visit days later, with a reminder pending from before: the check on start reminds.
    const later = await context.newPage();
    await later.clock.install({ time: new Date(dayStart(coolOffEnd) + 3 * 86_400_000) });
    await later.addInitScript(() => {
      localStorage.setItem(
        'mcid-link.reminders',
        JSON.stringify({ optedIn: true, pendingFor: '2000-01-01', notifiedFor: null }),
      );
    });
    await later.goto(app.server.url);
    await expect.poll(() => heading(later), { timeout: 15_000 }).toBe('My Learn profile');
    await expect.poll(() => shown(later)).toHaveLength(1);

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
