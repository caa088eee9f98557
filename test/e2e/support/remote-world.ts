/**
 * A world on the loopback reference server (behind the CORS proxy that can
 * cut the network), the Settings flows that connect the app to it, and a
 * device set up on it: the setup the sync, upgrade, two-devices and chaos
 * tests share.
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../../sync/server/reference-server';
import { ANY_ACTOR } from '../../sync/server/world';
import {
  CHAOS_TOKEN,
  chaosWorld,
  startChaosProxy,
  type ChaosProxy,
  type ChaosWorld,
} from '../../reliability/chaos-world';
import { openWatchedTab, waitForController, type Watched } from './browser';

export interface RemoteWorld {
  server: ReferenceServer;
  proxy: ChaosProxy;
  world: ChaosWorld;
  close: () => Promise<void>;
}

export interface RemoteWorldOptions {
  /** The reference server's own options (its CORS, a wrong base URL's status). */
  server?: Partial<Omit<ReferenceServerOptions, 'world' | 'tokens'>>;
  /** `false`: the proxy adds no CORS of its own (strict-CORS tests); default `true`. */
  proxyCors?: boolean;
}

/** `people` people on the reference server, reached through the proxy. */
export async function startRemoteWorld(
  people: number,
  options: RemoteWorldOptions = {},
): Promise<RemoteWorld> {
  const server = await startReferenceServer({
    world: { organizations: [], accounts: [], profiles: [], associations: [] },
    tokens: { [CHAOS_TOKEN]: ANY_ACTOR },
    ...options.server,
  });
  const proxy = await startChaosProxy(server.url, { cors: options.proxyCors ?? true });
  const world = await chaosWorld(people, proxy.url, new Date());
  Object.assign(server.world, world.server);
  return {
    server,
    proxy,
    world,
    close: async () => {
      await proxy.close();
      await server.close();
    },
  };
}

/** Settings → import the world's export file. */
export async function importWorld(page: Page, appUrl: string, world: ChaosWorld): Promise<void> {
  await page.goto(`${appUrl}#/settings`);
  await page.locator('#import-file').setInputFiles({
    name: 'world.json',
    mimeType: 'application/json',
    buffer: Buffer.from(world.file),
  });
  await expect
    .poll(() => page.getByTestId('settings-status').textContent(), { timeout: 15_000 })
    .toMatch(/^Imported/);
}

/** Settings → the HTTP remote at the proxy, with the token (an export never carries one). */
export async function connectRemote(
  page: Page,
  appUrl: string,
  proxy: { url: string },
): Promise<void> {
  await page.goto(`${appUrl}#/settings`);
  await page.getByLabel("My organization's sync server (HTTP)").check();
  await page.locator('#remote-url').fill(proxy.url);
  await page.locator('#remote-token').fill(CHAOS_TOKEN);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect
    .poll(() => page.getByTestId('settings-status').textContent())
    .toBe('Connection saved.');
}

/**
 * A device's first tab (at `route`): once a service worker controls it, the
 * world's export imported and the app connected to the server through `proxy`.
 */
export async function openDeviceTab(
  context: BrowserContext,
  appUrl: string,
  remote: { world: ChaosWorld; proxy: { url: string } },
  route = '#/',
): Promise<Watched> {
  const tab = await openWatchedTab(context, `${appUrl}${route}`);
  await waitForController(tab.page);
  await importWorld(tab.page, appUrl, remote.world);
  // An export never carries the token: the person enters it, as on a new device.
  await connectRemote(tab.page, appUrl, remote.proxy);
  return tab;
}

/** "Who am I" → the account with this email; resolves once home names the person. */
export async function continueAs(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}#/welcome`);
  await page.locator('button.account-choice', { hasText: email }).click();
  await expect.poll(() => page.getByTestId('who-name').textContent()).toContain('Person ');
}

/** Nothing waits in the page's outbox and no drain runs. */
export function settled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const app = window.mcidLink?.app;
    return app !== undefined && app.queuedCount.value === 0 && !app.sync.value.draining;
  });
}
