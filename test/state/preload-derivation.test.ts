/**
 * A check comes before a link: the store's derivation, which every write of
 * the links follows (report-upkeep.ts), starts loading at the check, so the
 * link's own transaction does not wait for the module (it did, on the link
 * screen opened before the page's idle preload).
 */
import { describe, expect, it, vi } from 'vitest';
import { createAppState } from '../../src/state/app-state';
import { openDb } from '../../src/store';
import { preloadDerivation } from '../../src/store/report-upkeep';

vi.mock('../../src/store/report-upkeep', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/report-upkeep')>();
  return { ...original, preloadDerivation: vi.fn(original.preloadDerivation) };
});

const NOW = new Date('2026-11-25T09:00:00Z');

describe('the derivation is loaded ahead of a link', () => {
  it('starts loading at the check (typed or picked), before anything is written', async () => {
    const app = createAppState(openDb(`t-${crypto.randomUUID()}`), { now: () => NOW });
    expect(preloadDerivation).not.toHaveBeenCalled();
    await app.previewTyped({ actorAccountId: 'a', accountId: 'a', mcid: '1234567' });
    expect(preloadDerivation).toHaveBeenCalledTimes(1);
    await app.previewLink('link', { actorAccountId: 'a', accountId: 'a', profileId: 'p' });
    expect(preloadDerivation).toHaveBeenCalledTimes(2);
    app.dispose();
  });
});
