/**
 * Security in a real browser and at the host:
 * - `npm start`'s preview server sends the headers of scripts/security-headers.ts
 *   (README "Hosting"), with `no-cache` on sw.js and the page;
 * - names, titles and labels holding markup, `javascript:` URLs and a
 *   right-to-left override, imported from a file, render as text on every
 *   screen: no element made from them, no dialog, no CSP / Trusted Types
 *   violation, no page error.
 */
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECURITY_HEADERS } from '../../scripts/security-headers';
import { openDb } from '../../src/store';
import { loadDemo } from '../../src/store/demo';
import { exportAll } from '../../src/store/transfer';
import { watchedPage } from './support/browser';
import { servedApp } from './support/served-app';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

describe('npm start (vite preview) sends the host headers', () => {
  let preview: ChildProcess;
  let origin: string;
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    preview = spawn(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
      ],
      { stdio: 'ignore' },
    );
    // Up when it answers; a beforeAll cannot use expect.poll.
    for (let tries = 0; tries < 120; tries++) {
      const up = await fetch(origin).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(() => {
    preview.kill();
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])(
    '%s: security headers and no-cache',
    async (path) => {
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(name)).toBe(value);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('a hashed asset is immutable, with the same security headers', async () => {
    const html = await (await fetch(origin)).text();
    const asset = /(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const res = await fetch(`${origin}/${asset ?? ''}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain(
      "require-trusted-types-for 'script'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const JS_URL = 'javascript:alert(3)';
const RLO = '\u202Egnp.exe';
const HOSTILE = [IMG, SCRIPT, JS_URL, RLO];

/** The demo, with markup, script URLs and a bidi override in every free-text field. */
async function hostileExport(): Promise<string> {
  const db = openDb(`hostile-${crypto.randomUUID()}`);
  await loadDemo(db, new Date());
  const file = await exportAll(db, new Date());
  const t = file.tables;
  const pick = (i: number) => HOSTILE[i % HOSTILE.length] ?? IMG;
  t.organizations.forEach((o, i) => (o.name = `${o.name} ${pick(i)}`));
  t.people.forEach((p, i) => (p.displayName = `${p.displayName} ${pick(i)}`));
  t.accounts.forEach((a, i) => (a.displayName = `${a.displayName} ${pick(i + 1)}`));
  t.profiles.forEach((p, i) => (p.label = `${pick(i + 2)} ${p.label}`));
  t.achievements.forEach((a, i) => (a.title = `${a.title} ${pick(i + 3)}`));
  db.close();
  return JSON.stringify(file);
}

const SCREENS = [
  '#/welcome',
  '#/',
  '#/link/learn',
  '#/link/partner-university',
  '#/planner',
  '#/org/users',
  '#/org/report',
  '#/org/designations',
  '#/settings',
];

/** Elements the hostile text would make if it reached the DOM as markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const img of document.querySelectorAll('img')) {
      if (img.getAttribute('src') === 'x' || img.hasAttribute('onerror')) found.push(img.outerHTML);
    }
    for (const el of document.querySelectorAll(
      'script:not([src]), iframe, object, embed, [onerror], [onclick], [onload]',
    )) {
      found.push(el.outerHTML.slice(0, 200));
    }
    for (const a of document.querySelectorAll('a[href], [src], form[action]')) {
      const url = a.getAttribute('href') ?? a.getAttribute('src') ?? a.getAttribute('action') ?? '';
      if (/^\s*javascript:/i.test(url)) found.push(a.outerHTML.slice(0, 200));
    }
    return found;
  });
}

describe('hostile names render as text on every screen', () => {
  const app = servedApp();

  it('imported, shown everywhere, and never run', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const { page, violations, errors } = await watchedPage(context);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.accept();
    });
    await page.goto(`${app.server.url}#/settings`);
    const input = page.locator('#import-file');
    await input.waitFor({ timeout: 15_000 });
    await input.setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await hostileExport()),
    });
    await expect
      .poll(() => page.getByTestId('settings-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Imported \d+ records\.$/);
    expect(dialogs).toEqual(['confirm: Replace all data on this device with this file?']);

    await page.goto(`${app.server.url}#/welcome`);
    await page
      .getByRole('button', { name: /Continue as Hana Tanaka/ })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('who-name').textContent()).toContain('Hana Tanaka');

    const seen = new Set<string>();
    for (const hash of SCREENS) {
      await page.goto(`${app.server.url}${hash}`);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(400);
      const text = (await page.locator('main, body').first().textContent()) ?? '';
      for (const h of HOSTILE) if (text.includes(h)) seen.add(h);
      expect(await injected(page), hash).toEqual([]);
    }
    // Every kind of hostile text reached the screens, as text.
    expect([...seen].sort()).toEqual([...HOSTILE].sort());
    expect(dialogs).toHaveLength(1);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
