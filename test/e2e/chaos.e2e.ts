/**
 * The chaos run. In Chromium, two tabs of the app act as people of one
 * organization through the real screens (link, remove access), against the
 * reference server behind a proxy, on a seeded random schedule of faults:
 * tabs reloaded or closed mid-drain, the network cut and restored, the server
 * answering 5xx/429, hanging, dropping the connection after applying, or
 * delivering a request twice. At the end every action must be applied
 * exactly once or refused with a reason, none lost, and the remote's state
 * must equal the local view.
 *
 * `npm test` runs a short schedule; `npm run chaos` a long one.
 * CHAOS_SEED replays a schedule, CHAOS_ACTIONS sets its length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Fault } from '../sync/server/reference-server';
import type { ReferenceServer } from '../sync/server/reference-server';
import { stateOf } from '../sync/server/world';
import { todayUtc } from '../../src/rules';
import {
  seeded,
  type ChaosPerson,
  type ChaosProxy,
  type ChaosWorld,
} from '../reliability/chaos-world';
import { launch, waitForController, watchedPage, type Watched } from './support/browser';
import {
  connectRemote,
  importWorld,
  startRemoteWorld,
  type RemoteWorld,
} from './support/remote-world';
import { startStaticServer, type StaticServer } from './support/static-server';

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ACTIONS = Number(process.env.CHAOS_ACTIONS ?? 6);
const PEOPLE = Math.max(5, Math.ceil(ACTIONS / 2) + 3);

interface Row {
  id: string;
  state: string;
  code: string | null;
  lastError: string | null;
  accountId: string;
  profile: { id: string };
}
interface Assoc {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
}

/** The app's outbox and associations, read straight from IndexedDB. */
function localRows(page: Page): Promise<{ outbox: Row[]; associations: Assoc[] }> {
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
    const all = <T>(name: string) =>
      new Promise<T[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => {
          ok(req.result as T[]);
        };
        req.onerror = () => {
          fail(req.error ?? new Error('read'));
        };
      });
    const out = {
      outbox: await all<Row>('outbox'),
      associations: await all<Assoc>('associations'),
    };
    db.close();
    return out;
  });
}

let browser: Browser;
let host: StaticServer;
let server: ReferenceServer;
let proxy: ChaosProxy;
let world: ChaosWorld;

let remote: RemoteWorld;

beforeAll(async () => {
  browser = await launch();
  host = await startStaticServer('dist', '/');
  remote = await startRemoteWorld(PEOPLE);
  ({ server, proxy, world } = remote);
});
afterAll(async () => {
  await browser.close();
  await remote.close();
  await host.close();
});

async function openTab(context: BrowserContext, watched: Watched[]): Promise<Page> {
  const tab = await watchedPage(context);
  watched.push(tab);
  tab.page.on('dialog', (dialog) => {
    void dialog.accept();
  });
  await tab.page.goto(`${host.url}#/`);
  return tab.page;
}

async function actAs(page: Page, person: ChaosPerson): Promise<void> {
  await page.goto(`${host.url}#/welcome`);
  await page.locator('button.account-choice', { hasText: person.email }).click();
  await expect
    .poll(() => page.getByTestId('who-name').textContent({ timeout: 1_000 }), { timeout: 15_000 })
    .toBe(`Person P${String(person.n).padStart(2, '0')}`);
}

/** Link through the link screen; true when an action was queued. */
async function linkLearn(page: Page): Promise<boolean> {
  await page.goto(`${host.url}#/link/learn`);
  await page.getByRole('button', { name: 'Check' }).click();
  const ok = page.getByTestId('link-check');
  const refused = page.getByTestId('link-refusal');
  await Promise.race([ok.waitFor(), refused.waitFor()]);
  if (await refused.isVisible()) return false;
  await page.getByRole('button', { name: 'Link now' }).click();
  await page.getByTestId('link-done').waitFor();
  return true;
}

/** Remove access through the home screen's dialog; true when an action was queued. */
async function removeLearn(page: Page): Promise<boolean> {
  await page.goto(`${host.url}#/`);
  const button = page.locator('[data-testid=slot-learn] button');
  try {
    await button.waitFor({ timeout: 3_000 });
  } catch {
    return false; // not linked (any more): nothing to remove
  }
  await button.click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Remove access' }).click();
  await expect.poll(() => page.getByTestId('me-result').textContent()).toContain('Access removed');
  return true;
}

