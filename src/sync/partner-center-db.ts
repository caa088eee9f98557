/**
 * The embedded Partner Center's own database, apart from the app's: it is the
 * authority, so the app's optimistic rows never leak into it. Its directory
 * (organizations, accounts, profiles) mirrors what admins manage in the app;
 * its associations and `applied` table are its own truth.
 */
import { Dexie } from 'dexie';
import type { ProfileKind, WireResult } from '../rules';
import type { DexieOf } from '../store';
import type { AuthorityAssociation } from './authority';

export const PC_DB_NAME = 'mcid-link-partner-center';

/** The first result of every action id it has seen: a repeat gets exactly this back. */
export interface AppliedAction {
  id: string;
  result: WireResult;
  appliedAt: string;
}

/**
 * When it took the app's associations as its truth (`seeded`), and what
 * directory it last copied (`directory`: a digest of it, so an arrival that
 * finds the same directory neither reads nor writes its copy).
 */
export interface PcMeta {
  key: 'seeded' | 'directory';
  at: string;
  /** `directory`: the digest of the directory copied on `at`. */
  digest?: string;
}

export interface PcOrganization {
  id: string;
  domains: string[];
}

/** A work account as Partner Center knows it: who it is, who created it, its sign-in and deletion. */
export interface PcAccount {
  id: string;
  orgId: string;
  personId: string;
  email: string;
  roles: string[];
  createdBy: string | null;
  createdOn: string;
  firstSignInOn: string | null;
  deletedOn: string | null;
}

/** A learning profile as the authority knows it: the record an action is checked against. */
export interface PcProfile {
  id: string;
  personId: string;
  kind: ProfileKind;
  mcid: string | null;
}

export type PartnerCenterDb = DexieOf<
  {
    organizations: PcOrganization;
    accounts: PcAccount;
    profiles: PcProfile;
    associations: AuthorityAssociation;
    applied: AppliedAction;
    meta: PcMeta;
  },
  { meta: 'key' }
>;

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
