/**
 * Reading a `World` safely: its dates are checked before anything is decided
 * (a malformed date must throw, not quietly count as "no date"), and ids are
 * looked up so that duplicates throw instead of depending on array order.
 */
import { toDayNumber } from './dates';
import { RulesInputError } from './errors';
import type { World } from './types';

export type WorldAccount = World['accounts'][number];
export type WorldProfile = World['profiles'][number];
export type WorldAssociation = World['associations'][number];

/** Throws `RulesInputError` on any malformed date or an association that ends before it starts. */
export function checkWorld(world: World): void {
  world.accounts.forEach((a, i) => {
    if (a.deletedOn != null) toDayNumber(a.deletedOn, `accounts[${i}].deletedOn`);
  });
  world.associations.forEach((a, i) => {
    const start = toDayNumber(a.startedOn, `associations[${i}].startedOn`);
    if (a.endedOn == null) return;
    const end = toDayNumber(a.endedOn, `associations[${i}].endedOn`);
    if (end < start) {
      throw new RulesInputError(
        'BAD_RECORD',
        `associations[${i}].endedOn`,
        `ends before it starts (${a.startedOn})`,
        a.endedOn,
      );
    }
  });
}

/** The one row with this id, undefined when none; two rows with it are corrupt data. */
export function findById<T extends { id: string }>(
  rows: readonly T[],
  id: string,
  table: string,
): T | undefined {
  const found = rows.filter((r) => r.id === id);
  if (found.length > 1) {
    throw new RulesInputError('DUPLICATE_ID', table, 'more than one row with this id', id);
  }
  return found[0];
}

export function findProfile(world: Pick<World, 'profiles'>, profileId: string): WorldProfile {
  const profile = findById(world.profiles, profileId, 'profiles');
  if (!profile) throw new RulesInputError('UNKNOWN_ID', 'profileId', 'no such profile', profileId);
  return profile;
}

export function isActive(a: WorldAssociation): boolean {
  return a.endedOn == null;
}

export function hasMcid(profile: WorldProfile): boolean {
  return typeof profile.mcid === 'string' && profile.mcid.trim() !== '';
}
