// @vitest-environment happy-dom
/**
 * The organization screen over a real app state (Dexie on fake-indexeddb,
 * the demo data of companies A and B, a fixed day): who may see it, what an
 * admin's actions change in the store, and the move seen from A and from B.
 */
import { signal } from '@preact/signals';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppState, type AppState } from '../../src/state/app-state';
import type { OrgTab } from '../../src/state/shell';
import { openDb } from '../../src/store';
import { account, cert, learn, link, seed } from '../rules/org/fixtures';
import { OrgScreen } from '../../src/ui/screens/org/org-screen';
import {
  actAsInDemo,
  choose,
  click,
  mount,
  submit,
  type,
  until,
  type Rendered,
} from './org-support';

const NOW = new Date('2026-11-25T09:00:00Z');

let r: Rendered | null = null;
let app: AppState | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
  app?.dispose();
  app = null;
  localStorage.clear();
});

async function demoAs(name: string, email?: string): Promise<AppState> {
  const db = openDb(`t-${crypto.randomUUID()}`);
  app = createAppState(db, { now: () => NOW, persist: () => Promise.resolve('granted') });
  return actAsInDemo(app, name, email);
}

const card = (view: Rendered, name: string) => {
  const found = view
    .qa('[data-testid=user]')
    .find((li) => li.querySelector('h3')?.textContent.startsWith(name));
  if (!found) throw new Error(`no card for ${name}`);
  return found;
};

/** Waits until the pager says `range` (a page is read asynchronously). */
function pagerShows(range: string): Promise<void> {
  return until(() => {
    expect(r?.q('.pager-range').textContent).toBe(range);
  });
}

describe('who may see the organization view', () => {
  it('a person without an admin role sees that it is for admins only', async () => {
    r = mount(<OrgScreen tab="users" />, 'en', true, await demoAs('Hana Tanaka'));
    await until(() => {
      expect(r?.q('[data-testid=admins-only]').textContent).toContain('Admins only');
    });
    expect(r.qa('[data-testid=user], form')).toHaveLength(0);
  });

  it('shows a loading skeleton until the data layer is there', () => {
    r = mount(<OrgScreen tab="users" />);
    expect(r.q('section').getAttribute('aria-busy')).toBe('true');
  });
});

describe('company A, as its global admin', () => {
  it('adds a user through the store, who then shows as never signed in', async () => {
    const s = await demoAs('Aoi Sato');
    r = mount(<OrgScreen tab="users" />, 'en', true, s);
    await until(() => {
      expect(r?.qa('[data-testid=user]').length).toBeGreaterThan(3);
    });
    await type(r.q<HTMLInputElement>('#add-user-name'), 'Sam Lee');
    await type(r.q<HTMLInputElement>('#add-user-email'), 'sam@contoso.example');
    await submit(r.q<HTMLFormElement>('[data-testid=add-user]'));
    await until(() => {
      expect(
        card(r as Rendered, 'Sam Lee').querySelector('[data-testid=no-response]'),
      ).not.toBeNull();
    });
    const orgId = s.me.value?.account.orgId ?? '';
    const sam = s.orgUsersPage(orgId, { text: 'sam@', state: 'never-signed-in' }, 0, 25);
    await until(() => {
      expect(sam.value?.users.map((u) => u.account.email)).toEqual(['sam@contoso.example']);
    });
  });

  it('deletes Hana: the store ends her links and the report lists her rows as scheduled removals', async () => {
    const s = await demoAs('Aoi Sato');
    r = mount(<OrgScreen tab="users" />, 'en', true, s);
    await until(() => {
      card(r as Rendered, 'Hana Tanaka');
    });
    await click(card(r, 'Hana Tanaka').querySelector('button') as HTMLElement);
    await click(r.byText('Delete account', 'dialog button'));
    await until(() => {
      expect(r?.q('[data-testid=delete-result]').textContent).toContain(
        'leave the skills report on Dec 10, 2026',
      );
    });
    const orgId = s.me.value?.account.orgId ?? '';
    const hana = s.reportPage(
      orgId,
      { text: 'Hana Tanaka', status: 'all', sort: 'name', dir: 'asc' },
      0,
      100,
    );
    await until(() => {
      const rows = hana.value?.rows ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.countsUntil === '2026-12-10')).toBe(true);
    });
  });

  it("sees Mei's move: link ended (moved) and the day her achievements leave", async () => {
    r = mount(<OrgScreen tab="users" />, 'en', true, await demoAs('Aoi Sato'));
    await until(() => {
      expect(
        card(r as Rendered, 'Mei Suzuki').querySelector('[data-testid=link-ended]')?.textContent,
      ).toBe(
        'Learning profile link ended (moved to another organization) on Nov 19, 2026. Their achievements leave the skills report on Dec 10, 2026.',
      );
    });
  });
});

