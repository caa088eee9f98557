/**
 * The individual's learning profiles and their achievements. These are the
 * person's own data (Microsoft Learn / Partner University), kept on this device.
 */
import type { ProfileKind } from '../rules';
// By their own paths (see queries-me): the rules' index would bring the link decisions to a first visit.
import { isIsoDate } from '../rules/dates';
import { isValidMcid, normalizeMcid } from '../rules/validate';
import type { AppDb } from './db';
import { text } from './check';
import { StoreRefusal } from './errors';
import type { Achievement, AchievementKind, LearningProfile } from './records';
import { guardQuota } from './storage';

const KINDS: readonly ProfileKind[] = ['learn', 'partner-university'];
const ACHIEVEMENT_KINDS: readonly AchievementKind[] = ['certification', 'assessment', 'training'];

/** Digits (spaces people paste along removed), or null; only Learn profiles have one. */
function mcidFor(kind: ProfileKind, mcid: string | null | undefined): string | null {
  if (mcid === null || mcid === undefined || mcid.trim() === '') return null;
  const digits = normalizeMcid(mcid);
  if (kind !== 'learn' || !isValidMcid(digits)) throw new StoreRefusal('MCID_INVALID');
  return digits;
}

/**
 * An MCID belongs to one person's certification profile: a second profile
 * with it is a typo. And a person has one MCID (docs/policy.md rule 3): a
 * wrong one is removed first ("this is not my MCID"), which keeps its counts.
 */
async function checkMcidFree(
  db: AppDb,
  mcid: string | null,
  profile: Pick<LearningProfile, 'id' | 'personId'>,
): Promise<void> {
  if (mcid === null) return;
  const owners = await db.profiles.where('mcid').equals(mcid).toArray();
  if (owners.some((p) => p.id !== profile.id)) throw new StoreRefusal('DUPLICATE_MCID');
  const theirs = await db.profiles.where('personId').equals(profile.personId).toArray();
  if (theirs.some((p) => p.id !== profile.id && p.kind === 'learn' && p.mcid !== null)) {
    throw new StoreRefusal('PERSON_HAS_OTHER_MCID');
  }
}

export interface NewLearningProfile {
  personId: string;
  kind: ProfileKind;
  label: string;
  mcid?: string | null;
}

export async function addLearningProfile(
  db: AppDb,
  input: NewLearningProfile,
): Promise<LearningProfile> {
  if (!KINDS.includes(input.kind)) throw new StoreRefusal('INVALID_INPUT', undefined, 'kind');
  const profile: LearningProfile = {
    id: crypto.randomUUID(),
    personId: input.personId,
    kind: input.kind,
    mcid: mcidFor(input.kind, input.mcid),
    label: text(input.label, 'label'),
  };
  return guardQuota(() =>
    db.transaction('rw', db.people, db.profiles, async () => {
      if (!(await db.people.get(input.personId))) {
        throw new StoreRefusal('NOT_FOUND', undefined, 'person');
      }
      await checkMcidFree(db, profile.mcid, profile);
      await db.profiles.add(profile);
      return profile;
    }),
  );
}

/**
 * Edits a profile: completing a Learn profile (adding its MCID) is the usual
 * case. The MCID of a linked profile cannot change: the organization's link is
 * to that MCID, so the person unlinks first.
 */
export async function updateLearningProfile(
  db: AppDb,
  profileId: string,
  patch: { label?: string; mcid?: string | null },
): Promise<LearningProfile> {
  return guardQuota(() =>
    db.transaction('rw', db.profiles, db.associations, async () => {
      const profile = await db.profiles.get(profileId);
      if (!profile || profile.removedOn) throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
      const next: LearningProfile = { ...profile };
      if (patch.label !== undefined) next.label = text(patch.label, 'label');
      if (patch.mcid !== undefined) next.mcid = mcidFor(profile.kind, patch.mcid);
      if (next.mcid !== profile.mcid) {
        const linked = await db.associations
          .where('profileId')
          .equals(profileId)
          .filter((a) => a.endedOn === null)
          .count();
        if (linked > 0) throw new StoreRefusal('ALREADY_LINKED');
        await checkMcidFree(db, next.mcid, next);
      }
      await db.profiles.put(next);
      return next;
    }),
  );
}

export type AchievementInput = Omit<Achievement, 'id'>;

function checkAchievement(input: AchievementInput): AchievementInput {
  if (!ACHIEVEMENT_KINDS.includes(input.kind)) {
    throw new StoreRefusal('INVALID_INPUT', undefined, 'kind');
  }
  if (!isIsoDate(input.completedOn)) {
    throw new StoreRefusal('INVALID_INPUT', undefined, 'completedOn');
  }
  return {
    profileId: input.profileId,
    code: text(input.code, 'code', 40),
    title: text(input.title, 'title'),
    kind: input.kind,
    completedOn: input.completedOn,
  };
}

export async function addAchievement(db: AppDb, input: AchievementInput): Promise<Achievement> {
  const achievement: Achievement = { id: crypto.randomUUID(), ...checkAchievement(input) };
  return guardQuota(() =>
    db.transaction('rw', db.profiles, db.achievements, async () => {
      if (!(await db.profiles.get(achievement.profileId))) {
        throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
      }
      await db.achievements.add(achievement);
      return achievement;
    }),
  );
}

export async function updateAchievement(
  db: AppDb,
  id: string,
  patch: Partial<Omit<AchievementInput, 'profileId'>>,
): Promise<Achievement> {
  return guardQuota(() =>
    db.transaction('rw', db.achievements, async () => {
      const current = await db.achievements.get(id);
      if (!current) throw new StoreRefusal('NOT_FOUND', undefined, 'achievement');
      const next: Achievement = { id, ...checkAchievement({ ...current, ...patch }) };
      await db.achievements.put(next);
      return next;
    }),
  );
}

export async function removeAchievement(db: AppDb, id: string): Promise<void> {
  await guardQuota(() =>
    db.transaction('rw', db.achievements, async () => {
      if (!(await db.achievements.get(id))) {
        throw new StoreRefusal('NOT_FOUND', undefined, 'achievement');
      }
      await db.achievements.delete(id);
    }),
  );
}
