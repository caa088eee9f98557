/**
 * The composition root: the only module that wires every layer together.
 * The shell renders first, with no storage code loaded; the data layer
 * (Dexie, the store, sync) arrives in a second chunk.
 */
import { render } from 'preact';
import { effect, signal } from '@preact/signals';
import { detectLanguage } from './i18n';
import type { SwBridge } from './pwa/sw-bridge';
import { parseRoute } from './state/route';
import { createShellState } from './state/shell';
import { App } from './ui/app';
import { Screen } from './ui/screens';
import './ui/styles.css';

const reload = () => {
  location.reload();
};

let bridge: SwBridge | null = null;

const shell = createShellState({
  lang: detectLanguage(navigator.languages),
  online: navigator.onLine,
  hash: location.hash,
  onAcceptUpdate: () => bridge?.acceptUpdate(),
});

addEventListener('hashchange', () => {
  shell.route.value = parseRoute(location.hash);
});
addEventListener('online', () => {
  shell.online.value = true;
});
addEventListener('offline', () => {
  shell.online.value = false;
});
effect(() => {
  document.documentElement.lang = shell.lang.value;
  document.title = shell.messages.value.common.appName;
});

// The worker bridge (workbox-window) loads after first paint: the shell must not wait for it.
void import('./pwa/sw-bridge').then(({ registerServiceWorker }) => {
  bridge = registerServiceWorker({
    onUpdateAvailable: () => {
      shell.updateAvailable.value = true;
    },
  });
});

const queued = signal(0);
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(
    <App shell={shell} queued={queued} reload={reload}>
      <Screen route={shell.route.value} />
    </App>,
    root,
  );
}
