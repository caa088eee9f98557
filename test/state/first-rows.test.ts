/**
 * The first rows' lifetime (state/first-rows): they serve until the data
 * state's first view of home and never after, so a later change of account
 * waits for its own view; and actions learn when the data state has started.
 */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/app-state';
import { dropOnFirstView, type FirstRows } from '../../src/state/first-rows';
import { dataStarted } from '../../src/state/first-view';
import type { HomeRows } from '../../src/store/open-ahead';

const rows = { account: { id: 'a1' }, settings: { currentAccountId: 'a1' } } as unknown as HomeRows;

/** Just what the lifetime reads of the data state. */
const appWith = (meReady: ReturnType<typeof signal<boolean>>) =>
  ({ meReady }) as unknown as AppState;

describe('the first rows', () => {
  it('go once the data state has its first view, and do not come back when it reads another', () => {
    const meReady = signal(false);
    const data = signal<AppState | null>(null);
    const first = signal<FirstRows | null>({ rows, data });
    dropOnFirstView(first, appWith(meReady));
    expect(first.value?.rows).toBe(rows);
    meReady.value = true;
    expect(first.value).toBeNull();
    // Another account chosen: its view is read, and home waits for it.
    meReady.value = false;
    expect(first.value).toBeNull();
  });

  it('go at once where the data state has its view already', () => {
    const first = signal<FirstRows | null>({ rows, data: signal(null) });
    dropOnFirstView(first, appWith(signal(true)));
    expect(first.value).toBeNull();
  });
});

describe('dataStarted', () => {
  it('answers with the data state once it has started, not before', async () => {
    const data = signal<AppState | null>(null);
    let started: AppState | null = null;
    void dataStarted(data).then((app) => {
      started = app;
    });
    await Promise.resolve();
    expect(started).toBeNull();
    const app = appWith(signal(false));
    data.value = app;
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(app);
    // Already started: at once.
    expect(await dataStarted(data)).toBe(app);
  });
});
