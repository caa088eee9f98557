/**
 * The phone the individual's screens are tried on: 375 px wide, English, in
 * Tokyo (so a rule's UTC day starts at 09:00 there), with axe loaded and the
 * page's CSP violations and errors watched.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatRuleDay, type RuleDayOptions } from '../../../src/i18n/format';
import type { Lang } from '../../../src/i18n/lang';
import { AXE_SCRIPT } from './axe';
import { watchedPage, type Watched } from './browser';

export const PHONE_ZONE = 'Asia/Tokyo';

export async function openPhone(browser: Browser): Promise<Watched & { context: BrowserContext }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'en-US',
    timezoneId: PHONE_ZONE,
  });
  await context.addInitScript({ path: AXE_SCRIPT });
  return { context, ...(await watchedPage(context)) };
}

/** A rule's date as the phone shows it: the UTC day and when it starts there. */
export function fromDay(
  iso: string,
  lang: Lang = 'en',
  style: RuleDayOptions['style'] = 'medium',
): string {
  return formatRuleDay(iso, lang, { timeZone: PHONE_ZONE, style, from: true });
}

/** The screen's title. */
export const heading = (page: Page) => page.locator('h1').first().textContent();
