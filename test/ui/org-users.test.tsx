// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { orgUserRows } from '../../src/rules/org/users';
import { OrgView } from '../../src/ui/screens/org/org-view';
import type { ActionResult, CatalogState } from '../../src/ui/screens/org/view-model';
import { account } from '../rules/org/fixtures';
import { memoryReads, orgData } from './org-fixtures';
import { choose, click, mount, submit, type, until, type Rendered } from './org-support';

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const loading: CatalogState = { status: 'loading' };

function actions(
  over: Partial<Record<'addUser' | 'deleteUser', () => Promise<ActionResult>>> = {},
) {
  const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });
  return {
    addUser: vi.fn(over.addUser ?? ok),
    deleteUser: vi.fn(over.deleteUser ?? ok),
    saveCatalog: vi.fn(ok),
    resetCatalog: vi.fn(ok),
  };
}

describe('who may see the users', () => {
  it('shows a non-admin that the view is for admins only, and no data or controls', async () => {
    r = mount(
      <OrgView
        tab="users"
        data={await orgData('a', 'mei', false)}
        catalog={loading}
        actions={actions()}
      />,
    );
    expect(r.q('[data-testid=admins-only]').textContent).toMatch(/Admins only/);
    expect(r.qa('form, button, [data-testid=user]')).toHaveLength(0);
    expect(r.text()).not.toContain('ken@contoso.example');
  });
});

describe('adding a user', () => {
  it('refuses an email outside the verified domains at the field, without calling the store', async () => {
    const a = actions();
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    await type(r.q<HTMLInputElement>('#add-user-name'), 'Sam');
    await type(r.q<HTMLInputElement>('#add-user-email'), 'sam@gmail.com');
    await submit(r.q<HTMLFormElement>('[data-testid=add-user]'));
    const email = r.q<HTMLInputElement>('#add-user-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toMatch(/not on one of the organization's verified domains/);
    expect(document.activeElement).toBe(email);
    expect(a.addUser).not.toHaveBeenCalled();
  });

  it('refuses a malformed address and an empty name', async () => {
    const a = actions();
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    await type(r.q<HTMLInputElement>('#add-user-email'), 'sam@@contoso');
    await submit(r.q<HTMLFormElement>('[data-testid=add-user]'));
    expect(r.q('#add-user-name').getAttribute('aria-invalid')).toBe('true');
    expect(r.q('#add-user-email-error').textContent).toMatch(/valid email address/);
    expect(a.addUser).not.toHaveBeenCalled();
  });

  it('adds a user with an official email and says what to do next', async () => {
    const a = actions();
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    await type(r.q<HTMLInputElement>('#add-user-name'), ' Sam Lee ');
    await type(r.q<HTMLInputElement>('#add-user-email'), 'Sam@Contoso.example');
    await submit(r.q<HTMLFormElement>('[data-testid=add-user]'));
    expect(a.addUser).toHaveBeenCalledWith({
      displayName: 'Sam Lee',
      email: 'Sam@Contoso.example',
    });
    expect(r.q('[data-testid=add-user-result]').textContent).toContain('sam@contoso.example');
    expect(r.q<HTMLInputElement>('#add-user-email').value).toBe('');
  });

  it('shows the store’s refusal of a duplicate under the email field', async () => {
    const a = actions({ addUser: () => Promise.resolve({ ok: false, code: 'DUPLICATE_EMAIL' }) });
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    await type(r.q<HTMLInputElement>('#add-user-name'), 'Nao');
    await type(r.q<HTMLInputElement>('#add-user-email'), 'nao@contoso.example');
    await submit(r.q<HTMLFormElement>('[data-testid=add-user]'));
    expect(r.q('#add-user-email-error').textContent).toMatch(/already exists/);
  });
});

