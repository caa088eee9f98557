/**
 * What the planner needs, gathered from the store's rows for the account this
 * device acts as: the person's own work accounts (one per company: the link
 * targets), their organizations, and the full history of their profiles.
 * Pure: the rows come from the store's snapshot reader.
 */
import type { PlannerData, PlannerProfile } from './types';

export interface PlannerTables {
  organizations: readonly { id: string; name: string; domains: string[] }[];
  accounts: readonly {
    id: string;
    orgId: string;
    personId: string;
    email: string;
    displayName: string;
    deletedOn: string | null;
  }[];
  profiles: readonly {
    id: string;
    personId: string;
    kind: PlannerProfile['kind'];
    mcid: string | null;
    removedOn?: string | null;
  }[];
  associations: readonly {
    profileId: string;
    accountId: string;
    startedOn: string;
    endedOn: string | null;
    endReason: 'unlinked' | 'moved' | 'account-deleted' | null;
  }[];
  achievements: readonly {
    id: string;
    profileId: string;
    code: string;
    title: string;
    kind: string;
    completedOn: string;
  }[];
}

export type PlannerLoad =
  | { state: 'loading' }
  | { state: 'no-account' }
  | { state: 'no-profile' }
  | { state: 'ready'; data: PlannerData };

export function plannerDataFrom(
  tables: PlannerTables,
  accountId: string | null,
  today: string,
): PlannerLoad {
  const me = tables.accounts.find((a) => a.id === accountId);
  if (!me) return { state: 'no-account' };
  const accounts = tables.accounts.filter((a) => a.personId === me.personId);
  const profiles = tables.profiles.filter((p) => p.personId === me.personId);
  const profileIds = new Set(profiles.map((p) => p.id));
  const associations = tables.associations.filter((a) => profileIds.has(a.profileId));
  // A removed profile ("not my MCID") is not planned for, but its starts count.
  const learn = profiles.filter((p) => p.kind === 'learn' && !p.removedOn);
  // The MCID the person has linked, else the one ready to link, else any Learn profile.
  const chosen =
    learn.find((p) => associations.some((a) => a.profileId === p.id && a.endedOn === null)) ??
    learn.find((p) => p.mcid !== null) ??
    learn[0];
  if (!chosen) return { state: 'no-profile' };
  const orgIds = new Set(accounts.map((a) => a.orgId));
  return {
    state: 'ready',
    data: {
      today,
      profileId: chosen.id,
      profiles: profiles.map(({ id, kind, mcid, personId }) => ({ id, kind, mcid, personId })),
      accounts: accounts.map(({ id, orgId, email, deletedOn }) => ({
        id,
        orgId,
        email,
        deletedOn,
      })),
      organizations: tables.organizations
        .filter((o) => orgIds.has(o.id))
        .map(({ id, name, domains }) => ({ id, name, domains })),
      // Every start counts against the limits, whichever account it was at.
      associations: associations.map(({ profileId, accountId, startedOn, endedOn, endReason }) => ({
        profileId,
        accountId,
        startedOn,
        endedOn,
        endReason,
      })),
      achievements: tables.achievements
        .filter((a) => profileIds.has(a.profileId))
        .map(({ id, profileId, code, title, kind, completedOn }) => ({
          id,
          profileId,
          code,
          title,
          kind,
          completedOn,
        })),
    },
  };
}
