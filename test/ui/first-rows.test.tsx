// @vitest-environment happy-dom
/**
 * Home before the data state has started (a returning visit, src/main.tsx):
 * the rows the page read first (store/open-ahead) draw the person's home as
 * the data state would; the settings they hold decide whose home it is; an
 * action waits for the data state and is then the data state's; and once the
 * data state has home's view it takes over, with no loading between.
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppState, type AppState } from '../../src/state/app-state';
import { openDb } from '../../src/store';
import { openAhead, type HomeRows } from '../../src/store/open-ahead';
import type { FirstRows } from '../../src/state/first-rows';
import { FirstRowsContext } from '../../src/ui/data-context';
import { Screen } from '../../src/ui/screens';
import { firstMeData } from '../../src/ui/screens/individual/first-me-data';
import { HOME_DATA_MARK, MeScreen } from '../../src/ui/screens/individual/me-screen';
import { actAsInDemo, mount, settle, until, type Rendered } from './me-support';

const NOW = new Date('2026-11-25T09:00:00Z');

let r: Rendered | null = null;
let app: AppState | null = null;
// The first view reads the device's clock, as the data state does in the app.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  r?.unmount();
  r = null;
  app?.dispose();
  app = null;
  location.hash = '';
});

/** The demo, acting as `name`, and the rows the page's first read gets for that account. */
async function demoAndRows(name: string): Promise<{ s: AppState; rows: HomeRows }> {
  const dbName = `first-${crypto.randomUUID()}`;
  app = createAppState(openDb(dbName), {
    now: () => NOW,
    persist: () => Promise.resolve('granted'),
  });
  const s = await actAsInDemo(app, name);
  const rows = await openAhead({
    name: dbName,
    holdMs: 50,
    accountId: s.settings.value?.currentAccountId ?? null,
  });
  if (!rows) throw new Error('no rows read ahead');
  return { s, rows };
}

/**
 * What the person's home shows, but the server's news: the data state's
 * sync news is not among the rows read first, so that card comes with it.
 */
function homeText(rendered: Rendered): string {
  const copy = rendered.root.cloneNode(true) as HTMLElement;
  copy.querySelector('[data-testid="sync-news"]')?.remove();
  return copy.textContent;
}

function withFirst(first: FirstRows, ui: ComponentChildren) {
  return <FirstRowsContext.Provider value={signal(first)}>{ui}</FirstRowsContext.Provider>;
}

describe("home from the page's first rows", () => {
  it('draws the person\u2019s home before the data state has started, as the data state draws it', async () => {
    const { s, rows } = await demoAndRows('Hana Tanaka');
    r = mount(<MeScreen />, 'en', true, s);
    await until(() => {
      expect(r?.q('[data-testid="who-name"]').textContent).toContain('Hana Tanaka');
    });
    const fromState = homeText(r);
    r.unmount();

    performance.clearMarks(HOME_DATA_MARK);
    const first = { rows, data: signal<AppState | null>(null) };
    r = mount(withFirst(first, <Screen route={{ name: 'me' }} />));
    await until(() => {
      expect(r?.q('[data-testid="who-name"]').textContent).toContain('Hana Tanaka');
    });
    expect(homeText(r)).toBe(fromState);
    expect(performance.getEntriesByName(HOME_DATA_MARK)).toHaveLength(1);
  });

  it('goes by the settings the rows hold: nobody chosen is "who am I", another account waits', async () => {
    const { rows } = await demoAndRows('Hana Tanaka');
    const data = signal<AppState | null>(null);
    const nobody = { ...rows, settings: { ...rows.settings, currentAccountId: null } };
    r = mount(withFirst({ rows: nobody, data }, <Screen route={{ name: 'me' }} />));
    await until(() => {
      expect(location.hash).toBe('#/welcome');
    });
    r.unmount();

    location.hash = '#/';
    const other = { ...rows, settings: { ...rows.settings, currentAccountId: 'someone-else' } };
    r = mount(withFirst({ rows: other, data }, <Screen route={{ name: 'me' }} />));
    await until(() => {
      expect(r?.q('section').getAttribute('aria-busy')).toBe('true');
    });
    await settle();
    expect(location.hash).toBe('#/');
    expect(r.qa('[data-testid="who-name"]')).toHaveLength(0);
  });

  it('makes an action wait for the data state, then act through it', async () => {
    const { s, rows } = await demoAndRows('Hana Tanaka');
    const data = signal<AppState | null>(null);
    const first = firstMeData({ rows, data }, () => NOW);
    const profile = rows.profiles.find((p) => p.kind === 'learn');
    if (!profile) throw new Error('Hana has no Learn profile in the demo');
    let answered = false;
    const unlinked = first.unlink(profile.id).then((answer) => {
      answered = true;
      return answer;
    });
    await settle();
    expect(answered).toBe(false);
    const before = s.outbox.value.length;

    data.value = s;
    expect((await unlinked).ok).toBe(true);
    await until(() => {
      expect(s.outbox.value.length).toBe(before + 1);
    });
    expect(s.outbox.value.at(-1)).toMatchObject({ type: 'unlink', profile: { id: profile.id } });
  });

  it('gives way to the data state once it has home\u2019s view, with no loading between', async () => {
    const { s, rows } = await demoAndRows('Hana Tanaka');
    // The data state as it starts: its view not read yet.
    const meReady = signal(false);
    const starting: AppState = { ...s, meReady };
    const first = { rows, data: signal<AppState | null>(starting) };
    r = mount(withFirst(first, <MeScreen />), 'en', true, starting);
    await until(() => {
      expect(r?.q('[data-testid="who-name"]').textContent).toContain('Hana Tanaka');
    });
    expect(r.qa('[aria-busy="true"]')).toHaveLength(0);
    const drawn = homeText(r);
    meReady.value = true;
    await settle();
    expect(r.qa('[aria-busy="true"]')).toHaveLength(0);
    expect(homeText(r)).toBe(drawn);
  });
});
