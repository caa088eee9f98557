// @vitest-environment happy-dom
/**
 * An organization admin's next screen is read ahead: once home has painted
 * their data, the organization screen's code, the store's reads of it and
 * the users list's first page load, so the click on "Organization" shows
 * the list with no download and no read to wait for. Nobody else downloads
 * or reads any of it. (test/e2e/preload.e2e.ts: the same in Chromium, after
 * home's paint.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppState, type AppState } from '../../src/state/app-state';
import { openDb } from '../../src/store';
import { DEFAULT_REPORT_QUERY } from '../../src/rules/org/report-rows';
import { DEFAULT_USERS_QUERY } from '../../src/rules/org/users';
// The screens' registry names the organization's screen (its code's loader).
import '../../src/ui/screens';
import { MeScreen } from '../../src/ui/screens/individual/me-screen';
import { readAheadForAdmin } from '../../src/ui/screens/org/read-ahead';
import { FIRST_PAGE_SIZE } from '../../src/ui/screens/org/first-page';
import { actAsInDemo, mount, until, type Rendered } from './org-support';

const orgCode = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/ui/screens/org/org-screen', async (importOriginal) => {
  orgCode.loads += 1;
  return importOriginal();
});

const NOW = new Date('2026-11-25T09:00:00Z');

let app: AppState | null = null;
let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
  app?.dispose();
  app = null;
  vi.useRealTimers();
});

async function demoAs(name: string): Promise<AppState> {
  app = createAppState(openDb(`t-${crypto.randomUUID()}`), {
    now: () => NOW,
    persist: () => Promise.resolve('granted'),
  });
  return actAsInDemo(app, name);
}

describe("an admin's organization screen is read ahead", () => {
  it('reads nothing for someone who is not an admin, even once home has shown', async () => {
    const hana = await demoAs('Hana Tanaka');
    const pages = vi.spyOn(hana, 'orgUsersPage');
    const reads = vi.spyOn(hana, 'preloadOrgReads');
    r = mount(<MeScreen />, 'en', true, hana);
    await until(() => {
      expect(r?.q('[data-testid=who-name]').textContent).toContain('Hana Tanaka');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(orgCode.loads).toBe(0);
    expect(pages).not.toHaveBeenCalled();
    expect(reads).not.toHaveBeenCalled();
  });

  it("home shows an admin's data, then reads ahead (once)", async () => {
    const aoi = await demoAs('Aoi Sato');
    const read = vi.spyOn(aoi, 'preloadOrgReads');
    r = mount(<MeScreen />, 'en', true, aoi);
    await until(() => {
      expect(r?.q('[data-testid=who-name]').textContent).toContain('Aoi Sato');
    });
    await until(() => {
      expect(read).toHaveBeenCalledTimes(1);
    });
    const me = aoi.me.value;
    if (!me) throw new Error('no data');
    readAheadForAdmin(aoi, me);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("loads the screen's code, the reads' code and the users list's first page, which the screen then shows at once", async () => {
    const aoi = await demoAs('Aoi Sato');
    const me = aoi.me.value;
    if (!me) throw new Error('no data');
    const pages = vi.spyOn(aoi, 'orgUsersPage');
    const reads = vi.spyOn(aoi, 'preloadOrgReads');
    readAheadForAdmin(aoi, me);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(pages).toHaveBeenCalledWith(me.org?.id, DEFAULT_USERS_QUERY, 0, FIRST_PAGE_SIZE);
    await until(() => {
      expect(orgCode.loads).toBeGreaterThan(0);
    });
    const first = pages.mock.results[0]?.value as AppState['me'];
    await until(() => {
      expect(first.value).not.toBeNull();
    });

    // The screen's first read is the page read ahead, already answered: the
    // list is in its first render.
    pages.mockClear();
    const { OrgScreen } = await import('../../src/ui/screens/org/org-screen');
    r = mount(<OrgScreen tab="users" />, 'en', true, aoi);
    expect(pages).toHaveBeenCalledWith(me.org?.id, DEFAULT_USERS_QUERY, 0, FIRST_PAGE_SIZE);
    expect(pages.mock.results[0]?.value).toBe(first);
    expect(r.qa('[data-testid=user-list] [data-testid=user]').length).toBeGreaterThan(0);
  });

  it("reads the skills report's first page once the users list has shown", async () => {
    const aoi = await demoAs('Aoi Sato');
    const report = vi.spyOn(aoi, 'reportPage');
    const { OrgScreen } = await import('../../src/ui/screens/org/org-screen');
    r = mount(<OrgScreen tab="users" />, 'en', true, aoi);
    await until(() => {
      expect(r?.qa('[data-testid=user]').length).toBeGreaterThan(0);
    });
    await until(() => {
      expect(report).toHaveBeenCalledWith(
        aoi.me.value?.org?.id,
        DEFAULT_REPORT_QUERY,
        0,
        FIRST_PAGE_SIZE,
      );
    });
    const ahead = report.mock.results[0]?.value as AppState['me'];
    await until(() => {
      expect(ahead.value).not.toBeNull();
    });
    // The report tab's first read is that page, answered: the table is in its first render.
    report.mockClear();
    r.unmount();
    r = mount(<OrgScreen tab="report" />, 'en', true, aoi);
    expect(report.mock.results[0]?.value).toBe(ahead);
    expect(r.qa('[data-testid=report-table]')).toHaveLength(1);
  });
});
