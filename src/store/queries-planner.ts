/**
 * The planner's read: the person's whole history (every work account, every
 * profile with each of its starts, their achievements and organizations),
 * which the screens' views summarize away. One read transaction, so the
 * planner never plans on half of a change; each table in primary-key order,
 * like the rest of the store's reads. Works inside `liveQuery` too.
 */
import type { PlannerTables } from '../rules/planner/data';
import type { AppDb } from './db';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const NONE: PlannerTables = {
  organizations: [],
  accounts: [],
  profiles: [],
  associations: [],
  achievements: [],
};

/** The rows of the person behind `accountId`; no rows when the account is unknown. */
export function plannerTables(db: AppDb, accountId: string): Promise<PlannerTables> {
  return db.transaction(
    'r',
    [db.accounts, db.organizations, db.profiles, db.associations, db.achievements],
    async () => {
      const me = await db.accounts.get(accountId);
      if (!me) return NONE;
      const [accounts, profiles] = await Promise.all([
        db.accounts.where('personId').equals(me.personId).toArray(),
        db.profiles.where('personId').equals(me.personId).toArray(),
      ]);
      const profileIds = profiles.map((p) => p.id);
      const orgIds = [...new Set(accounts.map((a) => a.orgId))].sort();
      const [organizations, associations, achievements] = await Promise.all([
        db.organizations.bulkGet(orgIds),
        db.associations.where('profileId').anyOf(profileIds).toArray(),
        db.achievements.where('profileId').anyOf(profileIds).toArray(),
      ]);
      return {
        organizations: organizations.filter((o) => o !== undefined),
        accounts,
        profiles,
        associations: associations.sort(byId),
        achievements: achievements.sort(byId),
      };
    },
  );
}
