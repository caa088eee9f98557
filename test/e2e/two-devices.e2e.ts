/**
 * Issue 16 point 4 in Chromium, against the reference server with strict
 * CORS (only the app's origin, no proxy adding headers): two devices (two
 * contexts, separate storage) of one person; A links offline and syncs, B
 * removes that access, A's "Sync now" pulls the removal and says so. And the
 * permanent-failure message in Settings for a server that refuses the CORS
 * preflight and for one with no sync service at the URL.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../sync/server/reference-server';
import { ANY_ACTOR, stateOf } from '../sync/server/world';
import { todayUtc } from '../../src/rules';
import {
  CHAOS_TOKEN,
  chaosWorld,
  type ChaosPerson,
  type ChaosWorld,
} from '../reliability/chaos-world';
import { launch, waitForController, watchedPage, type Watched } from './support/browser';
import { connectRemote, importWorld } from './support/remote-world';
import { startStaticServer, type StaticServer } from './support/static-server';

/** A pass-through that can go down (the worker's fetches ignore setOffline); adds nothing, CORS included. */
interface Gate {
  url: string;
  down: boolean;
  close: () => Promise<void>;
}
async function startGate(target: string): Promise<Gate> {
  const upstream = new URL(target);
  const gate: Gate = { url: '', down: false, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    if (gate.down) {
      req.socket.destroy();
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  gate.url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  gate.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => {
        ok();
      });
    });
  return gate;
}

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

async function serve(
  people: number,
  options: Partial<ReferenceServerOptions>,
): Promise<{ server: ReferenceServer; gate: Gate; world: ChaosWorld }> {
  const server = await startReferenceServer({
    world: { organizations: [], accounts: [], profiles: [], associations: [] },
    tokens: { [CHAOS_TOKEN]: ANY_ACTOR },
    ...options,
  });
  const gate = await startGate(server.url);
  closers.push(
    () => server.close(),
    () => gate.close(),
  );
  const world = await chaosWorld(people, gate.url, new Date());
  Object.assign(server.world, world.server);
  return { server, gate, world };
}

async function device(world: ChaosWorld, gate: Gate, who: ChaosPerson) {
  const context = await browser.newContext({ locale: 'en-US' });
  const watched: Watched[] = [];
  const tab = await watchedPage(context);
  watched.push(tab);
  const { page } = tab;
  page.on('dialog', (d) => void d.accept());
  await page.goto(host.url);
  await waitForController(page);
  await importWorld(page, host.url, world);
  await connectRemote(page, host.url, gate);
  await page.goto(`${host.url}#/welcome`);
  await page.locator('button.account-choice', { hasText: who.email }).click();
  await expect.poll(() => page.getByTestId('who-name').textContent()).toContain('Person ');
  return { context, page, watched };
}

function settled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const app = window.mcidLink?.app;
    return app !== undefined && app.queuedCount.value === 0 && !app.sync.value.draining;
  });
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
function associations(page: Page): Promise<Assoc[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('mcid-link');
      req.onsuccess = () => {
        ok(req.result);
      };
      req.onerror = () => {
        fail(req.error ?? new Error('open'));
      };
    });
    const rows = await new Promise<Assoc[]>((ok, fail) => {
      const req = db.transaction('associations').objectStore('associations').getAll();
      req.onsuccess = () => {
        ok(req.result as Assoc[]);
      };
      req.onerror = () => {
        fail(req.error ?? new Error('read'));
      };
    });
    db.close();
    return rows;
  });
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
    const { server, gate, world } = await serve(2, {
      cors: { origin: new URL(host.url).origin },
    });
    const who = world.people.find((p) => !p.usedElsewhere);
    if (!who) throw new Error('no person');
    const serverActive = () => {
      const now = new Date();
      return active(stateOf(server.world, who.accountId, now, todayUtc(now)).associations);
    };
    const a = await device(world, gate, who);
    const b = await device(world, gate, who);
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
      const mine = (await associations(d.page)).filter((x) => x.accountId === who.accountId);
      expect(active(mine)).toEqual(active(theirs));
      const ends = new Map(mine.map((x) => [`${x.profileId}@${x.startedOn}`, x.endedOn]));
      for (const t of theirs)
        expect(ends.get(`${t.profileId}@${t.startedOn}`)).toBe(t.endedOn ?? null);
    }
  });
});

describe('the permanent-failure message in Settings', () => {
  async function problemAfterSyncs(options: Partial<ReferenceServerOptions>): Promise<string> {
    const { world, gate } = await serve(1, options);
    const who = world.people.find((p) => !p.usedElsewhere);
    if (!who) throw new Error('no person');
    const d = await device(world, gate, who);
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