describe(`chaos (seed ${SEED}, ${ACTIONS} actions)`, () => {
  it('loses nothing, applies nothing twice, and ends where the remote is', async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const context = await browser.newContext({ locale: 'en-US' });
    const watched: Watched[] = [];
    const tabs = [await openTab(context, watched), await openTab(context, watched)];
    await waitForController(tabs[0] as Page);

    const first = tabs[0] as Page;
    await importWorld(first, host.url, world);
    await connectRemote(first, host.url, proxy);

    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfter: '1' },
      { kind: 'drop-after-apply' },
      { kind: 'duplicate' },
      { kind: 'hang' },
    ];
    const stage = new Map<string, 'link' | 'unlink' | 'done'>();
    const log: string[] = [];
    let made = 0;
    let offlineFor = 0;
    for (let step = 0; made < ACTIONS && step < ACTIONS * 4; step++) {
      const t = Math.floor(random() * tabs.length);
      const page = tabs[t] as Page;
      const open = world.people.filter((p) => stage.get(p.accountId) !== 'done');
      if (open.length === 0) break;
      const person = pick(open);
      const next = stage.get(person.accountId) ?? 'link';
      // Faults for what this action's drain will meet.
      if (random() < 0.5) {
        const fault = pick(faults);
        server.faults.push(fault);
        log.push(`fault ${fault.kind}${fault.kind === 'status' ? ` ${String(fault.status)}` : ''}`);
      }
      if (offlineFor === 0 && random() < 0.15) {
        offlineFor = 1 + Math.floor(random() * 2);
        proxy.down = true;
        await context.setOffline(true);
        log.push('network cut');
      }
      try {
        await actAs(page, person);
      } catch (e) {
        console.log(
          `chaos: seed ${String(SEED)} failed at step ${String(step)}:\n${log.join('\n')}`,
        );
        throw e;
      }
      const queued = next === 'link' ? await linkLearn(page) : await removeLearn(page);
      stage.set(person.accountId, next === 'link' && queued ? 'unlink' : 'done');
      if (queued) made++;
      log.push(`tab ${String(t)} ${next} P${String(person.n)}${queued ? '' : ' (nothing to do)'}`);
      // Mid-drain: the tab reloads, or closes and another opens.
      const r = random();
      if (r < 0.2) {
        await page.reload();
        log.push(`tab ${String(t)} reloaded`);
      } else if (r < 0.3) {
        await page.close();
        tabs[t] = await openTab(context, watched);
        log.push(`tab ${String(t)} closed and reopened`);
      }
      if (offlineFor > 0 && --offlineFor === 0) {
        proxy.down = false;
        await context.setOffline(false);
        log.push('network restored');
      }
    }

    // Calm: the network back, no more faults, and drains until nothing waits.
    proxy.down = false;
    server.faults.length = 0;
    await context.setOffline(false);
    const page = tabs[0] as Page;
    await page.goto(`${host.url}#/`);
    let rows = await localRows(page);
    const waiting = () =>
      rows.outbox.filter((e) => ['queued', 'sending', 'retry'].includes(e.state));
    for (let i = 0; i < 60 && (waiting().length > 0 || rows.outbox.length < made); i++) {
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForTimeout(1_000);
      rows = await localRows(page);
    }
    // Reconcile runs after the last settle: let it finish.
    await page.waitForTimeout(1_500);
    rows = await localRows(page);

    const handled = server.applyCounts;
    const applied = rows.outbox.filter((e) => e.state === 'applied' && handled.get(e.id) === 1);
    const refused = rows.outbox.filter(
      (e) => (e.state === 'rejected' && e.code) || (e.state === 'failed' && e.lastError),
    );
    const twice = [...handled.values()].filter((n) => n > 1).length;
    const known = new Set(rows.outbox.map((e) => e.id));
    const unknownToApp = [...handled.keys()].filter((id) => !known.has(id)).length;
    const lost = made - applied.length - refused.length + unknownToApp;

    const today = todayUtc(new Date());
    const mismatch: string[] = [];
    for (const person of world.people) {
      const remote = stateOf(server.world, person.accountId, new Date(), today)
        .associations.filter((a) => !a.endedOn)
        .map((a) => `${a.profileId}@${a.startedOn}`);
      const local = rows.associations
        .filter((a) => a.accountId === person.accountId && a.endedOn === null)
        .map((a) => `${a.profileId}@${a.startedOn}`);
      if (JSON.stringify(remote) !== JSON.stringify(local)) {
        mismatch.push(`P${String(person.n)}: remote ${remote.join()} local ${local.join()}`);
      }
    }

    console.log(
      `chaos: seed ${String(SEED)} · actions made ${String(made)} · applied ${String(applied.length)} · refused ${String(refused.length)} · lost ${String(lost)} · applied twice ${String(twice)} · requests ${String(server.received.length)} · replay with CHAOS_SEED=${String(SEED)}`,
    );
    if (lost !== 0 || twice !== 0 || mismatch.length > 0) console.log(log.join('\n'));
    expect(waiting()).toEqual([]);
    expect(lost).toBe(0);
    expect(twice).toBe(0);
    expect(mismatch).toEqual([]);
    expect(made).toBe(rows.outbox.length);
    for (const tab of watched) {
      expect(tab.violations).toEqual([]);
      expect(tab.errors).toEqual([]);
    }
    await context.close();
  }, 600_000);
});
