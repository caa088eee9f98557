import type { ComponentChildren } from 'preact';
import type { ReadonlySignal } from '@preact/signals';
import type { ShellState } from '../state/shell';
import { ShellContext } from './context';
import { Header } from './shell/header';
import { Nav } from './shell/nav';
import { DbBlockedBanner, UpdateBanner } from './shell/banners';

export interface AppProps {
  shell: ShellState;
  /** Actions waiting to sync (0 until the data layer has loaded). */
  queued: ReadonlySignal<number>;
  reload: () => void;
  /** The screen for the current route; the shell renders around it. */
  children: ComponentChildren;
}

/** The app shell: skip link, header, navigation, banners, and the current screen. */
export function App({ shell, queued, reload, children }: AppProps) {
  const m = shell.messages.value;
  return (
    <ShellContext.Provider value={shell}>
      <a class="skip-link" href="#main" onClick={focusMain}>
        {m.common.skipToContent}
      </a>
      <Header queued={queued.value} />
      <Nav />
      <UpdateBanner />
      <DbBlockedBanner reload={reload} />
      <main id="main" tabIndex={-1} lang={shell.lang.value}>
        {children}
      </main>
      <footer class="app-footer">
        <span data-testid="app-version">{m.common.version(__APP_VERSION__)}</span>
      </footer>
    </ShellContext.Provider>
  );
}

// The skip link must not change the hash: routes live there.
function focusMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
