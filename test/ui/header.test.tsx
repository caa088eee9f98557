// @vitest-environment happy-dom
/**
 * The language list: the page's own language is there at once, the others
 * once the page is idle or as soon as the list is reached (their names are
 * kept off the first layout: header.tsx).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShellState, type ShellState } from '../../src/state/shell';
import { ShellContext } from '../../src/ui/context';
import { Header } from '../../src/ui/shell/header';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

/** Idle callbacks are held until the test runs them. */
function holdIdle(): () => void {
  const held: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (task: IdleRequestCallback) => {
    held.push(task);
    return held.length;
  });
  return () => {
    for (const task of held.splice(0)) task({ didTimeout: false, timeRemaining: () => 50 });
  };
}

async function header(
  lang: 'en' | 'ja',
): Promise<{ shell: ShellState; select: HTMLSelectElement }> {
  const shell = createShellState({ lang, online: true, hash: '#/', likelyNobodyChosen: false });
  await act(() => {
    render(
      <ShellContext.Provider value={shell}>
        <Header queued={0} />
      </ShellContext.Provider>,
      root,
    );
  });
  const select = root.querySelector('select');
  if (!select) throw new Error('no language list');
  return { shell, select };
}

const names = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

describe('header: the language list', () => {
  it("shows the page's language first and every language once the page is idle", async () => {
    const runIdle = holdIdle();
    const { select } = await header('en');
    expect(names(select)).toEqual(['English']);
    expect(select.value).toBe('en');
    await act(runIdle);
    expect(names(select)).toEqual(['日本語', 'English']);
    expect(select.value).toBe('en');
    vi.unstubAllGlobals();
  });

  it('offers every language as soon as the list is focused, before the page is idle', async () => {
    holdIdle();
    const { shell, select } = await header('ja');
    expect(names(select)).toEqual(['日本語']);
    await act(() => {
      select.dispatchEvent(new Event('focus'));
    });
    expect(names(select)).toEqual(['日本語', 'English']);
    // Choosing from it changes the page's language.
    await act(() => {
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(shell.lang.value).toBe('en');
    vi.unstubAllGlobals();
  });
});
