/**
 * Storage health: persistent storage, how much is used, and the quota error.
 * IndexedDB aborts the whole transaction when the quota is hit, so a
 * `StorageFullError` always means nothing of that operation was written.
 */
import { Dexie } from 'dexie';
import { StorageFullError } from './errors';

function isQuotaError(error: unknown): boolean {
  if (error instanceof Dexie.QuotaExceededError) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Dexie wraps the DOMException of a failed request as `inner`.
  const inner = (error as { inner?: unknown }).inner;
  return inner !== undefined && inner !== error && isQuotaError(inner);
}

/** The error to show for a failed write: a quota error becomes `StorageFullError`. */
export function asStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
}

/** Runs a write, turning a quota error into `StorageFullError`. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asStorageError(error);
  }
}

/** `navigator.storage` where there is one (some browsers and test runners have none). */
function deviceStorage(): Partial<StorageManager> | undefined {
  return (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage;
}

export type PersistResult = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser to keep our data under storage pressure. Call it after a
 * user action (a link request, an import): browsers grant it more readily then.
 */
export async function requestPersistence(
  storage: Partial<StorageManager> | undefined = deviceStorage(),
): Promise<PersistResult> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
  return (await storage.persist()) ? 'granted' : 'denied';
}

export interface StorageUse {
  usage: number;
  quota: number;
  /** usage / quota, 0..1; null when the browser does not say. */
  ratio: number | null;
}

export async function storageEstimate(
  storage: Partial<StorageManager> | undefined = deviceStorage(),
): Promise<StorageUse | null> {
  if (typeof storage?.estimate !== 'function') return null;
  const { usage = 0, quota = 0 } = await storage.estimate();
  return { usage, quota, ratio: quota > 0 ? usage / quota : null };
}
