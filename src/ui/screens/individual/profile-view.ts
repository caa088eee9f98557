/** A profile as the screens show it, and whether it is linked to a given account. */
import type { ProfileIn, ProfileStateIn } from './from-state';
import type { ProfileView } from './view-model';

export const profileView = ({ id, kind, label, mcid }: ProfileIn): ProfileView => ({
  id,
  kind,
  label,
  mcid,
});

export const linkedHere = (p: ProfileStateIn, accountId: string) =>
  p.activeLink?.association.accountId === accountId;
