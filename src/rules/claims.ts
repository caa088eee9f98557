/**
 * What an authority (the embedded Partner Center, a real server) checks of an
 * action before it decides: the action names a profile and says what it is
 * (kind, MCID), but the authority decides from its own record of that
 * profile, never from the action's word. A Learn profile sent as Partner
 * University, an incomplete one with an invented MCID, or someone else's
 * profile is refused here, before `decideLink`/`decideUnlink` run on the
 * authority's records.
 */
import type { ProfileKind, RefusalCode } from './types';
import { hasMcid } from './world';

export interface ProfileRecord {
  id: string;
  kind: ProfileKind;
  mcid?: string | null;
  /** The person the profile belongs to. */
  personId: string;
}

/** The profile as the action describes it (`WireAction.profile`). */
export interface ClaimedProfile {
  kind: ProfileKind;
  id: string;
  mcid?: string | null;
}

/**
 * Null when the action's profile is the authority's record of it and belongs
 * to the person of the work account (`accountPersonId`, undefined when the
 * authority has no such account: `decide*` then refuses NO_ACCESS).
 */
export function checkClaimedProfile(
  record: ProfileRecord | undefined,
  claimed: ClaimedProfile,
  accountPersonId: string | undefined,
): RefusalCode | null {
  if (record?.id !== claimed.id || record.kind !== claimed.kind) return 'PROFILE_MISMATCH';
  // Only yourself (rule 2): a profile is linked by the person it belongs to.
  if (accountPersonId !== undefined && record.personId !== accountPersonId) return 'NOT_SELF';
  const mcid = claimed.mcid ?? null;
  if (mcid !== null && mcid !== (record.mcid ?? null)) {
    // An MCID the record does not have: still incomplete, whatever the action says.
    return record.kind === 'learn' && !hasMcid(record) ? 'PROFILE_INCOMPLETE' : 'PROFILE_MISMATCH';
  }
  return null;
}
