/**
 * Issue 16 point 4 in Chromium, against the reference server with strict
 * CORS (only the app's origin, no proxy adding headers): two devices (two
 * contexts, separate storage) of one person; A links offline and syncs, B
 * removes that access, A's "Sync now" pulls the removal and says so. And the
 * permanent-failure message in Settings for a server that refuses the CORS
 * preflight and for one with no sync service at the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ReferenceServerOptions } from '../sync/server/reference-server';
import { stateOf } from '../sync/server/world';
import { todayUtc } from '../../src/rules';
import type { ChaosPerson } from '../reliability/chaos-world';
import { launch } from './support/browser';
import { readTable } from './support/local-db';
import {
  continueAs,
  openDeviceTab,
  settled,
  startRemoteWorld,
  type RemoteWorld,
} from './support/remote-world';
import { startStaticServer, type StaticServer } from './support/static-server';

let browser: Browser;
let host: StaticServer;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launch();
  host = await startStaticServer('dist', '/');
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await browser.close();
  await host.close();
});

/**
 * `people` people on a reference server with these options, behind a
 * pass-through that can go down (the worker's fetches ignore setOffline) and
 * adds nothing, CORS included.
 */
async function serve(people: number, options: Partial<ReferenceServerOptions>) {
  const remote = await startRemoteWorld(people, { server: options, proxyCors: false });
  closers.push(() => remote.close());
  return remote;
}

async function device(remote: RemoteWorld, who: ChaosPerson) {
  const context = await browser.newContext({ locale: 'en-US' });
  const tab = await openDeviceTab(context, host.url, remote, '');
  await continueAs(tab.page, host.url, who.email);
  return { context, page: tab.page, watched: [tab] };
}

/** Settings → "Sync now", then wait until no drain runs and nothing waits. */
async function syncNow(page: Page): Promise<void> {
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 30_000 });
  await expect.poll(() => settled(page), { timeout: 30_000, interval: 100 }).toBe(true);
}

interface Assoc {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
}

/** The person's active associations as "profile@start", sorted. */
const active = (
  rows: { accountId?: string; profileId: string; startedOn: string; endedOn?: string | null }[],
) =>
  rows
    .filter((a) => !a.endedOn)
    .map((a) => `${a.profileId}@${a.startedOn}`)
    .sort();

describe('two devices against a strict-CORS server', () => {
  it('a link made offline on A, removed on B, shows as removed on A after Sync now', async () => {
    const remote = await serve(2, { cors: { origin: new URL(host.url).origin } });
    const { server, proxy: gate, world } = remote;
    const who = world.people.find((p) => !p.usedElsewhere);
    if (!who) throw new Error('no person');
    const serverActive = () => {
      const now = new Date();
      return active(stateOf(server.world, who.accountId, now, todayUtc(now)).associations);
    };
    const a = await device(remote, who);
    const b = await device(remote, who);
    closers.push(
      () => a.context.close(),
      () => b.context.close(),
    );
    expect(serverActive()).toEqual([]);

    // A links while the server is out of reach.
    gate.down = true;
    await a.context.setOffline(true);
    await a.page.goto(`${host.url}#/link/learn`);
    await a.page.getByRole('button', { name: 'Check' }).click();
    await a.page.getByTestId('link-check').waitFor();
    await a.page.getByRole('button', { name: 'Link now' }).click();
    await expect.poll(() => a.page.getByTestId('link-done').textContent()).toContain('offline');
    expect(serverActive()).toEqual([]);

    // A is back: its sync applies the link once.
    gate.down = false;
    await a.context.setOffline(false);
    await syncNow(a.page);
    expect(serverActive()).toEqual([`${who.profileId}@${todayUtc(new Date())}`]);
    expect([...server.applyCounts.values()]).toEqual([1]);

    // B pulls, sees the link, removes access from its home screen.
    await syncNow(b.page);
    await b.page.goto(`${host.url}#/`);
    const slotB = b.page.getByTestId('slot-learn');
    await slotB.locator('.pill-ok').waitFor();
    await slotB.locator('button').first().click();
    await b.page.locator('dialog[open]').getByRole('button', { name: 'Remove access' }).click();
    await expect
      .poll(() => b.page.getByTestId('me-result').textContent())
      .toContain('Access removed');
    await syncNow(b.page);
    expect(serverActive()).toEqual([]);
    expect([...server.applyCounts.values()]).toEqual([1, 1]);

    // A: "Sync now" pulls (a return to the tab would be throttled); home shows the removal.
    await syncNow(a.page);
    await a.page.goto(`${host.url}#/`);
    const slotA = a.page.getByTestId('slot-learn');
    await slotA.locator('.pill-none').waitFor();
    expect(await slotA.locator('.pill-ok').count()).toBe(0);
    await expect
      .poll(() => a.page.getByTestId('sync-changes').textContent())
      .toMatch(/Your Microsoft Learn link to .+ was removed on another device/);

    // Both devices end where the server is.
    const now = new Date();
    const theirs = stateOf(server.world, who.accountId, now, todayUtc(now)).associations;
    for (const d of [a, b]) {
      const mine = (await readTable<Assoc>(d.page, 'associations')).filter(
        (x) => x.accountId === who.accountId,
      );
      expect(active(mine)).toEqual(active(theirs));
      const ends = new Map(mine.map((x) => [`${x.profileId}@${x.startedOn}`, x.endedOn]));
      for (const t of theirs)
        expect(ends.get(`${t.profileId}@${t.startedOn}`)).toBe(t.endedOn ?? null);
    }
  });
});

describe('the permanent-failure message in Settings', () => {
  async function problemAfterSyncs(options: Partial<ReferenceServerOptions>): Promise<string> {
    const remote = await serve(1, options);
    const who = remote.world.people.find((p) => !p.usedElsewhere);
    if (!who) throw new Error('no person');
    const d = await device(remote, who);
    closers.push(() => d.context.close());
    // An action that waits, so every drain tries link-actions.
    await d.page.goto(`${host.url}#/link/learn`);
    await d.page.getByRole('button', { name: 'Check' }).click();
    await d.page.getByTestId('link-check').waitFor();
    await d.page.getByRole('button', { name: 'Link now' }).click();
    await d.page.getByTestId('link-done').waitFor();
    await d.page.goto(`${host.url}#/settings`);
    const problem = d.page.getByTestId('sync-problem');
    const button = d.page.getByRole('button', { name: 'Sync now' });
    for (let i = 0; i < 8 && (await problem.count()) === 0; i++) {
      await button.click({ timeout: 30_000 });
      await expect
        .poll(() => d.page.evaluate(() => window.mcidLink?.app.sync.value.draining), {
          timeout: 30_000,
        })
        .toBe(false);
    }
    await problem.waitFor({ timeout: 15_000 });
    return (await problem.textContent()) ?? '';
  }

  it('names CORS, the headers and this origin when the preflight is refused', async () => {
    const text = await problemAfterSyncs({ cors: 'refuse' });
    expect(text).toContain('does not accept requests from this app');
    expect(text).toContain('Idempotency-Key');
    expect(text).toContain(new URL(host.url).origin);
  });

  it('says there is no sync service at the URL on a 404 from link-actions', async () => {
    const text = await problemAfterSyncs({
      cors: { origin: new URL(host.url).origin },
      linkActionsStatus: 404,
    });
    expect(text).toContain('There is no sync service at');
  });
});
