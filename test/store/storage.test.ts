import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  StorageFullError,
  asStorageError,
  guardQuota,
  requestPersistence,
  storageEstimate,
} from '../../src/store';

function manager(opts: { persisted: boolean; grant: boolean; usage?: number; quota?: number }) {
  let asked = 0;
  const storage: Partial<StorageManager> = {
    persisted: () => Promise.resolve(opts.persisted),
    persist: () => {
      asked++;
      return Promise.resolve(opts.grant);
    },
    estimate: () => Promise.resolve({ usage: opts.usage ?? 0, quota: opts.quota ?? 0 }),
  };
  return { storage, asked: () => asked };
}

describe('requestPersistence', () => {
  it('asks only when not yet persisted, and says what the browser answered', async () => {
    const already = manager({ persisted: true, grant: false });
    expect(await requestPersistence(already.storage)).toBe('granted');
    expect(already.asked()).toBe(0);
    expect(await requestPersistence(manager({ persisted: false, grant: true }).storage)).toBe(
      'granted',
    );
    expect(await requestPersistence(manager({ persisted: false, grant: false }).storage)).toBe(
      'denied',
    );
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
});

describe('storageEstimate', () => {
  it('gives usage, quota and their ratio', async () => {
    const { storage } = manager({ persisted: false, grant: false, usage: 25, quota: 100 });
    expect(await storageEstimate(storage)).toEqual({ usage: 25, quota: 100, ratio: 0.25 });
    const unknownQuota = manager({ persisted: false, grant: false, usage: 5 });
    expect(await storageEstimate(unknownQuota.storage)).toEqual({
      usage: 5,
      quota: 0,
      ratio: null,
    });
    expect(await storageEstimate({})).toBeNull();
  });
});

describe('quota errors', () => {
  it('are recognised as DOMException, Dexie error, or wrapped inner error', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(asStorageError(dom)).toBeInstanceOf(StorageFullError);
    expect(asStorageError(new Dexie.QuotaExceededError('full'))).toBeInstanceOf(StorageFullError);
    expect(asStorageError(new Dexie.AbortError('aborted', dom))).toBeInstanceOf(StorageFullError);
    const other = new Error('boom');
    expect(asStorageError(other)).toBe(other);
  });

  it('guardQuota rethrows a quota error as StorageFullError with the cause', async () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    const error: unknown = await guardQuota(() => Promise.reject(dom)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).cause).toBe(dom);
    await expect(guardQuota(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
