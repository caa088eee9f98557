/**
 * What the planner needs, gathered from the store's rows for the account this
 * device acts as: the person's own work accounts (one per company: the link
 * targets), their organizations, and the full history of their profiles.
 * Pure: the rows come from the store's planner query (store/queries-planner.ts).
 */
import type {
  PlannerAccount,
  PlannerAchievement,
  PlannerAssociation,
  PlannerData,
  PlannerOrganization,
  PlannerProfile,
} from './types';

/** The rows the planner reads: its own shapes, with what picks the person's out. */
export interface PlannerTables {
  organizations: readonly PlannerOrganization[];
  accounts: readonly (PlannerAccount & { personId: string })[];
  profiles: readonly (PlannerProfile & { removedOn?: string | null })[];
  associations: readonly PlannerAssociation[];
  achievements: readonly PlannerAchievement[];
}

export type PlannerLoad =
  | { state: 'loading' }
  | { state: 'no-account' }
  | { state: 'no-profile' }
  | { state: 'ready'; data: PlannerData };

interface Candidate {
  kind: string;
  mcid?: string | null;
  removedOn?: string | null;
}

/**
 * The Learn profile to plan for, the one answer for the planner and its
 * reminders: the one the person has linked, else the one with an MCID ready
 * to link, else any. A removed profile ("not my MCID") is never planned for,
 * though its starts still count (docs/policy.md rule 5).
 */
export function learnProfileToPlan<P extends Candidate>(
  profiles: readonly P[],
  isLinked: (profile: P) => boolean,
): P | undefined {
  const learn = profiles.filter((p) => p.kind === 'learn' && !p.removedOn);
  return learn.find(isLinked) ?? learn.find((p) => p.mcid != null) ?? learn[0];
}

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
  const chosen = learnProfileToPlan(profiles, (p) =>
    associations.some((a) => a.profileId === p.id && a.endedOn === null),
  );
  if (!chosen) return { state: 'no-profile' };
  const orgIds = new Set(accounts.map((a) => a.orgId));
  // Each row narrowed to the planner's shape (the store's rows carry more).
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
