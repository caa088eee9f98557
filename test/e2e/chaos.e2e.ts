/**
 * The chaos run. In Chromium, two devices (two browser contexts, each with
 * its own storage and service worker) act as people of one organization
 * against the reference server, each through its own proxy so that one
 * device's network can be cut while the other's works. Device A has two
 * tabs, device B one. Most actions go through the app's state layer in the
 * page (`window.mcidLink.app`, the object the screens call); some go
 * through the real screens (link, remove access). On a seeded schedule:
 * tabs reloaded or closed and reopened, a device's network cut and restored,
 * its service worker stopped mid-drain, and the server answering 5xx/429,
 * hanging, dropping the connection after applying, answering malformed
 * JSON, or handling a request twice.
 *
 * Then calm: the network back, no faults, "Sync now" on each device until
 * nothing waits, and the app's own pull of the organization on each (as its
 * admin). Every action made must be applied exactly once or refused with a
 * reason (none lost, none applied twice), and every device's associations
 * must equal the server's.
 *
 * `npm test` runs a short schedule (seed 4, 6 actions); `npm run chaos` the
 * 1,000-action one. CHAOS_SEED replays a schedule, CHAOS_ACTIONS sets its length,
 * CHAOS_LOG=<file> writes the schedule step by step.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Fault } from '../sync/server/reference-server';
import type { ReferenceServer } from '../sync/server/reference-server';
import { stateOf } from '../sync/server/world';
import { todayUtc } from '../../src/rules';
import {
  seeded,
  startChaosProxy,
  type ChaosPerson,
  type ChaosProxy,
  type ChaosWorld,
} from '../reliability/chaos-world';
import { openWatchedTab, type Watched } from './support/browser';
import { readTable } from './support/local-db';
import { openDeviceTab, settled, startRemoteWorld, type RemoteWorld } from './support/remote-world';
import { servedApp } from './support/served-app';

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ACTIONS = Number(process.env.CHAOS_ACTIONS ?? 6);
/** A file to write the whole schedule to (what happened, step by step), for a replay. */
const LOG_FILE = process.env.CHAOS_LOG;
/** A person takes a few actions at most on a device (link, unlink, a stale retry): enough people for all. */
const PER_PERSON = 3;
const PEOPLE = Math.max(6, Math.ceil(ACTIONS / 2) + 5);
/** Share of the actions made through the real screens (the first one on each device always is). */
const UI_SHARE = 0.03;

interface Row {
  id: string;
  state: string;
  code: string | null;
  lastError: string | null;
  accountId: string;
}
interface Assoc {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
}

/** The app's outbox and associations, read straight from IndexedDB. */
async function localRows(page: Page): Promise<{ outbox: Row[]; associations: Assoc[] }> {
  return {
    outbox: await readTable<Row>(page, 'outbox'),
    associations: await readTable<Assoc>(page, 'associations'),
  };
}

interface Device {
  name: string;
  context: BrowserContext;
  proxy: ChaosProxy;
  tabs: Page[];
  watched: Watched[];
  /** Steps left until its network comes back (0: online). */
  offlineFor: number;
  /** Actions made per account on this device. */
  actions: Map<string, number>;
  /** Ids of the actions made through the state layer here. */
  ids: string[];
  /** Actions made through the screens here (their ids are found in the outbox). */
  viaUi: number;
}

const app = servedApp();
let server: ReferenceServer;
let world: ChaosWorld;
let remote: RemoteWorld;
let proxyB: ChaosProxy;

beforeAll(async () => {
  remote = await startRemoteWorld(PEOPLE);
  ({ server, world } = remote);
  proxyB = await startChaosProxy(server.url);
});
afterAll(async () => {
  await proxyB.close();
  await remote.close();
});

async function openTab(device: Device, route = '#/settings'): Promise<Page> {
  const tab = await openWatchedTab(device.context, `${app.server.url}${route}`);
  device.watched.push(tab);
  return tab.page;
}

/** A device that imported the organization's data and connected to the server through its proxy. */
async function openDevice(name: string, proxy: ChaosProxy, tabs: number): Promise<Device> {
  const context = await app.browser.newContext({ locale: 'en-US' });
  const first = await openDeviceTab(context, app.server.url, { world, proxy });
  const device: Device = {
    name,
    context,
    proxy,
    tabs: [first.page],
    watched: [first],
    offlineFor: 0,
    actions: new Map(),
    ids: [],
    viaUi: 0,
  };
  for (let i = 1; i < tabs; i++) device.tabs.push(await openTab(device));
  return device;
}

interface Made {
  id?: string;
  type: 'link' | 'unlink';
  code?: string;
}

/**
 * One action through the state layer: link the person's Learn profile, or,
 * where this device sees it linked already, unlink it. The local rules may
 * refuse (cool-off): nothing is queued then.
 */
