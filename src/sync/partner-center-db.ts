/**
 * The embedded Partner Center's own database, apart from the app's: it is the
 * authority, so the app's optimistic rows never leak into it. Its directory
 * (organizations, accounts, profiles) mirrors what admins manage in the app;
 * its associations and `applied` table are its own truth.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { WireResult, World } from '../rules';
import type { AuthorityAssociation } from './authority';

export const PC_DB_NAME = 'mcid-link-partner-center';

/** The first result of every action id it has seen: a repeat gets exactly this back. */
export interface AppliedAction {
  id: string;
  result: WireResult;
  appliedAt: string;
}

export interface PcMeta {
  key: 'seeded';
  at: string;
}

export type PcOrganization = World['organizations'][number];
export type PcAccount = World['accounts'][number] & { id: string };
export type PcProfile = World['profiles'][number];

export type PartnerCenterDb = Dexie & {
  organizations: EntityTable<PcOrganization, 'id'>;
  accounts: EntityTable<PcAccount, 'id'>;
  profiles: EntityTable<PcProfile, 'id'>;
  associations: EntityTable<AuthorityAssociation, 'id'>;
  applied: EntityTable<AppliedAction, 'id'>;
  meta: EntityTable<PcMeta, 'key'>;
};

export function openPartnerCenter(name: string = PC_DB_NAME): PartnerCenterDb {
  const db = new Dexie(name) as PartnerCenterDb;
  db.version(1).stores({
    organizations: 'id',
    accounts: 'id',
    profiles: 'id',
    associations: 'id, accountId, profileId',
    applied: 'id',
    meta: 'key',
  });
  return db;
}

/**
 * Forgets everything, so the next use seeds again from the app's data. The
 * app's "reset all data" calls this after clearing its own database.
 */
export async function resetEmbedded(pc: PartnerCenterDb): Promise<void> {
  await pc.transaction('rw', pc.tables, async () => {
    await Promise.all(pc.tables.map((t) => t.clear()));
  });
}
