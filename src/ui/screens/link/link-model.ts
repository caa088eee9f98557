/**
 * The link screen's view models, from what the state layer reads (the same
 * shapes as the home screen's, in the individual's area).
 */
import { compareDates, creditDate, reportRemovalDate, type ProfileKind } from '../../../rules';
import {
  accountView,
  linkedHere,
  profileView,
  type LinkCheck,
  type LinkChoice,
  type LinkView,
  type MyStateIn,
  type ProfileStateIn,
} from '../individual';

export function toLinkView(my: MyStateIn, kind: ProfileKind, today: string): LinkView {
  return {
    kind,
    today,
    account: accountView(my.account, my.org?.name ?? ''),
    profiles: my.profiles.filter((p) => p.profile.kind === kind).map((p) => profileView(p.profile)),
  };
}

/**
 * What linking `profile` would mean, once the rules allowed it: the company
 * whose link ends (the move) with its report removal date, when the existing
 * achievements start to count here, and which start of the window this is.
 */
export function allowedCheck(
  my: MyStateIn,
  profile: ProfileStateIn | null,
  choice: LinkChoice,
  today: string,
): LinkCheck {
  const elsewhere =
    profile?.activeLink && !linkedHere(profile, my.account.id) ? profile.activeLink : null;
  const completions = (profile?.achievements ?? []).map((a) => a.achievement.completedOn);
  const credits = completions.map((c) => creditDate(c, today)).sort(compareDates);
  return {
    ok: true,
    choice,
    ends: elsewhere
      ? [{ orgName: elsewhere.org?.name ?? '', removalOn: reportRemovalDate(today) }]
      : [],
    creditFrom: credits[0] ?? null,
    // The person's count, whichever profile this is (a new MCID included).
    startNumber: my.limits.associationsUsed + 1,
    limit: my.limits.yearlyLimit,
  };
}
