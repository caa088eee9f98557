/**
 * Upgrades under load, in Chromium:
 * - a schema upgrade made by another tab while this one holds the old
 *   version: this tab lets go at once (the upgrade is not blocked), tells the
 *   person to reload, and the queued action survives the upgrade;
 * - a service worker update accepted while a delivery hangs: the new worker
 *   waits for the drain lock before it takes over, and the queued action is
 *   applied once, not lost and not twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChaosPerson, ChaosProxy, ChaosWorld } from '../reliability/chaos-world';
import type { ReferenceServer } from '../sync/server/reference-server';
import { watchedPage, type Watched } from './support/browser';
import { readTable } from './support/local-db';
import {
  continueAs,
  openDeviceTab,
  startRemoteWorld,
  type RemoteWorld,
} from './support/remote-world';
import { servedApp } from './support/served-app';

const DIST = 'dist';
const DIST_V2 = 'dist-e2e-v2';

const app = servedApp();
let server: ReferenceServer;
let proxy: ChaosProxy;
let world: ChaosWorld;

let remote: RemoteWorld;

/** The world's person `n` (a test's own: see `started`). */
function person(n: number): ChaosPerson {
  const found = world.people[n];
  if (!found) throw new Error(`the world has no person ${String(n)}`);
  return found;
}

beforeAll(async () => {
  remote = await startRemoteWorld(3);
  ({ server, proxy, world } = remote);
});
afterAll(async () => {
  await remote.close();
});

/**
 * A tab with the chaos world imported, acting as `person`. Every test imports
 * the same world (the same ids) and the reference server is shared by the
 * file: each test acts as its own person, so what one test queued can never
 * change what the server answers another.
 */
async function started(context: BrowserContext, person: ChaosPerson): Promise<Watched> {
  const tab = await openDeviceTab(context, app.server.url, { world, proxy }, '#/settings');
  await continueAs(tab.page, app.server.url, person.email);
  return tab;
}

async function link(page: Page): Promise<void> {
  await page.goto(`${app.server.url}#/link/learn`);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Link now' }).click();
  await page.getByTestId('link-done').waitFor();
}

interface Entry {
  id: string;
  state: string;
  profile: { id: string };
}

/** The outbox, read with plain IndexedDB at whatever version the database is. */
const outbox = (page: Page) => readTable<Entry>(page, 'outbox');

describe('upgrades under load', () => {
  it('a schema upgrade in another tab: this tab lets go, says reload, and the queue survives', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const old = await started(context, person(0));
    // The remote is unreachable: the action stays queued.
    proxy.down = true;
    await link(old.page);
    const [queued] = await outbox(old.page);
    expect(queued?.state).toMatch(/queued|sending|retry/);

    // A newer version of the app opens the database at a higher version.
    const fresh = await watchedPage(context);
    await fresh.page.goto(`${app.server.url}#/settings`);
    const upgrade = await fresh.page.evaluate(
      () =>
        new Promise<{ blocked: boolean; version: number; stores: string[] }>((ok, fail) => {
          let blocked = false;
          const open = indexedDB.open('mcid-link', 990);
          open.onblocked = () => {
            blocked = true;
          };
          open.onerror = () => {
            fail(open.error ?? new Error('open'));
          };
          open.onsuccess = () => {
            const db = open.result;
            const result = { blocked, version: db.version, stores: [...db.objectStoreNames] };
            db.close();
            ok(result);
          };
          setTimeout(() => {
            fail(new Error(`upgrade still waiting after 10 s (blocked: ${String(blocked)})`));
          }, 10_000);
        }),
    );
    expect(upgrade.version).toBe(990);
    expect(upgrade.stores).toContain('outbox');

    await old.page.getByTestId('db-blocked-banner').waitFor({ timeout: 10_000 });
    expect(await old.page.getByTestId('db-blocked-banner').textContent()).toContain(
      'Reload this tab',
    );
    // Acting in the old tab now must not crash it (its database is closed).
    await old.page.goto(`${app.server.url}#/`);
    await old.page
      .locator('[data-testid=slot-learn]')
      .getByRole('button', { name: /^Remove access/ })
      .click();
    await old.page.locator('dialog[open]').getByRole('button', { name: 'Remove access' }).click();
    await expect
      .poll(() => old.page.getByTestId('me-result').textContent())
      .toBe(
        'MCID Link was updated in another tab. Nothing was changed: reload this tab, then try again.',
      );
    const after = await outbox(fresh.page);
    expect(after.map((e) => e.id)).toEqual([queued?.id]);
    expect(after[0]?.state).toMatch(/queued|sending|retry/);
    for (const tab of [old, fresh]) {
      expect(tab.violations).toEqual([]);
      expect(tab.errors).toEqual([]);
    }
    // The network comes back only once this context is gone: its queued link
    // must not reach the shared server (it used to, now and then, while the
    // context closed).
    await context.close();
    proxy.down = false;
  });

  it('a worker update accepted mid-delivery waits for the drain, and the action is applied once', async () => {
    // A fresh browser profile: no database left from the test above.
    const context = await app.browser.newContext({ locale: 'en-US' });
    const me = person(1);
    // Nothing on the server for this person yet: the link below is the first.
    expect(server.world.associations.filter((a) => a.profileId === me.profileId)).toEqual([]);
    const tab = await started(context, me);
    const { page } = tab;
    const v1 = await page.getByTestId('app-version').textContent();
    // The server applies the link and then never answers: the drain holds the lock
    // until the client's time-out (15 s).
    server.faults.push({ kind: 'hang' });
    await link(page);
    const [entry] = await outbox(page);
    expect(entry?.profile.id).toBe(me.profileId);
    await expect.poll(() => server.applyCounts.get(entry?.id ?? ''), { timeout: 10_000 }).toBe(1);
    // Handled means applied here: a refusal is counted too, and the retry would repeat it.
    expect(server.results.get(entry?.id ?? '')?.status).toBe('applied');

    app.server.deploy(DIST_V2);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const banner = page.getByTestId('update-banner');
    await banner.waitFor({ timeout: 20_000 });
    const acceptedAt = Date.now();
    await banner.getByRole('button').first().click();
    // The delivery is still hanging: the new version must not take over yet.
    await page.waitForTimeout(3_000);
    expect(await page.getByTestId('app-version').textContent()).toBe(v1);
    await expect
      .poll(() => page.getByTestId('app-version').textContent({ timeout: 1_000 }), {
        timeout: 40_000,
      })
      .toContain('e2e-v2');
    expect(Date.now() - acceptedAt).toBeGreaterThan(4_000);

    // After the takeover the retry gets the server's first answer: applied, once.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => window.dispatchEvent(new Event('online')));
          return (await outbox(page)).find((e) => e.id === entry?.id)?.state;
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe('applied');
    expect(server.applyCounts.get(entry?.id ?? '')).toBe(1);
    expect(server.received.filter((id) => id === entry?.id).length).toBeGreaterThanOrEqual(2);
    expect(tab.violations).toEqual([]);
    expect(tab.errors).toEqual([]);
    app.server.deploy(DIST);
    await context.close();
  }, 120_000);
});