function stateAction(page: Page, person: ChaosPerson): Promise<Made> {
  return page.evaluate(
    async ({ accountId, profileId }) => {
      // After a reload the data state arrives a moment after the page.
      for (let i = 0; !window.mcidLink; i++) {
        if (i > 500) throw new Error('the app never published its data state');
        await new Promise((ok) => setTimeout(ok, 20));
      }
      const { app } = window.mcidLink;
      const req = { actorAccountId: accountId, accountId, profileId };
      const linked = await app.requestLink(req);
      if (linked.ok) return { id: linked.value.id, type: 'link' as const };
      if (linked.code !== 'ALREADY_LINKED') return { type: 'link' as const, code: linked.code };
      const unlinked = await app.requestUnlink(req);
      return unlinked.ok
        ? { id: unlinked.value.id, type: 'unlink' as const }
        : { type: 'unlink' as const, code: unlinked.code };
    },
    { accountId: person.accountId, profileId: person.profileId },
  );
}

async function actAs(page: Page, person: ChaosPerson): Promise<void> {
  await page.goto(`${app.server.url}#/welcome`);
  await page.locator('button.account-choice', { hasText: person.email }).click();
  await expect
    .poll(() => page.getByTestId('who-name').textContent({ timeout: 1_000 }), { timeout: 15_000 })
    .toBe(`Person P${String(person.n).padStart(4, '0')}`);
}

/**
 * One action through the screens: as the person, remove access from home
 * when this device shows the profile linked, else link it on the link
 * screen. True when an action was queued.
 */
async function uiAction(page: Page, person: ChaosPerson): Promise<Made> {
  await actAs(page, person);
  await page.goto(`${app.server.url}#/`);
  const slot = page.getByTestId('slot-learn');
  await slot.locator('.pill-ok, .pill-none').first().waitFor();
  if ((await slot.locator('.pill-ok').count()) > 0) {
    await slot.locator('button').first().click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Remove access' }).click();
    await expect
      .poll(() => page.getByTestId('me-result').textContent())
      .toContain('Access removed');
    return { type: 'unlink', id: '' };
  }
  await page.goto(`${app.server.url}#/link/learn`);
  await page.getByRole('button', { name: 'Check' }).click();
  const ok = page.getByTestId('link-check');
  const refused = page.getByTestId('link-refusal');
  await Promise.race([ok.waitFor(), refused.waitFor()]);
  if (await refused.isVisible()) return { type: 'link', code: 'refused on screen' };
  await page.getByRole('button', { name: 'Link now' }).click();
  await page.getByTestId('link-done').waitFor();
  return { type: 'link', id: '' };
}

async function setNetwork(device: Device, up: boolean): Promise<void> {
  // setOffline does not reach the worker's own fetches: its proxy goes down too.
  device.proxy.down = !up;
  await device.context.setOffline(!up);
}

