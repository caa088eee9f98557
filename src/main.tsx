/**
 * The composition root: the only module that wires every layer together.
 * The shell renders first, with no storage code loaded; the data layer
 * (Dexie, the store, sync) arrives in a second chunk.
 */
import { render } from 'preact';
import { computed, effect, signal } from '@preact/signals';
import type { AppState } from './state/app-state';
import { detectLanguage } from './i18n';
import type { SwBridge } from './pwa/sw-bridge';
import { REMINDERS_KEY } from './state/reminders-key';
import { parseRoute } from './state/route';
import { createShellState } from './state/shell';
import { App } from './ui/app';
import { Screen } from './ui/screens';
import { DataContext } from './ui/data-context';
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

const data = signal<AppState | null>(null);
const queued = computed(() => data.value?.queuedCount.value ?? 0);

function Root() {
  return (
    <App shell={shell} queued={queued} reload={reload}>
      <DataContext.Provider value={data.value}>
        <Screen route={shell.route.value} />
      </DataContext.Provider>
    </App>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<Root />, root);
}

// The storage layer (Dexie, store, sync) arrives after first paint.
void import('./data-root').then(({ startDataRoot }) => {
  const started = startDataRoot(shell, () => bridge);
  data.value = started.app;
  shell.onLangChosen = (lang) => {
    void started.app.updateSettings({ language: lang });
  };
  // Reminders of the day a new association can start: their code loads only
  // for a person who opted in on this device (the planner screen writes the key).
  if (localStorage.getItem(REMINDERS_KEY) !== null) {
    void import('./state/planner-start').then((m) =>
      m.startPlannerReminders(started.app.me, shell.lang),
    );
  }
  // The language chosen on this device wins over the browser's, once known.
  effect(() => {
    const chosen = started.app.settings.value?.language;
    if (chosen) shell.lang.value = chosen;
  });
});
