/**
 * The planner's data path over a real (fake-indexeddb) store with the demo:
 * Mei moved her MCID from Contoso (A) to Fabrikam (B) 6 days ago.
 */
import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../src/rules';
import { createAppState } from '../../../src/state/app-state';
import { followPlanner, type PlannerState } from '../../../src/state/planner/live';
import { simulatePlan } from '../../../src/rules/planner/simulate';
import { openDb } from '../../../src/store';

const NOW = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

function until(read: () => PlannerState, state: PlannerState['state'], ms = 3000) {
  return new Promise<PlannerState>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out; last: ${JSON.stringify(read())}`));
    }, ms);
    const stop = effect(() => {
      const value = read();
      if (value.state !== state) return;
      clearTimeout(timer);
      queueMicrotask(() => {
        stop();
      });
      resolve(value);
    });
  });
}

async function demo() {
  const db = openDb(`t-${crypto.randomUUID()}`);
  const app = createAppState(db, {
    now: () => NOW,
    persist: vi.fn(() => Promise.resolve('granted' as const)),
  });
  expect((await app.loadDemo()).ok).toBe(true);
  const meiB = (await db.accounts.where('email').equals('mei@fabrikam.example').first())?.id;
  if (!meiB) throw new Error('demo has no Mei at Fabrikam');
  return { db, app, meiB };
}

describe('followPlanner', () => {
  it('gathers the person’s accounts, organizations and whole history', async () => {
    const { app, meiB } = await demo();
    expect((await app.setCurrentAccount(meiB)).ok).toBe(true);
    const planner = followPlanner(app);
    const load = await until(() => planner.load.value, 'ready');
    if (load.state !== 'ready') throw new Error('not ready');
    const { data } = load;
    expect(data.today).toBe(TODAY);
    expect(data.accounts.map((a) => a.email).sort()).toEqual([
      'mei@contoso.example',
      'mei@fabrikam.example',
    ]);
    expect(data.organizations.map((o) => o.name).sort()).toEqual(['Contoso Japan', 'Fabrikam']);
    expect(data.associations).toHaveLength(2);
    expect(data.achievements.map((a) => a.code).sort()).toEqual(['AZ-900', 'PL-300']);

    // Moving back to A on day 10 is inside the cool-off of the move 6 days ago.
    const meiA = data.accounts.find((a) => a.email === 'mei@contoso.example')?.id ?? '';
    const out = simulatePlan(data, [{ kind: 'link', on: addDays(TODAY, 10), accountId: meiA }]);
    expect(out.steps[0]?.decision).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: addDays(TODAY, 24),
    });
    planner.dispose();
    app.dispose();
  });

  it('follows a change of account, and says when nobody is chosen', async () => {
    const { app, meiB } = await demo();
    const planner = followPlanner(app);
    await app.setCurrentAccount(meiB);
    await until(() => planner.load.value, 'ready');
    await app.setCurrentAccount(null);
    await until(() => planner.load.value, 'no-account');
    planner.dispose();
    app.dispose();
  });

  it('a change to the person’s data reaches the planner (an unlink ends the active start)', async () => {
    const { app, meiB } = await demo();
    await app.setCurrentAccount(meiB);
    const planner = followPlanner(app);
    const first = await until(() => planner.load.value, 'ready');
    if (first.state !== 'ready') throw new Error('not ready');
    const active = first.data.associations.filter((a) => a.endedOn === null);
    expect(active).toHaveLength(1);
    const profileId = active[0]?.profileId ?? '';
    const unlinked = await app.requestUnlink({ actorAccountId: meiB, accountId: meiB, profileId });
    expect(unlinked.ok).toBe(true);
    const after = await new Promise<PlannerState>((resolve) => {
      const stop = effect(() => {
        const value = planner.load.value;
        if (value.state !== 'ready' || value.data.associations.some((a) => a.endedOn === null)) {
          return;
        }
        queueMicrotask(() => {
          stop();
        });
        resolve(value);
      });
    });
    expect(after.state === 'ready' && after.data.associations).toHaveLength(2);
    planner.dispose();
    app.dispose();
  });

  it('a person without a Learn profile has nothing to plan', async () => {
    const { db, app } = await demo();
    const yuki = (await db.accounts.where('email').equals('yuki@contoso.example').first())?.id;
    await app.setCurrentAccount(yuki ?? null);
    const planner = followPlanner(app);
    await until(() => planner.load.value, 'no-profile');
    planner.dispose();
    app.dispose();
  });
});
