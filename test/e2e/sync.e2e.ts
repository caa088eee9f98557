/**
 * Sync in Chromium against the loopback reference server (behind a proxy
 * that adds CORS and can cut the network): an action made offline waits in
 * the outbox, survives its page being closed, and is applied exactly once —
 * by the page when it is reopened online, or by the service worker on a
 * Background Sync event with no page open at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChaosPerson } from '../reliability/chaos-world';
import { watchedPage, type Watched } from './support/browser';
import { readTable } from './support/local-db';
import {
  continueAs,
  openDeviceTab,
  startRemoteWorld,
  type RemoteWorld,
} from './support/remote-world';
import { servedApp } from './support/served-app';

const app = servedApp();
let remote: RemoteWorld;

beforeAll(async () => {
  remote = await startRemoteWorld(3);
});
afterAll(async () => {
  await remote.close();
});

function person(n: number): ChaosPerson {
  const p = remote.world.people.find((x) => x.n === n && !x.usedElsewhere);
  if (!p) throw new Error(`no person ${String(n)}`);
  return p;
}

/** The outbox, read straight from the app's IndexedDB. */
const outbox = (page: Page) => readTable<{ id: string; state: string }>(page, 'outbox');

async function setUp(context: BrowserContext, watched: Watched[], who: ChaosPerson) {
  const tab = await openDeviceTab(context, app.server.url, remote, '');
  watched.push(tab);
  await continueAs(tab.page, app.server.url, who.email);
  return tab.page;
}

async function cut(context: BrowserContext) {
  await context.setOffline(true);
  // setOffline does not reach the worker's own fetches: the hosts go down too.
  remote.proxy.down = true;
  app.server.setDown(true);
}
async function restore(context: BrowserContext) {
  remote.proxy.down = false;
  app.server.setDown(false);
  await context.setOffline(false);
}

/** Links the Learn profile through the link screen while offline; returns the action id. */
async function linkOffline(page: Page): Promise<string> {
  await page.goto(`${app.server.url}#/link/learn`);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByTestId('link-check').waitFor();
  await page.getByRole('button', { name: 'Link now' }).click();
  await expect.poll(() => page.getByTestId('link-done').textContent()).toContain('offline');
  await page.goto(`${app.server.url}#/`);
  const item = page.locator('[data-testid=queue] li').first();
  await item.waitFor();
  expect(['queued', 'sending', 'retry']).toContain(await item.getAttribute('data-state'));
  const rows = await outbox(page);
  expect(rows).toHaveLength(1);
  return (rows[0] as { id: string }).id;
}

describe('sync in the browser', () => {
  it('the worker drains when the page asks and answers with its report', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const watched: Watched[] = [];
    await setUp(context, watched, person(2));
    const page = (watched[0] as Watched).page;
    const answer = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(() => {
            resolve('no answer');
          }, 5_000);
          channel.port1.onmessage = (event: MessageEvent) => {
            clearTimeout(timer);
            resolve(event.data);
          };
          navigator.serviceWorker.controller?.postMessage(
            { type: 'DRAIN', reason: 'test', ignoreBackoff: true },
            [channel.port2],
          );
        }),
    );
    expect(answer).toMatchObject({ ok: true, report: { reason: 'page:test' } });
    await context.close();
  });

  it('an offline link survives closing the page and is applied once when reopened online', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const watched: Watched[] = [];
    const who = person(0);
    const page = await setUp(context, watched, who);
    await cut(context);
    const id = await linkOffline(page);
    expect(remote.server.applyCounts.has(id)).toBe(false);
    await page.close();

    await restore(context);
    const again = await watchedPage(context);
    watched.push(again);
    await again.page.goto(`${app.server.url}#/`);
    await expect
      .poll(() => again.page.locator('.queue-empty').count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => again.page.getByTestId('slot-learn').textContent())
      .toContain('Linked to');
    expect(remote.server.applyCounts.get(id)).toBe(1);
    expect(remote.server.received.filter((r) => r === id).length).toBeGreaterThanOrEqual(1);
    const active = remote.server.world.associations.filter(
      (a) => a.profileId === who.profileId && a.endedOn == null,
    );
    expect(active.map((a) => a.accountId)).toEqual([who.accountId]);
    for (const w of watched) {
      expect(w.violations).toEqual([]);
      expect(w.errors).toEqual([]);
    }
    await context.close();
  });

  it('the service worker delivers on a Background Sync event with no page open', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const watched: Watched[] = [];
    const who = person(1);
    const page = await setUp(context, watched, who);
    await cut(context);
    const id = await linkOffline(page);
    await page.close();
    await restore(context);
    expect(remote.server.applyCounts.has(id)).toBe(false);

    // Going online does not fire `sync` in a test browser: dispatch it through DevTools.
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const origin = new URL(app.server.url).origin;
    const registrationId = await new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        const found = event.registrations.find(
          (r) => r.scopeURL.startsWith(origin) && !r.isDeleted,
        );
        if (found) resolve(found.registrationId);
      });
      void cdp.send('ServiceWorker.enable');
    });
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin,
      registrationId,
      tag: 'mcid-link-outbox',
      lastChance: false,
    });
    await expect.poll(() => remote.server.applyCounts.get(id), { timeout: 30_000 }).toBe(1);
    // The page was never reopened: it was the worker. Reopening shows the link, delivered once.
    const back = await watchedPage(context);
    watched.push(back);
    await back.page.goto(`${app.server.url}#/`);
    await expect
      .poll(() => back.page.getByTestId('slot-learn').textContent(), { timeout: 15_000 })
      .toContain('Linked to');
    expect(remote.server.applyCounts.get(id)).toBe(1);
    for (const w of watched) expect(w.violations).toEqual([]);
    await context.close();
  });
});