/** Stops the device's service worker, wherever its drain is (the next wake starts a new one). */
async function stopWorker(device: Device): Promise<void> {
  const cdp = await device.context.newCDPSession(device.tabs[0] as Page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * The app's own pull of the whole organization, on the device: "who am I" is
 * the organization's admin, and the device's service worker is asked to drain
 * with an organization pull (the worker's DRAIN message, as the page's bridge
 * sends it), until a drain was not busy. Returns its report.
 */
async function pullOrganization(device: Device): Promise<{ pulled: number; reconciled: number }> {
  const page = device.tabs[0] as Page;
  for (let i = 0; i < 30; i++) {
    const answer = await page.evaluate(async (adminId) => {
      const app = window.mcidLink?.app;
      if (!app) throw new Error('the app has not published its data state');
      const signed = await app.signIn(adminId);
      if (!signed.ok) throw new Error(signed.code);
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker) throw new Error('no active service worker');
      return new Promise<{
        ok: boolean;
        report?: { outcome: string; pulled: number; reconciled: number };
      }>((ok, fail) => {
        const channel = new MessageChannel();
        const timer = setTimeout(() => {
          fail(new Error('the worker did not answer'));
        }, 60_000);
        channel.port1.onmessage = (event) => {
          clearTimeout(timer);
          ok(event.data as { ok: boolean });
        };
        worker.postMessage(
          { type: 'DRAIN', reason: 'chaos: pull', ignoreBackoff: true, pull: 'org' },
          [channel.port2],
        );
      });
    }, world.adminAccountId);
    const report = answer.report;
    if (answer.ok && report && report.outcome !== 'busy') return report;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`${device.name}: the organization pull never ran`);
}

/** "Sync now" on the device's Settings screen until nothing waits. */
async function syncNow(device: Device): Promise<void> {
  const page = device.tabs[0] as Page;
  await page.goto(`${app.server.url}#/settings`);
  const button = page.getByRole('button', { name: 'Sync now' });
  for (let i = 0; i < 30; i++) {
    // Disabled while a drain runs; click() waits until it is enabled.
    await button.click({ timeout: 30_000 });
    // A drain that was running (a hang, say) answers first; this click's drain follows it.
    await expect.poll(() => settled(page), { timeout: 30_000, interval: 100 }).toBe(true);
    const { outbox } = await localRows(page);
    if (!outbox.some((e) => ['queued', 'sending', 'retry'].includes(e.state))) return;
  }
}

const key = (a: { profileId: string; startedOn: string }) => `${a.profileId}@${a.startedOn}`;

/** Where the device's associations differ from the server's, account by account. */
function differences(device: Device, associations: Assoc[]): { accountId: string; text: string }[] {
  const now = new Date();
  const today = todayUtc(now);
  const out: { accountId: string; text: string }[] = [];
  for (const person of world.people) {
    const theirs = stateOf(server.world, person.accountId, now, today).associations;
    const mine = associations.filter((a) => a.accountId === person.accountId);
    const active = (list: { endedOn?: string | null }[]) =>
      list
        .filter((a) => !a.endedOn)
        .map((a) => key(a as Assoc))
        .sort()
        .join();
    const local = new Map(mine.map((a) => [key(a), a]));
    // Every association the server lists, with its end; the same active ones. (A device may
    // keep ended rows the server does not list: history the yearly limit counts.)
    const ends = theirs.filter((a) => {
      const row = local.get(key(a));
      return row === undefined || row.endedOn !== (a.endedOn ?? null);
    });
    if (active(theirs) !== active(mine) || ends.length > 0) {
      const text = `${device.name} P${String(person.n)}: server ${theirs.map((a) => `${key(a)}-${a.endedOn ?? ''}`).join()} device ${mine.map((a) => `${key(a)}-${a.endedOn ?? ''}`).join()}`;
      out.push({ accountId: person.accountId, text });
    }
  }
  return out;
}

describe(`chaos (seed ${String(SEED)}, ${String(ACTIONS)} actions)`, () => {
  it('loses nothing, applies nothing twice, and every device ends where the server is', async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const devices = [await openDevice('A', remote.proxy, 2), await openDevice('B', proxyB, 1)];

    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfter: '1' },
      { kind: 'drop-after-apply' },
      { kind: 'drop-after-apply' },
      { kind: 'duplicate' },
      { kind: 'malformed', body: '{"results": [' },
      { kind: 'malformed', body: '{"results":[{"id":"x","status":"applied"}]}' },
    ];
    const stateFaults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'malformed', body: '{"states": 1}' },
    ];
    const log: string[] = [];
    const fail = (step: number, error: unknown): never => {
      if (LOG_FILE) writeFileSync(LOG_FILE, `${log.join('\n')}\n`);
      console.log(
        `chaos: seed ${String(SEED)} failed at step ${String(step)}:\n${log.slice(-80).join('\n')}`,
      );
      throw error;
    };
    let made = 0;
    let declined = 0;
    for (let step = 0; made < ACTIONS && step < ACTIONS * 4; step++) {
      const device = pick(devices);
      const t = Math.floor(random() * device.tabs.length);
      const page = device.tabs[t] as Page;
      const open = world.people.filter((p) => (device.actions.get(p.accountId) ?? 0) < PER_PERSON);
      if (open.length === 0) break;
      const person = pick(open);
      device.actions.set(person.accountId, (device.actions.get(person.accountId) ?? 0) + 1);

      // What this action's drain (or a later one) will meet.
      const r = random();
      if (server.faults.length < 2 && r < 0.25) {
        // A hang costs a drainer its 15 s time-out: rare.
        const fault = random() < 0.04 ? ({ kind: 'hang' } as const) : pick(faults);
        server.faults.push(fault);
        log.push(`fault ${fault.kind}${fault.kind === 'status' ? ` ${String(fault.status)}` : ''}`);
      } else if (server.stateFaults.length < 2 && r < 0.3) {
        const fault = pick(stateFaults);
        server.stateFaults.push(fault);
        log.push(`state read fault ${fault.kind}`);
      }
      if (device.offlineFor === 0 && random() < 0.02) {
        device.offlineFor = 3 + Math.floor(random() * 25);
        await setNetwork(device, false);
        log.push(`${device.name} network cut`);
      }

      const viaUi = device.viaUi === 0 || random() < UI_SHARE;
      let result: Made;
      try {
        result = viaUi ? await uiAction(page, person) : await stateAction(page, person);
      } catch (error) {
        return fail(step, error);
      }
      if (result.id !== undefined) {
        made++;
        if (viaUi) device.viaUi++;
        else device.ids.push(result.id);
      } else {
        declined++;
      }
      log.push(
        `${device.name}${String(t)} ${viaUi ? 'screen' : 'state'} ${result.type} P${String(person.n)}${result.code ? ` (declined here: ${result.code})` : ''}`,
      );

      // Mid-drain: a tab reloads, or closes and another opens, or the worker stops.
      const q = random();
      if (q < 0.02) {
        await page.reload();
        log.push(`${device.name}${String(t)} reloaded`);
      } else if (q < 0.03) {
        await page.close();
        device.tabs[t] = await openTab(device);
        log.push(`${device.name}${String(t)} closed and reopened`);
      } else if (q < 0.04) {
        await stopWorker(device);
        log.push(`${device.name} worker stopped`);
      }
      if (device.offlineFor > 0 && --device.offlineFor === 0) {
        await setNetwork(device, true);
        log.push(`${device.name} network restored`);
      }
      // People do not act at machine speed: drains meet new actions now and then.
      if (random() < 0.3) {
        await new Promise((ok) => setTimeout(ok, Math.floor(random() * 150)));
      }
    }

    // Calm: every network back, no more faults, "Sync now" on each device until nothing waits.
    server.faults.length = 0;
    server.stateFaults.length = 0;
    for (const device of devices) await setNetwork(device, true);
    for (const device of devices) await syncNow(device);
    // The first device's last drain may have settled before the second delivered its own.
    for (const device of devices) await syncNow(device);
    // Each device learns what the other changed: the app's pull of the organization.
    for (const device of devices) {
      const pull = await pullOrganization(device);
      expect(pull.pulled).toBeGreaterThan(PEOPLE);
      expect(pull.reconciled).toBe(pull.pulled);
    }

    const results = server.results;
    let applied = 0;
    let refused = 0;
    let waiting = 0;
    let twice = 0;
    const mismatch: string[] = [];
    const known = new Map<string, { device: string; accountId: string }>();
    let outboxTotal = 0;
    const local = new Map<Device, Awaited<ReturnType<typeof localRows>>>();
    for (const device of devices) {
      const rows = await localRows(device.tabs[0] as Page);
      local.set(device, rows);
      for (const e of rows.outbox) known.set(e.id, { device: device.name, accountId: e.accountId });
    }
    for (const device of devices) {
      const rows = local.get(device) ?? { outbox: [], associations: [] };
      outboxTotal += rows.outbox.length;
      for (const e of rows.outbox) {
        const answer = results.get(e.id);
        if (e.state === 'applied' && answer?.status === 'applied') applied++;
        else if (e.state === 'rejected' && e.code && answer?.code === e.code) refused++;
        // 400/422: refused by the server for the whole batch, never handled.
        else if (e.state === 'failed' && e.lastError && !answer) refused++;
        else if (['queued', 'sending', 'retry'].includes(e.state)) waiting++;
      }
      const ids = new Set(rows.outbox.map((e) => e.id));
      const missing = device.ids.filter((id) => !ids.has(id));
      if (missing.length > 0)
        mismatch.push(`${device.name}: made but not in the outbox: ${missing.join()}`);
      mismatch.push(...differences(device, rows.associations).map((d) => d.text));
    }
    for (const [id, count] of server.applyCounts) {
      // Handled more than once, or handled and made by no device: an action applied twice.
      if (count > 1 || !known.has(id)) twice++;
    }
    // Entries beyond what was made: one action queued twice.
    twice += Math.max(0, outboxTotal - made);
    const lost = made - applied - refused;
    const equal = mismatch.length === 0;

    if (LOG_FILE) writeFileSync(LOG_FILE, `${log.join('\n')}\n`);
    console.log(
      `chaos: seed ${String(SEED)} · actions made ${String(made)} · applied ${String(applied)} · refused ${String(refused)} · lost ${String(lost)} · applied twice ${String(twice)} · devices equal ${equal ? 'yes' : 'no'}`,
    );
    if (lost !== 0 || twice !== 0 || !equal) {
      console.log(
        `replay with CHAOS_SEED=${String(SEED)} CHAOS_ACTIONS=${String(ACTIONS)}; declined here ${String(declined)}, still waiting ${String(waiting)}\n${mismatch.slice(0, 40).join('\n')}\n${log.slice(-200).join('\n')}`,
      );
    }
    expect(waiting).toBe(0);
    expect(lost).toBe(0);
    expect(twice).toBe(0);
    expect(mismatch).toEqual([]);
    for (const device of devices) {
      for (const tab of device.watched) {
        expect(tab.violations).toEqual([]);
        expect(tab.errors).toEqual([]);
      }
      await device.context.close();
    }
  }, 900_000);
});
