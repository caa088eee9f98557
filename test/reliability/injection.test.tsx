// @vitest-environment happy-dom
/**
 * Hostile text in every field the individual's screens show (names, org
 * names, emails, profile labels, achievement titles): markup, script URLs
 * and a right-to-left override must come out as text — the same characters,
 * and no element, attribute or link made from them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkScreenView } from '../../src/ui/screens/link/link-view';
import { MeScreenView } from '../../src/ui/screens/individual/me-view';
import type { ActionResult } from '../../src/ui/screens/individual/view-model';
import { WelcomeScreenView } from '../../src/ui/screens/welcome/welcome-view';
import { mount, type Rendered } from '../ui/me-support';
import { account, learnLinked, linkView, meView, welcome } from '../ui/me-fixtures';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const JS_URL = 'javascript:window.__pwned=3';
const RLO = 'evil\u202Egnp.exe';
const HOSTILE = [IMG, SCRIPT, JS_URL, RLO];
const all = HOSTILE.join(' ');

let r: Rendered | null = null;
afterEach(() => {
  r?.unmount();
  r = null;
});

const ok = (): Promise<ActionResult> => Promise.resolve({ ok: true });

/** Nothing in the tree came from the hostile text, and all of it is there as text. */
function renderedAsText(root: HTMLElement): void {
  expect(root.querySelectorAll('img, script, iframe, object, embed')).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
      expect(el.getAttribute(attr) ?? '').not.toMatch(/^\s*javascript:/i);
    }
  }
  const text = root.textContent;
  for (const h of HOSTILE) expect(text).toContain(h);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
}

const hostileAccount = { ...account, displayName: all, orgName: all };

describe('hostile text on the individual’s screens', () => {
  it('My Learn profile: name, organization, profile label, achievement titles', () => {
    const view = meView({
      account: hostileAccount,
      learn: {
        ...learnLinked,
        profile: { id: 'p-learn', kind: 'learn', label: all, mcid: '987654321' },
      },
      achievements: meView().achievements.map((a) => ({ ...a, title: all, code: IMG })),
    });
    r = mount(<MeScreenView view={view} onRemove={ok} onDismiss={vi.fn()} />);
    renderedAsText(r.root);
  });

  it('Who are you?: names, organizations, and an email field holding markup', () => {
    const view = {
      ...welcome,
      accounts: welcome.accounts.map((a) => ({
        ...a,
        displayName: all,
        orgName: all,
        personName: all,
        email: `${IMG}@x`,
      })),
    };
    r = mount(<WelcomeScreenView view={view} onChoose={ok} onLoadDemo={ok} />);
    renderedAsText(r.root);
  });

  it('Link: account, organization and profile labels', () => {
    const view = linkView({
      account: hostileAccount,
      profiles: [{ id: 'p-learn', kind: 'learn', label: all, mcid: '987654321' }],
    });
    r = mount(
      <LinkScreenView
        view={view}
        online
        onCheck={() =>
          Promise.resolve({ ok: false, code: 'COOL_OFF', nextAllowedOn: '2026-12-10' })
        }
        onLink={ok}
      />,
    );
    renderedAsText(r.root);
  });
});
