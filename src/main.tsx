/**
 * The composition root: the only module that wires every layer together.
 * The shell renders first, with no storage code loaded; the data layer
 * (Dexie, the store, sync) arrives in a second chunk.
 */
import { render } from 'preact';
import { computed, effect, signal } from '@preact/signals';
import type { AppState } from './state/app-state';
import { detectLanguage, isLang } from './i18n';
import type { SwBridge } from './pwa/sw-bridge';
import { hintedAccount, homeRows, nobodyChosen, storage } from './early';
import { rememberChosen } from './state/chosen-hint';
import { nextTask } from './state/next-task';
import { REMINDERS_KEY } from './state/planner/reminders-key';
import { clickedRoute, createShellState, parseRoute, sameRoute, type Route } from './state/shell';
import { App } from './ui/app';
import { Screen, preloadScreen } from './ui/screens';
import { whenIdle } from './ui/when-idle';
import { dropOnFirstView, type FirstRows } from './state/first-rows';
import { DataContext, FirstRowsContext } from './ui/data-context';
import './ui/styles.css';

const reload = () => {
  location.reload();
};

let bridge: SwBridge | null = null;

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
/** Home's rows from the page's first read, until the data state has home's view. */
const firstRows = signal<FirstRows | null>(null);
void homeRows?.then((rows) => {
  if (rows === null) return;
  // The language chosen on this device, before home is drawn in another.
  const language = rows.settings?.language;
  if (isLang(language)) shell.lang.value = language;
  firstRows.value = { rows, data };
});

function Root() {
  return (
    <App shell={shell} queued={queued} reload={reload}>
      <DataContext.Provider value={data.value}>
        <FirstRowsContext.Provider value={firstRows}>
          <Screen route={shell.route.value} />
        </FirstRowsContext.Provider>
      </DataContext.Provider>
    </App>
  );
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

/** The storage layer (Dexie, the store, the data state): one file (vite.config.ts). */
function loadStorage() {
  return import('./data-root');
}
// Where someone is likely chosen (a returning visit), home shows the rows the
// page's first read got (src/early.ts) without the storage code: it is asked
// for once they are on screen, not beside them (its 120 KB would be read and
// compiled while home's own files are: home 114 -> 98 ms median, 25
// alternated samples each, bare 87 ms; 2026-12-08). Without those rows home
// waits for the storage code, which is asked for at once. Elsewhere the
// storage code arrives after first paint; on "who am I" (a first visit),
// only once that screen has painted: its text needs no data.
const storageAsked =
  homeRows === null
    ? null
    : homeRows.then((rows) => (rows === null ? undefined : afterNextPaint())).then(loadStorage);
const firstScreen = preloadScreen(shell.route.value, nobodyChosen);
const storageLoaded =
  storageAsked !== null
    ? Promise.all([storageAsked, rendered]).then(([m]) => m)
    : shell.route.value.name === 'welcome'
      ? firstScreen.then(afterNextPaint).then(loadStorage)
      : rendered.then(loadStorage);
// The worker bridge (workbox-window) comes after the storage code: nothing
// on the way to the first screen and its data needs it.
void storageLoaded
  .then(() => import('./pwa/sw-bridge'))
  .then(({ registerServiceWorker }) => {
    bridge = registerServiceWorker({
      onUpdateAvailable: () => {
        shell.updateAvailable.value = true;
      },
    });
  });
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
    // Its evaluation and the database's opening: two tasks.
    await nextTask();
    return m;
  })
  .then(({ startDataRoot }) => startDataRoot(shell, () => bridge, hintedAccount, homeRows))
  .then((started) => {
    data.value = started.app;
    dropOnFirstView(firstRows, started.app);
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