describe('each section reads only what it shows (issue 8: 10,000 users, 100,000 achievements)', () => {
  it('Users never starts the skills report; Report starts it; back on Users the list is there at once', async () => {
    const s = await demoAs('Aoi Sato');
    const report = vi.spyOn(s, 'reportPage');
    const rows = vi.spyOn(s, 'reportRows');
    const users = vi.spyOn(s, 'orgUsersPage');
    const tab = signal<OrgTab>('users');
    const Switch = () => <OrgScreen tab={tab.value} />;
    r = mount(<Switch />, 'en', true, s);
    // Mei's ended link is on her card: the users list has it without the report.
    await until(() => {
      expect(
        card(r as Rendered, 'Mei Suzuki').querySelector('[data-testid=link-ended]'),
      ).not.toBeNull();
    });
    expect(users).toHaveBeenCalled();
    expect(report).not.toHaveBeenCalled();
    expect(rows).not.toHaveBeenCalled();

    await act(() => {
      tab.value = 'report';
    });
    expect(r.q('[data-testid=section-loading]').getAttribute('aria-busy')).toBe('true');
    expect(r.q('nav.org-tabs [aria-current=page]').textContent).toBe('Skills report');
    await until(() => {
      expect(r?.qa('[data-testid=report-table] tbody tr').length).toBeGreaterThan(0);
    });
    expect(report).toHaveBeenCalled();
    users.mockClear();

    await act(() => {
      tab.value = 'users';
    });
    expect(r.qa('[data-testid=section-loading]')).toHaveLength(0);
    expect(r.qa('[data-testid=user]').length).toBeGreaterThan(3);
    expect(rows).not.toHaveBeenCalled();
  });

  it('Designations reads the report, not the users list', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}')));
    const s = await demoAs('Aoi Sato');
    const users = vi.spyOn(s, 'orgUsersPage');
    const report = vi.spyOn(s, 'reportRows');
    const page = vi.spyOn(s, 'reportPage');
    r = mount(<OrgScreen tab="designations" />, 'en', true, s);
    await until(() => {
      expect(r?.qa('[data-testid=section-loading]')).toHaveLength(0);
    });
    expect(report).toHaveBeenCalled();
    expect(users).not.toHaveBeenCalled();
    expect(page).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('company B, as its global admin', () => {
  it("sees Mei's credit as pending in the report", async () => {
    r = mount(<OrgScreen tab="report" />, 'en', true, await demoAs('Ben Carter'));
    await until(() => {
      const mei = r?.qa('tbody tr').filter((tr) => tr.textContent.includes('Mei Suzuki')) ?? [];
      expect(mei.length).toBeGreaterThan(0);
      expect(mei.some((tr) => tr.dataset.status === 'pending')).toBe(true);
    });
  });
});

describe('the designation catalog', () => {
  it('loads the shipped sample, keeps an edit in the database, and carries it through export and import', async () => {
    const sample = await import('../../public/catalog/sample-designations.json');
    const fetchMock = vi.fn<(url: URL | string) => Promise<Response>>(() =>
      Promise.resolve(new Response(JSON.stringify(sample.default))),
    );
    vi.stubGlobal('fetch', fetchMock);
    const s = await demoAs('Aoi Sato');
    r = mount(<OrgScreen tab="designations" />, 'en', true, s);
    await until(() => {
      expect(r?.q('[data-testid=sample-warning]')).toBeTruthy();
    });
    expect(String(fetchMock.mock.calls[0]?.[0])).toMatch(/catalog\/sample-designations\.json$/);
    await type(r.q<HTMLInputElement>('#add-exam-code'), 'AZ-800');
    await type(r.q<HTMLInputElement>('#add-exam-points'), '3');
    await submit(r.q<HTMLFormElement>('form.add-exam'));
    await until(() => {
      expect(s.catalog.value?.json).toContain('AZ-800');
    });
    expect(localStorage.getItem('mcid-link:designation-catalog')).toBe(null);
    // The edit is data like any other: it leaves with an export and comes back with an import.
    const exported = await s.exportJson();
    if (!exported.ok) throw new Error('export failed');
    expect((await s.reset()).ok).toBe(true);
    await until(() => {
      expect(s.catalog.value).toBe(null);
    });
    expect((await s.importJson(exported.value)).ok).toBe(true);
    await until(() => {
      expect(s.catalog.value?.json).toContain('AZ-800');
    });
    vi.unstubAllGlobals();
  });
});

/**
 * A larger organization through the real store: 120 users and 130 report
 * rows, so each list has three pages of 50.
 */
async function largeOrg(): Promise<AppState> {
  const n = (i: number) => String(i).padStart(3, '0');
  const users = Array.from({ length: 120 }, (_, i) =>
    account(`u${n(i)}`, 'a', { displayName: `User ${n(i)}`, email: `u${n(i)}@a.example` }),
  );
  const admin = account('admin', 'a', {
    displayName: 'Zed Admin',
    email: 'zed@a.example',
    roles: ['global-admin'],
  });
  const db = await seed({
    accounts: [admin, ...users],
    associations: users.slice(0, 65).map((u) => link(`p-${u.id}`, u.id, '2026-01-01')),
    achievements: users
      .slice(0, 65)
      .flatMap((u) => [
        cert(`${u.id}-1`, `p-${u.id}`, 'AZ-104', '2026-03-01'),
        cert(`${u.id}-2`, `p-${u.id}`, 'AZ-305', '2026-04-01'),
      ]),
    profiles: users.slice(0, 65).map((u) => learn(`p-${u.id}`)),
  });
  await db.organizations.add({ id: 'a', name: 'Contoso Japan', domains: ['a.example'] });
  const s = createAppState(db, { now: () => NOW, persist: () => Promise.resolve('granted') });
  app = s;
  expect((await s.setCurrentAccount('admin')).ok).toBe(true);
  await until(() => {
    expect(s.me.value?.account.id).toBe('admin');
  });
  return s;
}

describe('paged reads of a larger organization (issue 17)', () => {
  it('Users: page 2 shows users 51–100 and the count; a filter goes back to page 1', async () => {
    r = mount(<OrgScreen tab="users" />, 'en', true, await largeOrg());
    await pagerShows('1–50 of 121');
    expect(r.qa('[data-testid=user]')).toHaveLength(50);
    expect(r.q('[data-testid=users-count]').textContent).toBe('121 of 121 users');
    await click(r.byText('Next page'));
    // While page 2 is read, page 1 stays (no flash to the skeleton).
    expect(r.qa('[data-testid=section-loading]')).toHaveLength(0);
    expect(r.qa('[data-testid=user]')).toHaveLength(50);
    await pagerShows('51–100 of 121');
    const ids = r.qa('[data-testid=user]').map((u) => u.dataset.id);
    expect(ids[0]).toBe('u050');
    expect(ids.at(-1)).toBe('u099');
    await type(r.q<HTMLInputElement>('#users-filter'), 'user 11');
    await pagerShows('1–10 of 10');
    expect(r.q('[data-testid=users-count]').getAttribute('role')).toBe('status');
    expect(r.q('[data-testid=users-count]').textContent).toBe('10 of 121 users');
    expect(r.qa('[data-testid=user]')[0]?.dataset.id).toBe('u110');
  });

  it('Report: page 2 shows rows 51–100 and the count; a status filter goes back to page 1', async () => {
    r = mount(<OrgScreen tab="report" />, 'en', true, await largeOrg());
    await pagerShows('1–50 of 130');
    expect(r.q('[data-testid=report-count]').textContent).toBe('130 rows');
    expect(r.q('[data-testid=report-summary]').textContent).toBe(
      'Counted130Pending0Scheduled removal0Removed0',
    );
    await click(r.byText('Person', 'th button'));
    await until(() => {
      expect(r?.q('tbody tr th').textContent).toContain('User 000');
    });
    await click(r.byText('Next page'));
    expect(r.qa('[data-testid=section-loading]')).toHaveLength(0);
    await pagerShows('51–100 of 130');
    // Two rows a person, by name: rows 51–100 are users 025–049.
    const names = r.qa('tbody tr th').map((th) => th.firstChild?.textContent);
    expect(names[0]).toBe('User 025');
    expect(names.at(-1)).toBe('User 049');
    await choose(r.q<HTMLSelectElement>('#report-status'), 'counted');
    await pagerShows('1–50 of 130');
    expect(r.q('[data-testid=report-count]').getAttribute('role')).toBe('status');
  });
});