describe('the users list', () => {
  it('shows each user’s states and, for one who never signed in, the email and the advice', async () => {
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={actions()} />);
    const nao = r.q('[data-id=new]');
    expect(nao.querySelector('[data-state=never-signed-in]')).not.toBeNull();
    expect(nao.querySelector('[data-testid=no-response]')?.textContent).toMatch(
      /never signed in\. Check the email address that was used — nao@contoso\.example — then contact/,
    );
    expect(r.q('[data-id=mei] [data-state=learn-linked]')).toBeTruthy();
    // Active users by default: the deleted account shows under "Deleted".
    expect(r.qa('[data-id=ken]')).toHaveLength(0);
  });

  it("shows A's side of a move: link ended (moved) and the day it leaves the report", async () => {
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={actions()} />);
    expect(r.q('[data-id=annA] [data-testid=link-ended]').textContent).toBe(
      'Learning profile link ended (moved to another organization) on Nov 20, 2026. Their achievements leave the skills report on Dec 10, 2026.',
    );
  });

  it('lists deleted users with their removal date under the Deleted filter', async () => {
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={actions()} />);
    await choose(r.q<HTMLSelectElement>('#users-state'), 'deleted');
    expect(r.qa('[data-testid=user]').map((u) => u.dataset.id)).toEqual(['ken']);
    expect(r.q('[data-id=ken] [data-testid=removal]').textContent).toBe(
      'Deleted on Nov 3, 2026. Their achievements leave the skills report on Dec 10, 2026.',
    );
    expect(r.qa('[data-id=ken] button')).toHaveLength(0);
  });

  it('pages a large organization and filters it, announcing the count', async () => {
    const accounts = Array.from({ length: 120 }, (_, i) =>
      account(`u${String(i).padStart(3, '0')}`, 'a', {
        displayName: `User ${String(i).padStart(3, '0')}`,
      }),
    );
    const users = orgUserRows(
      accounts.map((a) => ({
        account: a,
        state: 'signed-in' as const,
        learnLinked: false,
        puLinked: false,
        removalOn: null,
        endedPairs: [],
      })),
      [],
    );
    const data = { ...(await orgData()), reads: memoryReads(users, []) };
    r = mount(<OrgView tab="users" data={data} catalog={loading} actions={actions()} />);
    expect(r.qa('[data-testid=user]')).toHaveLength(50);
    expect(r.q('.pager-range').textContent).toBe('1–50 of 120');
    await click(r.byText('Next page'));
    expect(r.q('.pager-range').textContent).toBe('51–100 of 120');
    expect(r.qa('[data-testid=user]')[0]?.dataset.id).toBe('u050');
    const asked = vi.spyOn(data.reads, 'usersPage');
    // Typed key by key: the box shows each at once, the search runs for the pause.
    for (const text of ['u', 'us', 'user', 'user 1', 'user 11']) {
      await type(r.q<HTMLInputElement>('#users-filter'), text);
    }
    expect(r.q<HTMLInputElement>('#users-filter').value).toBe('user 11');
    // Until typing pauses, the rows shown are not the box's: the list says it is busy.
    expect(r.q('[data-testid=user-list]').getAttribute('aria-busy')).toBe('true');
    await until(() => {
      expect(r?.q('.pager-range').textContent).toBe('1–10 of 10');
    });
    expect(r.q('[data-testid=users-count]').getAttribute('role')).toBe('status');
    expect(r.q('[data-testid=users-count]').textContent).toBe('10 of 120 users');
    const searched = new Set(asked.mock.calls.map(([query]) => query.text));
    expect(searched).toEqual(new Set(['', 'user 11']));
    expect(r.q('[data-testid=user-list]').hasAttribute('aria-busy')).toBe(false);
  });
});

describe('deleting a departed user', () => {
  it('confirms with the removal date, deletes, and says when the achievements leave', async () => {
    const a = actions();
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    await click(r.q('[data-id=mei] button'));
    const dialog = r.q<HTMLDialogElement>('dialog');
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Delete 山田 芽衣’s work account?');
    // Deleted today (25 Nov) → out of the report at the refresh on 10 December.
    expect(r.q('[data-testid=delete-when]').textContent).toContain('Dec 10, 2026');
    await click(r.byText('Delete account', 'dialog button'));
    expect(a.deleteUser).toHaveBeenCalledWith('mei');
    expect(r.q('[data-testid=delete-result]').textContent).toBe(
      '山田 芽衣’s work account was deleted. Their achievements leave the skills report on Dec 10, 2026; until then they are listed as scheduled removals.',
    );
  });

  it('cancels without deleting, and offers no delete for the admin themselves', async () => {
    const a = actions();
    r = mount(<OrgView tab="users" data={await orgData()} catalog={loading} actions={a} />);
    expect(r.qa('[data-id=admin] button')).toHaveLength(0);
    await click(r.q('[data-id=mei] button'));
    await click(r.byText('Cancel', 'dialog button'));
    expect(r.q<HTMLDialogElement>('dialog').open).toBe(false);
    expect(a.deleteUser).not.toHaveBeenCalled();
  });
});

describe('privacy: no way to link for someone else', () => {
  it.each(['users', 'report', 'designations'] as const)(
    'the %s section has no link or unlink control',
    async (tab) => {
      const catalog: CatalogState = {
        status: 'ready',
        catalog: { version: 1, sample: true, designations: [] },
      };
      r = mount(<OrgView tab={tab} data={await orgData()} catalog={catalog} actions={actions()} />);
      const controls = r
        .qa('button, a[href], input, select')
        .map(
          (el) =>
            `${el.textContent} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('href') ?? ''}`,
        );
      expect(controls.length).toBeGreaterThan(0);
      expect(controls.filter((c) => /\blink\b|unlink|#\/link|リンク/i.test(c))).toEqual([]);
    },
  );
});

describe('in Japanese', () => {
  it('speaks Japanese, with the no-response advice and dates in Japanese', async () => {
    r = mount(
      <OrgView tab="users" data={await orgData()} catalog={loading} actions={actions()} />,
      'ja',
    );
    expect(r.q('h1').textContent).toBe('組織');
    expect(r.q('[data-id=new] [data-testid=no-response]').textContent).toContain(
      '最初に使用したメール アドレス（nao@contoso.example）を確認してから',
    );
    expect(r.q('[data-id=annA] [data-testid=link-ended]').textContent).toContain(
      '2026/12/10 にスキル レポートから削除',
    );
  });
});
