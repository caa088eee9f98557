import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, serializeCatalog } from '../../../src/rules/org/catalog';
import {
  deviceCatalogStore,
  fetchSampleCatalog,
  loadCatalog,
  saveCatalog,
} from '../../../src/state/org/catalog-store';

const sampleText = readFileSync('public/catalog/sample-designations.json', 'utf8');

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      items.set(k, v);
    },
    removeItem: (k: string) => {
      items.delete(k);
    },
  };
}

const answer =
  (body: string, status = 200) =>
  () =>
    Promise.resolve(new Response(body, { status }));

describe('the shipped sample, fetched', () => {
  it('is validated before use', async () => {
    expect((await fetchSampleCatalog('x', answer(sampleText))).ok).toBe(true);
    expect(await fetchSampleCatalog('x', answer('{"version":2}'))).toMatchObject({ ok: false });
    expect(await fetchSampleCatalog('x', answer('nope'))).toEqual({
      ok: false,
      problem: '(catalog): could not be read',
    });
    expect(await fetchSampleCatalog('x', answer('', 404))).toEqual({
      ok: false,
      problem: '(catalog): HTTP 404',
    });
  });
});

describe('the catalog kept on the device', () => {
  it('uses the sample until an edit is saved, then the saved one; clearing goes back', async () => {
    const store = deviceCatalogStore(memoryStorage());
    const sample = () => Promise.resolve(parseCatalog(sampleText));
    const first = await loadCatalog(store, sample);
    if (!first.ok) throw new Error(first.problem);
    expect(first.catalog.sample).toBe(true);
    await saveCatalog(store, { ...first.catalog, sample: false });
    expect(await loadCatalog(store, sample)).toMatchObject({
      ok: true,
      catalog: { sample: false },
    });
    await store.clear();
    expect(await loadCatalog(store, sample)).toMatchObject({ ok: true, catalog: { sample: true } });
  });

  it('reports a corrupt saved catalog instead of silently replacing it', async () => {
    const storage = memoryStorage();
    const store = deviceCatalogStore(storage);
    const parsed = parseCatalog(sampleText);
    if (!parsed.ok) throw new Error(parsed.problem);
    storage.setItem(
      'mcid-link:designation-catalog',
      serializeCatalog(parsed.catalog).replace('"AZ-104"', '"hello"'),
    );
    const loaded = await loadCatalog(store, () => Promise.resolve(parsed));
    expect(loaded.ok).toBe(false);
  });
});
