/**
 * Where the organization's edited designation catalog lives, and where the
 * shipped sample comes from.
 *
 * The app keeps it in the store's `catalog` table (`appCatalogStore`), so it
 * is exported, imported and reset with everything else; `deviceCatalogStore`
 * (web storage) serves where no app state is at hand.
 */
import type { ReadonlySignal } from '@preact/signals';
import {
  checkCatalog,
  parseCatalog,
  serializeCatalog,
  type Catalog,
  type CatalogParse,
} from '../../rules/org/catalog';

export interface CatalogStore {
  /** The saved catalog text, or null when none was saved. */
  load: () => Promise<string | null>;
  save: (json: string) => Promise<void>;
  clear: () => Promise<void>;
}

export const CATALOG_STORAGE_KEY = 'mcid-link:designation-catalog';

type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function deviceCatalogStore(storage: WebStorage, key = CATALOG_STORAGE_KEY): CatalogStore {
  return {
    load: () => Promise.resolve(storage.getItem(key)),
    save: (json) => {
      // setItem throws QuotaExceededError when the device is full: the caller reports it.
      storage.setItem(key, json);
      return Promise.resolve();
    },
    clear: () => {
      storage.removeItem(key);
      return Promise.resolve();
    },
  };
}

/** Reads the shipped sample (precached by the service worker, so it works offline). */
export async function fetchSampleCatalog(
  url: URL | string,
  fetchFn: typeof fetch = fetch,
): Promise<CatalogParse> {
  let value: unknown;
  try {
    const res = await fetchFn(url);
    if (!res.ok) return { ok: false, problem: `(catalog): HTTP ${res.status}` };
    value = await res.json();
  } catch {
    return { ok: false, problem: '(catalog): could not be read' };
  }
  return checkCatalog(value);
}

/** The saved catalog when there is one, else the sample; a corrupt saved one is reported, not replaced. */
export async function loadCatalog(
  store: CatalogStore,
  sample: () => Promise<CatalogParse>,
): Promise<CatalogParse> {
  const saved = await store.load();
  return saved === null ? sample() : parseCatalog(saved);
}

export async function saveCatalog(store: CatalogStore, catalog: Catalog): Promise<void> {
  await store.save(serializeCatalog(catalog));
}

/** The part of the app state the catalog needs (the store's `catalog` record, live). */
export interface CatalogSource {
  catalog: ReadonlySignal<{ json: string } | null> & { ready: ReadonlySignal<boolean> };
  saveCatalog: (json: string, sample: boolean) => Promise<{ ok: boolean }>;
  clearCatalog: () => Promise<{ ok: boolean }>;
}

/** Resolves once the live record has answered (or after `ms`, reading what is there). */
function answered(ready: ReadonlySignal<boolean>, ms: number): Promise<void> {
  if (ready.value) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    const stop = ready.subscribe((value) => {
      if (value) finish();
    });
    function finish() {
      clearTimeout(timer);
      queueMicrotask(stop);
      resolve();
    }
  });
}

/**
 * The catalog kept in the device's database (schema v2's `catalog` table), so
 * that it travels with export and import and goes with a reset.
 */
export function appCatalogStore(app: CatalogSource, waitMs = 5_000): CatalogStore {
  const check = async (write: Promise<{ ok: boolean }>) => {
    if (!(await write).ok) throw new Error('catalog not saved');
  };
  return {
    load: async () => {
      await answered(app.catalog.ready, waitMs);
      return app.catalog.value?.json ?? null;
    },
    save: (json) => check(app.saveCatalog(json, false)),
    clear: () => check(app.clearCatalog()),
  };
}
