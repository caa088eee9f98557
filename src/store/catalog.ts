/**
 * The designation catalog record (schema v2). The store keeps the JSON text
 * the organization edits; the organization view validates and parses it.
 */
import { text } from './check';
import type { AppDb } from './db';
import type { CatalogRecord } from './records';
import { guardQuota } from './storage';

export const CATALOG_ID = 'designations';
const MAX_CATALOG_CHARS = 1024 * 1024;

export async function getCatalog(
  db: AppDb,
  id: string = CATALOG_ID,
): Promise<CatalogRecord | null> {
  return (await db.catalog.get(id)) ?? null;
}

/** Stores the catalog text as given (refused when empty or over 1 MB). */
export async function saveCatalog(
  db: AppDb,
  input: { json: string; sample: boolean; id?: string },
  now: Date,
): Promise<CatalogRecord> {
  const record: CatalogRecord = {
    id: input.id ?? CATALOG_ID,
    json: text(input.json, 'json', MAX_CATALOG_CHARS),
    sample: input.sample,
    updatedAt: now.toISOString(),
  };
  await guardQuota(() => db.catalog.put(record));
  return record;
}

/** Forgets the organization's edits: the organization view falls back to the shipped sample. */
export async function clearCatalog(db: AppDb, id: string = CATALOG_ID): Promise<void> {
  await guardQuota(() => db.catalog.delete(id));
}
