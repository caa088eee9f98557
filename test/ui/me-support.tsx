/** Renders a screen inside the shell context, in happy-dom, and drives it (the individual's and the organization's screens share these). */
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { expect } from 'vitest';
import type { Lang } from '../../src/i18n';
import { createShellState, type ShellState } from '../../src/state/shell';
import type { AppState } from '../../src/state/app-state';
import { ShellContext } from '../../src/ui/context';
import { DataContext } from '../../src/ui/data-context';

export interface Rendered {
  root: HTMLElement;
  shell: ShellState;
  text: () => string;
  // The caller names the element type it expects, as with querySelector<E>.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  q: <E extends Element = HTMLElement>(selector: string) => E;
  qa: (selector: string) => HTMLElement[];
  byText: (text: string, selector?: string) => HTMLElement;
  unmount: () => void;
}

/** `app`: the data state for containers (null: still loading); views need none. */
export function mount(
  ui: ComponentChildren,
  lang: Lang = 'en',
  online = true,
  app: AppState | null = null,
  /** The device's zone; UTC unless a test says (the device's own: `null`). */
  timeZone: string | null = 'UTC',
): Rendered {
  const root = document.createElement('div');
  document.body.append(root);
  const shell = createShellState({
    lang,
    online,
    hash: '#/',
    ...(timeZone === null ? {} : { timeZone }),
  });
  void act(() => {
    render(
      <ShellContext.Provider value={shell}>
        <DataContext.Provider value={app}>{ui}</DataContext.Provider>
      </ShellContext.Provider>,
      root,
    );
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const q = <E extends Element = HTMLElement>(selector: string): E => {
    const el = root.querySelector<E>(selector);
    if (!el) throw new Error(`no ${selector} in: ${root.textContent}`);
    return el;
  };
  const qa = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  return {
    root,
    shell,
    text: () => root.textContent,
    q,
    qa,
    byText: (text, selector = 'button, a') => {
      const el = qa(selector).find((e) => e.textContent.includes(text));
      if (!el) throw new Error(`no ${selector} with "${text}"`);
      return el;
    },
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

/** Clicks and lets effects and awaited promises settle. */
export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
    await settle();
  });
}

export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
  });
}

export async function submit(form: HTMLFormElement): Promise<void> {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
  });
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}

/** Polls (with act) until `check` passes: live queries answer asynchronously. */
export async function until(check: () => void, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
  }
}

/**
 * Loads the demo into `s` and makes it act as the account named `name` (and
 * `email`, where two share a name), as "who am I" does; `null`: nobody is chosen.
 */
export async function actAsInDemo(
  s: AppState,
  name: string | null,
  email?: string,
): Promise<AppState> {
  expect((await s.loadDemo()).ok).toBe(true);
  // The account list reads only while watched (as "who am I" watches it).
  const watching = s.accounts.subscribe(() => undefined);
  await until(() => {
    expect(s.accounts.value?.length).toBeGreaterThan(0);
  });
  watching();
  if (name === null) return s;
  const id = s.accounts.value?.find(
    (c) => c.account.displayName === name && (email === undefined || c.account.email === email),
  )?.account.id;
  if (!id) throw new Error(`no ${name}`);
  expect((await s.setCurrentAccount(id)).ok).toBe(true);
  await until(() => {
    expect(s.me.value?.account.id).toBe(id);
  });
  return s;
}
