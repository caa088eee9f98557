/**
 * The state of the app shell: language, connectivity, route, and the
 * service worker's offers. It loads before the storage layer so the shell
 * paints at once; the data state arrives later (see main.tsx).
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { messagesFor, type Lang, type Messages } from '../i18n';
import { parseRoute, type Route } from './route';

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
  /** What accepting an update does (the service worker bridge). */
  onAcceptUpdate?: () => void;
}

export function createShellState(options: ShellOptions): ShellState {
  const lang = signal<Lang>(options.lang);
  const updateAvailable = signal(false);
  const state: ShellState = {
    lang,
    messages: computed(() => messagesFor(lang.value)),
    online: signal(options.online),
    route: signal(parseRoute(options.hash)),
    updateAvailable,
    dbBlocked: signal(false),
    likelyNobodyChosen: options.likelyNobodyChosen ?? false,
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
