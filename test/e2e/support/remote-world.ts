/**
 * A world on the loopback reference server (behind the CORS proxy that can
 * cut the network), and the Settings flows that connect the app to it: the
 * setup the sync, upgrade and chaos tests share.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startReferenceServer, type ReferenceServer } from '../../sync/server/reference-server';
import { ANY_ACTOR } from '../../sync/server/world';
import {
  CHAOS_TOKEN,
  chaosWorld,
  startChaosProxy,
  type ChaosProxy,
  type ChaosWorld,
} from '../../reliability/chaos-world';

export interface RemoteWorld {
  server: ReferenceServer;
  proxy: ChaosProxy;
  world: ChaosWorld;
  close: () => Promise<void>;
}

/** `people` people on the reference server, reached through the proxy. */
export async function startRemoteWorld(people: number): Promise<RemoteWorld> {
  const server = await startReferenceServer({
    world: { organizations: [], accounts: [], profiles: [], associations: [] },
    tokens: { [CHAOS_TOKEN]: ANY_ACTOR },
  });
  const proxy = await startChaosProxy(server.url);
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
export async function connectRemote(page: Page, appUrl: string, proxy: ChaosProxy): Promise<void> {
  await page.goto(`${appUrl}#/settings`);
  await page.getByLabel("My organization's sync server (HTTP)").check();
  await page.locator('#remote-url').fill(proxy.url);
  await page.locator('#remote-token').fill(CHAOS_TOKEN);
  await page.getByRole('button', { name: 'Save connection' }).click();
  await expect
    .poll(() => page.getByTestId('settings-status').textContent())
    .toBe('Connection saved.');
}
