/**
 * Turns what the state layer reads (the store's "my view" and the outbox)
 * into the screens' view models. The input shapes are written here as the
 * minimal structure the screens need, so the UI depends on no store module.
 */
import type { ProfileKind } from '../../../rules';
import type { QueueItem } from '../../components/queue-list';
import type { AchievementKind, AchievementView, MeView, ProfileSlot } from './view-model';
import { accountView, type AccountIn } from './account-view';
import { linkedHere, profileView } from './profile-view';

export interface ProfileIn {
  id: string;
  kind: ProfileKind;
  label: string;
  mcid: string | null;
}

/** One profile of the person, as the store's `myView` reads it. */
export interface ProfileStateIn {
  profile: ProfileIn;
  activeLink: {
    association: { accountId: string; startedOn: string };
    account: { id: string } | null;
    org: { name: string } | null;
  } | null;
  pending: boolean;
  achievements: {
    achievement: {
      id: string;
      code: string;
      title: string;
      kind: AchievementKind;
      completedOn: string;
    };
    creditOn: string | null;
    status: 'pending' | 'counted' | 'not-linked';
  }[];
}

export interface MyStateIn {
  account: AccountIn;
  org: { id: string; name: string; domains: string[] } | null;
  profiles: ProfileStateIn[];
  /** The person's limits, across all of their profiles and both kinds (docs/policy.md rule 5). */
  limits: { associationsUsed: number; yearlyLimit: number; nextAssociationOn: string };
}

/** An outbox entry: the queue's own fields as they are, and whose and which profile. */
export interface OutboxIn extends Omit<QueueItem, 'profileKind' | 'profileLabel'> {
  accountId: string;
  profile: { kind: ProfileKind; id: string; mcid?: string | null };
}

function slot(my: MyStateIn, kind: ProfileKind): ProfileSlot {
  const ofKind = my.profiles.filter((p) => p.profile.kind === kind);
  // The one linked here first; otherwise the person's first of this kind.
  const chosen = ofKind.find((p) => linkedHere(p, my.account.id)) ?? ofKind[0];
  if (!chosen) {
    return {
      kind,
      profile: null,
      link: null,
      elsewhere: null,
      usedInWindow: my.limits.associationsUsed,
      limit: my.limits.yearlyLimit,
      nextAssociationOn: my.limits.nextAssociationOn,
    };
  }
  const active = linkedHere(chosen, my.account.id) ? chosen.activeLink : null;
  return {
    kind,
    profile: profileView(chosen.profile),
    link: active ? { startedOn: active.association.startedOn, pending: chosen.pending } : null,
    elsewhere: !active && chosen.activeLink ? (chosen.activeLink.org?.name ?? '') : null,
    usedInWindow: my.limits.associationsUsed,
    limit: my.limits.yearlyLimit,
    nextAssociationOn: my.limits.nextAssociationOn,
  };
}

export function queueItems(
  outbox: readonly OutboxIn[],
  accountId: string,
  profiles: readonly ProfileStateIn[],
): QueueItem[] {
  const labels = new Map(profiles.map((p) => [p.profile.id, p.profile.mcid ?? p.profile.label]));
  return outbox
    .filter((e) => e.accountId === accountId)
    .map((e) => ({
      id: e.id,
      type: e.type,
      profileKind: e.profile.kind,
      profileLabel: e.profile.mcid ?? labels.get(e.profile.id) ?? '',
      state: e.state,
      attempts: e.attempts,
      nextAttemptAt: e.nextAttemptAt,
      code: e.code,
      nextAllowedOn: e.nextAllowedOn,
      lastError: e.lastError,
    }));
}

export function toMeView(my: MyStateIn, outbox: readonly OutboxIn[], today: string): MeView {
  const achievements: AchievementView[] = [];
  for (const p of my.profiles) {
    if (!linkedHere(p, my.account.id)) continue;
    for (const a of p.achievements) {
      if (a.creditOn === null) continue;
      const { id, code, title, kind, completedOn } = a.achievement;
      achievements.push({
        id,
        code,
        title,
        kind,
        completedOn,
        creditOn: a.creditOn,
        counted: a.status === 'counted',
      });
    }
  }
  return {
    today,
    account: accountView(my.account, my.org?.name ?? ''),
    learn: slot(my, 'learn'),
    partnerUniversity: slot(my, 'partner-university'),
    achievements,
    queue: queueItems(outbox, my.account.id, my.profiles),
    profileIds: my.profiles.map((p) => p.profile.id),
  };
}
