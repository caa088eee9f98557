/**
 * The first-visit size budget counts what a first visit really downloads:
 * Chromium opens the app on a fresh profile, and the scripts the page
 * requests (not the worker's background precache) until "who am I" shows
 * must be exactly the files scripts/size.mjs sums for `firstVisitJsGzip`.
 * A screen that starts loading on a first visit (say, the home screen's
 * code before the redirect to "who am I") fails this test, not just the
 * budget's honesty.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, waitForController, watchedPage } from './support/browser';
import { continueAsDemo } from './support/demo';
import { startStaticServer, type StaticServer } from './support/static-server';

const DIST = 'dist';

interface SizeFigures {
  firstPaintFiles: string[];
  firstVisitFiles: string[];
}

function sizeFigures(): SizeFigures {
  const dir = mkdtempSync(join(tmpdir(), 'mcid-size-'));
  try {
    const file = join(dir, 'size.json');
    execFileSync(process.execPath, ['scripts/size.mjs', '--json', file], {
      env: { ...process.env, DIST },
      stdio: 'ignore',
    });
    return JSON.parse(readFileSync(file, 'utf8')) as SizeFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launch();
  server = await startStaticServer(DIST, '/');
});
afterAll(async () => {
  await server.close();
  await browser.close();
});

describe('first visit', () => {
  it('downloads exactly the scripts the first-visit budget counts, and lands on "who am I"', async () => {
    const figures = sizeFigures();
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const { page, violations, errors } = await watchedPage(context);
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('.js') && url.pathname.includes('/assets/')) {
        scripts.add(url.pathname.replace(/^\//, ''));
      }
    });
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/welcome');
    await expect.poll(() => page.getByRole('button', { name: /load demo data/i }).count()).toBe(1);
    // Whatever the page would still fetch on its own (idle work, a late import) has time to start.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);

    expect([...scripts].sort()).toEqual(figures.firstVisitFiles);
    expect(figures.firstVisitFiles).toEqual(expect.arrayContaining(figures.firstPaintFiles));
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes straight to "who am I" only while nobody is chosen, and a stale hint corrects itself', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await waitForController(page);
    await continueAsDemo(page, /Continue as Hana Tanaka/);
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Hana Tanaka');
    expect(await page.evaluate(() => localStorage.getItem('mcid-link.chosen'))).toBe('1');

    // Somebody is chosen: a reload opens home, never "who am I".
    const hashes: string[] = [];
    await page.exposeFunction('__hash', (hash: string) => hashes.push(hash));
    await page.addInitScript(() => {
      const report = (window as unknown as { __hash: (h: string) => void }).__hash;
      addEventListener('hashchange', () => {
        report(location.hash);
      });
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Hana Tanaka');
    expect(hashes).not.toContain('#/welcome');

    // The hint says nobody although the database names Hana: home once the settings are read.
    await page.evaluate(() => {
      localStorage.setItem('mcid-link.chosen', '0');
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toBe('Hana Tanaka');
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect(await page.evaluate(() => localStorage.getItem('mcid-link.chosen'))).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });
});
