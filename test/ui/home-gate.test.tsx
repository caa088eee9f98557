// @vitest-environment happy-dom
/**
 * Home decides between "who am I" and the home screen: by the settings once
 * they are read, before that by the shell's hint, so a first visit goes to
 * "who am I" without waiting for the database.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/state/app-state';
import { createShellState } from '../../src/state/shell';
import type { Settings } from '../../src/store';
import { ShellContext } from '../../src/ui/context';
import { DataContext } from '../../src/ui/data-context';
import { Screen } from '../../src/ui/screens';

let root: HTMLElement;
beforeEach(() => {
  location.hash = '#/';
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Just the part of the app state Home reads. */
function appWith(settings: Partial<Settings> | null): AppState {
  return { settings: signal(settings) } as unknown as AppState;
}

async function home(likelyNobodyChosen: boolean, app: AppState | null): Promise<void> {
  const shell = createShellState({ lang: 'en', online: true, hash: '#/', likelyNobodyChosen });
  await act(() => {
    render(
      <ShellContext.Provider value={shell}>
        <DataContext.Provider value={app}>
          <Screen route={{ name: 'me' }} />
        </DataContext.Provider>
      </ShellContext.Provider>,
      root,
    );
  });
}

describe('home', () => {
  it('sends a first visit to "who am I" before the data layer has loaded', async () => {
    await home(true, null);
    expect(location.hash).toBe('#/welcome');
  });

  it('waits for the settings when the hint says somebody is chosen', async () => {
    await home(false, null);
    expect(location.hash).toBe('#/');
    expect(root.querySelector('[aria-busy=true]')?.textContent).toBe('Loading…');
  });

  it('goes by the settings once read, whatever the hint says', async () => {
    await home(false, appWith({ currentAccountId: null }));
    expect(location.hash).toBe('#/welcome');
    location.hash = '#/';
    await home(true, appWith({ currentAccountId: 'acc-1' }));
    expect(location.hash).toBe('#/');
  });
});
