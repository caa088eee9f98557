/**
 * Where the organization's edited designation catalog lives, and where the
 * shipped sample comes from.
 *
 * The store has a `catalog` table (schema v2) but no operation to read or
 * write it yet, and the app state does not expose one; until it does, the
 * catalog is kept in this device's web storage behind the same small port,
 * so switching to the table is one new implementation of `CatalogStore`.
 * "Erase this device" clears web storage too.
 */
import {
  checkCatalog,
  parseCatalog,
  serializeCatalog,
  type Catalog,
  type CatalogParse,
} from './org-catalog';

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
