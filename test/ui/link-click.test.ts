// @vitest-environment happy-dom
/**
 * A plain click on one of the app's own links shows its screen in the
 * click's own task (main.tsx): the browser's hashchange comes a task, often
 * a frame, later and finds the route shown already. Any other click is left
 * to the browser.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clickedRoute, parseRoute, sameRoute } from '../../src/state/shell';

afterEach(() => {
  document.body.replaceChildren();
});

/** An element with these attributes (a link unless said), put in the page. */
function el(attrs: Record<string, string>, tag = 'a'): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.textContent = 'x';
  document.body.append(node);
  return node;
}

/** What clickedRoute says of a click on `target`, seen where the app listens. */
function clickOn(target: Element, init: MouseEventInit = {}, prevent = false) {
  let seen: ReturnType<typeof clickedRoute> | undefined;
  document.addEventListener(
    'click',
    (event) => {
      seen = clickedRoute(event);
      // The test's document follows no link.
      event.preventDefault();
    },
    { once: true },
  );
  if (prevent) {
    target.addEventListener(
      'click',
      (e) => {
        e.preventDefault();
      },
      { once: true },
    );
  }
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  return seen;
}

const orgLink = (attrs: Record<string, string> = {}) => el({ href: '#/org/users', ...attrs });

describe('clickedRoute', () => {
  it('gives the route of a plain click on an app link, or on what the link holds', () => {
    expect(clickOn(orgLink())).toEqual({ name: 'org', tab: 'users' });
    const home = el({ href: '#/' });
    const inner = document.createElement('span');
    home.append(inner);
    expect(clickOn(inner)).toEqual({ name: 'me' });
    expect(clickOn(el({ href: '#/nope' }))).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('leaves every other click to the browser', () => {
    expect(clickOn(orgLink(), { ctrlKey: true })).toBeNull();
    expect(clickOn(orgLink(), { metaKey: true })).toBeNull();
    expect(clickOn(orgLink(), { shiftKey: true })).toBeNull();
    expect(clickOn(orgLink(), { altKey: true })).toBeNull();
    expect(clickOn(orgLink(), { button: 1 })).toBeNull();
    expect(clickOn(orgLink(), {}, true)).toBeNull();
    expect(clickOn(orgLink({ target: '_blank' }))).toBeNull();
    expect(clickOn(orgLink({ download: '' }))).toBeNull();
    expect(clickOn(el({ href: 'https://example.com/#/org' }))).toBeNull();
    expect(clickOn(el({ href: '#main' }))).toBeNull();
    expect(clickOn(el({ type: 'button' }, 'button'))).toBeNull();
  });
});

describe('sameRoute', () => {
  it('is the same screen and tab', () => {
    expect(sameRoute(parseRoute('#/org'), parseRoute('#/org/users'))).toBe(true);
    expect(sameRoute(parseRoute('#/org/users'), parseRoute('#/org/report'))).toBe(false);
    expect(sameRoute(parseRoute('#/'), parseRoute(''))).toBe(true);
  });
});
