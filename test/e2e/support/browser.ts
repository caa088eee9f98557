/**
 * Debian's Chromium driven by playwright-core: no test tool downloads a
 * browser of its own. Every page records Content-Security-Policy and
 * Trusted Types violations so that a test can assert there were none.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import flags from './chromium-flags.json';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless as root on a machine with no network; bench/browser.mjs uses the same file. */
export const CHROMIUM_FLAGS: readonly string[] = flags;

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with:  apt-get install -y chromium  (or set CHROMIUM_PATH)`,
    );
  }
}

export async function launch(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
}

export interface Watched {
  page: Page;
  /** CSP and Trusted Types violations seen on this page. */
  violations: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** Opens a page that records CSP violations (event and console) and page errors. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeBinding('__reportViolation', (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportViolation: (t: string) => void })
        .__reportViolation;
      report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${String(e.lineNumber)}`);
    });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Trusted Type/i.test(text)) violations.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, violations, errors };
}

/** A watched tab of `context` at `url` that accepts every dialog (the confirmations). */
export async function openWatchedTab(context: BrowserContext, url: string): Promise<Watched> {
  const tab = await watchedPage(context);
  tab.page.on('dialog', (dialog) => {
    void dialog.accept();
  });
  await tab.page.goto(url);
  return tab;
}

/** Waits until a service worker controls the page. */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
}

/** Cuts the network for the page and for its service worker. */
export async function cutNetwork(context: BrowserContext, server: { setDown(d: boolean): void }) {
  await context.setOffline(true);
  // setOffline does not reach the worker's own fetches: the host goes down too.
  server.setDown(true);
}

export async function restoreNetwork(
  context: BrowserContext,
  server: { setDown(d: boolean): void },
) {
  server.setDown(false);
  await context.setOffline(false);
}
