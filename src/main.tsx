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
import {
  chosenAccountHint,
  likelyNobodyChosen,
  pageStorage,
  rememberChosen,
} from './state/chosen-hint';
import { REMINDERS_KEY } from './state/planner/reminders-key';
import { clickedRoute, createShellState, parseRoute, sameRoute, type Route } from './state/shell';
import { App } from './ui/app';
import { Screen, preloadScreen } from './ui/screens';
import { whenIdle } from './ui/when-idle';
import { DataContext } from './ui/data-context';
import './ui/styles.css';

const reload = () => {
  location.reload();
};

let bridge: SwBridge | null = null;

const storage = pageStorage();
const nobodyChosen = likelyNobodyChosen(
  storage,
  'serviceWorker' in navigator && navigator.serviceWorker.controller !== null,
);
// Home reads this person's data while the settings are read (they decide).
const hintedAccount = nobodyChosen ? null : chosenAccountHint(storage);
// A first visit opening at home goes straight to "who am I" (home's own
// check would send it there a render later).
const sentToWelcome = nobodyChosen && parseRoute(location.hash).name === 'me';
if (sentToWelcome) history.replaceState(history.state, '', '#/welcome');

const shell = createShellState({
  lang: detectLanguage(navigator.languages),
  online: navigator.onLine,
  hash: location.hash,
  likelyNobodyChosen: nobodyChosen,
  onAcceptUpdate: () => bridge?.acceptUpdate(),
});

const follow = (route: Route) => {
  if (!sameRoute(route, shell.route.peek())) shell.route.value = route;
};
addEventListener('hashchange', () => {
  follow(parseRoute(location.hash));
});
// A click on one of the app's links shows its screen in the click's own task.
addEventListener('click', (event) => {
  const route = clickedRoute(event);
  if (route) follow(route);
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

declare global {
  interface Window {
    /**
     * The automation entry point: the data state the screens call, set once
     * the storage layer has started. Scripts that drive the app in its own
     * page use it (the chaos run, test/e2e/chaos.e2e.ts). It gives nothing a
     * script of this origin could not already do to IndexedDB, and the CSP
     * keeps every other script out of the page.
     */
    mcidLink?: { readonly app: AppState };
  }
}

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

/**
 * A task boundary: input and rendering may run before what follows. Each
 * step of the boot below is its own short task, never one long one (a
 * phone at a quarter of this speed must still answer a tap at once).
 */
function nextTask(): Promise<void> {
  const yielder = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof yielder?.yield === 'function') return yielder.yield();
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

// The static shell of index.html is on screen already: evaluating this code
// and rendering the app are two tasks.
const rendered = nextTask().then(() => {
  const root = document.getElementById('app');
  if (root) {
    root.textContent = '';
    render(<Root />, root);
  }
});

/** After the browser has painted what is on screen now (or soon, in a tab that paints nothing). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() => {
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0);
    });
  });
}

// The first screen's code starts loading now, beside the storage layer's.
const firstScreen = preloadScreen(shell.route.value, nobodyChosen);
/**
 * The storage layer (Dexie, store, sync): its two chunks download together;
 * Dexie, the rest of the storage code and the database's opening run as
 * separate short tasks.
 */
function loadStorage() {
  // eslint-disable-next-line import-x/no-restricted-paths -- Dexie and the schema alone, as their own task (first-visit TBT); data-root then takes the store's entry point
  const dexie = import('./store/db');
  // Requested now, not after Dexie has run: home waits for both.
  const root = import('./data-root');
  return dexie.then(nextTask).then(() => root);
}
// Where someone is likely chosen (a returning visit), the screen waits for
// their data: the storage code downloads now, while the shell renders, and
// starts once it has. Elsewhere it arrives after first paint; on "who am I"
// (a first visit), only once that screen has painted: its text needs no data.
const storageLoaded =
  shell.route.value.name === 'welcome'
    ? firstScreen.then(afterNextPaint).then(loadStorage)
    : nobodyChosen
      ? rendered.then(loadStorage)
      : Promise.all([loadStorage(), rendered]).then(([m]) => m);
if (!nobodyChosen) {
  // The screens show days in the device's time zone, and reading the zone
  // the first time is a long task (ICU's data): it is read while the
  // storage code downloads, not when the person's data is drawn.
  void rendered.then(() => {
    whenIdle(() => shell.timeZone);
  });
}
void storageLoaded
  .then(async (m) => {
    await nextTask();
    return m;
  })
  .then(({ startDataRoot }) => {
    const started = startDataRoot(shell, () => bridge, hintedAccount);
    data.value = started.app;
    window.mcidLink = Object.freeze({ app: started.app });
    shell.onLangChosen = (lang) => {
      void started.app.updateSettings({ language: lang });
    };
    // Reminders of the day a new association can start: their code loads only
    // for a person who opted in on this device (the planner screen writes the key).
    if (storage?.getItem(REMINDERS_KEY) != null) {
      void import('./state/planner/start').then((m) =>
        m.startPlannerReminders(started.app.me, shell.lang),
      );
    }
    let firstSettings = true;
    effect(() => {
      const settings = started.app.settings.value;
      if (!settings) return;
      // The language chosen on this device wins over the browser's, once known.
      if (settings.language) shell.lang.value = settings.language;
      const chosen = settings.currentAccountId !== null;
      // A stale hint (the settings changed where this device's pages did not
      // see it) sent us to "who am I": home it is, unless the person moved on.
      if (firstSettings && sentToWelcome && chosen && shell.route.peek().name === 'welcome') {
        history.replaceState(history.state, '', '#/');
        shell.route.value = parseRoute('#/');
      }
      firstSettings = false;
      // What the next visit shows while its database opens.
      rememberChosen(storage, chosen, settings.currentAccountId);
    });
  });
