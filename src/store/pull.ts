/**
 * Which accounts a pull reads: the person's own (every work account of the
 * person this device acts as), and for an admin on the organization screens
 * the organization's too. Deleted accounts are left out: their links ended
 * with them.
 */
import type { AppDb } from './db';
import { getSettings } from './settings';

export type PullScope = 'me' | 'org';

export async function pullAccountIds(db: AppDb, scope: PullScope): Promise<string[]> {
  const { currentAccountId } = await getSettings(db);
  if (currentAccountId === null) return [];
  const current = await db.accounts.get(currentAccountId);
  if (!current) return [];
  const ids = new Set<string>();
  for (const a of await db.accounts.where('personId').equals(current.personId).toArray()) {
    if (a.deletedOn === null) ids.add(a.id);
  }
  if (scope === 'org' && current.roles.length > 0 && current.deletedOn === null) {
    await db.accounts
      .where('orgId')
      .equals(current.orgId)
      .each((a) => {
        if (a.deletedOn === null) ids.add(a.id);
      });
  }
  return [...ids].sort();
}
