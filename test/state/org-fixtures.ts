/**
 * Hand-built worlds for the organization view's figures: plain rows in the
 * shapes the store keeps, so each expected date can be worked out by hand.
 */
import type { ReportInput } from '../../src/rules';
import type { Association, LearningProfile, WorkAccount } from '../../src/store';

export function account(id: string, orgId: string, over: Partial<WorkAccount> = {}): WorkAccount {
  return {
    id,
    orgId,
    personId: `person-${id}`,
    displayName: id,
    email: `${id}@${orgId}.example`,
    roles: [],
    createdBy: null,
    createdOn: '2025-01-01',
    firstSignInOn: '2025-01-02',
    deletedOn: null,
    ...over,
  };
}

export function link(
  profileId: string,
  accountId: string,
  startedOn: string,
  endedOn: string | null = null,
  endReason: Association['endReason'] = null,
): Association {
  return {
    id: `${profileId}-${accountId}-${startedOn}`,
    profileId,
    accountId,
    startedOn,
    endedOn,
    endReason,
    pendingActionId: null,
  };
}

export function learn(id: string): LearningProfile {
  return { id, personId: `person-${id}`, kind: 'learn', mcid: '123456', label: id };
}

export function cert(id: string, profileId: string, code: string, completedOn: string) {
  return { id, profileId, code, title: `${code} exam`, kind: 'certification', completedOn };
}

export type World = ReportInput & { profiles: LearningProfile[] };
