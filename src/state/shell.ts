/**
 * The state of the app shell: language, connectivity, the route (parsed
 * from the hash, below), and the service worker's offers. It loads before the storage layer so the shell
 * paints at once; the data state arrives later (see main.tsx).
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { messagesFor, type Lang, type Messages } from '../i18n';
import { DEFAULT_POLICY, type Policy } from '../rules/policy';

export interface ShellState {
  lang: Signal<Lang>;
  messages: ReadonlySignal<Messages>;
  online: Signal<boolean>;
  route: Signal<Route>;
  updateAvailable: Signal<boolean>;
  /** Another tab or the worker upgraded the database: this tab must reload. */
  dbBlocked: Signal<boolean>;
  /** Before the settings are read: whether nobody is likely chosen on this device (state/chosen-hint). */
  likelyNobodyChosen: boolean;
  /** The numbers the words quote (the same object the rules decide with). */
  policy: Policy;
  /**
   * The device's time zone (IANA name). The rules decide on UTC days; dates
   * are shown with that basis and, where it differs, the moment in this zone.
   * Read on first use: asking `Intl` for it loads the time zone data, a long
   * task at boot (30 ms on this machine, over 100 ms on a slow phone) that a
   * screen with no dates never needs.
   */
  readonly timeZone: string;
  acceptUpdate: () => void;
  dismissUpdate: () => void;
  /** The person picked a language: show it, and tell whoever keeps it (the device settings). */
  chooseLang: (lang: Lang) => void;
  onLangChosen: ((lang: Lang) => void) | null;
}

export interface ShellOptions {
  lang: Lang;
  online: boolean;
  hash: string;
  likelyNobodyChosen?: boolean;
  policy?: Policy;
  /** Default: the device's own (`Intl`); tests pass one. */
  timeZone?: string;
  /** What accepting an update does (the service worker bridge). */
  onAcceptUpdate?: () => void;
}

export function createShellState(options: ShellOptions): ShellState {
  const lang = signal<Lang>(options.lang);
  const updateAvailable = signal(false);
  let timeZone = options.timeZone;
  const state: ShellState = {
    lang,
    messages: computed(() => messagesFor(lang.value)),
    online: signal(options.online),
    route: signal(parseRoute(options.hash)),
    updateAvailable,
    dbBlocked: signal(false),
    likelyNobodyChosen: options.likelyNobodyChosen ?? false,
    policy: options.policy ?? DEFAULT_POLICY,
    get timeZone() {
      timeZone ??= deviceTimeZone();
      return timeZone;
    },
    acceptUpdate: () => {
      updateAvailable.value = false;
      options.onAcceptUpdate?.();
    },
    dismissUpdate: () => {
      updateAvailable.value = false;
    },
    chooseLang: (next) => {
      lang.value = next;
      state.onLangChosen?.(next);
    },
    onLangChosen: null,
  };
  return state;
}

// ---- Routes ----

/**
 * Hash routes (`#/org/users`): a static host has no rewrites, so every deep
 * link is the same document. The hash is outside input: it is parsed into a
 * closed set of routes, anything else is `not-found`.
 */
export type OrgTab = 'users' | 'report' | 'designations';

export type Route =
  | { name: 'me' }
  | { name: 'link'; kind: 'learn' | 'partner-university' }
  | { name: 'planner' }
  | { name: 'org'; tab: OrgTab }
  | { name: 'settings' }
  | { name: 'welcome' }
  | { name: 'not-found'; path: string };

const ORG_TABS: readonly OrgTab[] = ['users', 'report', 'designations'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  const [head, sub, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', path };
  switch (head) {
    case undefined:
      return { name: 'me' };
    case 'link':
      if (sub === 'learn' || sub === 'partner-university') return { name: 'link', kind: sub };
      return { name: 'not-found', path };
    case 'planner':
      return sub === undefined ? { name: 'planner' } : { name: 'not-found', path };
    case 'settings':
      return sub === undefined ? { name: 'settings' } : { name: 'not-found', path };
    case 'welcome':
      return sub === undefined ? { name: 'welcome' } : { name: 'not-found', path };
    case 'org': {
      if (sub === undefined) return { name: 'org', tab: 'users' };
      const tab = ORG_TABS.find((t) => t === sub);
      return tab ? { name: 'org', tab } : { name: 'not-found', path };
    }
    default:
      return { name: 'not-found', path };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'me':
      return '#/';
    case 'link':
      return `#/link/${route.kind}`;
    case 'org':
      return `#/org/${route.tab}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

/**
 * The route a click follows, when it is a plain click (no modifier, main
 * button, not prevented) on one of the app's own links (`href="#/…"`, no
 * `target`, no `download`); else null. The shell shows the route at the click: the
 * browser's hashchange comes a task (often a frame) later, and finds it
 * shown already.
 */
export function clickedRoute(event: MouseEvent): Route | null {
  const { target } = event;
  const link =
    target instanceof Element
      ? target.closest('a[href^="#/"]:not([target]):not([download])')
      : null;
  if (!link || event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  return parseRoute(link.getAttribute('href') ?? '');
}

/** Whether two routes are the same screen (and tab). */
export function sameRoute(a: Route, b: Route): boolean {
  return routeHref(a) === routeHref(b);
}

function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
