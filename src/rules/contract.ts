/**
 * The sync contract's wire types (docs/sync-contract.md). Pure types,
 * shared by the store (which applies results), the sync engine (which sends
 * and validates them), the embedded Partner Center and the reference server
 * in test/. The valibot schemas that check untrusted answers live in src/sync.
 */
import type { ProfileKind } from './types';

export type WireEndReason = 'unlinked' | 'moved' | 'account-deleted';

export interface WireAction {
  /** UUID; the idempotency key. */
  id: string;
  type: 'link' | 'unlink';
  actorAccountId: string;
  accountId: string;
  profile: { kind: ProfileKind; id: string; mcid?: string | null };
  /** ISO instant. */
  requestedAt: string;
}

export interface WireAssociation {
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn?: string | null;
  endReason?: WireEndReason | null;
}

export interface WireResult {
  id: string;
  status: 'applied' | 'rejected';
  code?: string;
  nextAllowedOn?: string;
  /** The association the action created (link) or ended (unlink). */
  association?: WireAssociation;
  /** Associations ended as a side effect (the move from company A). */
  ended?: WireAssociation[];
}

export interface WireAccountState {
  accountId: string;
  /** ISO instant of the remote's view. */
  asOf: string;
  associations: WireAssociation[];
  /** profileId → the first day a new association can start. */
  nextAssociationOn: Record<string, string>;
}

/** At most this many actions go in one POST. */
export const MAX_BATCH = 100;
