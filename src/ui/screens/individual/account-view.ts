/**
 * A work account as the screens show it. Apart from from-state.ts because
 * "who am I" (a first visit's screen) needs only this.
 */
import type { AccountView } from './view-model';

export interface AccountIn {
  id: string;
  orgId: string;
  displayName: string;
  email: string;
  deletedOn: string | null;
  /** null: the person has not acted on any device yet (the admin's "no response"). */
  firstSignInOn: string | null;
}

export function accountView(account: AccountIn, orgName: string): AccountView {
  return {
    id: account.id,
    displayName: account.displayName,
    email: account.email,
    orgName,
    deleted: account.deletedOn !== null,
    signedIn: account.firstSignInOn !== null,
  };
}
