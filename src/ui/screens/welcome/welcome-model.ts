import { accountView, type AccountIn, type WelcomeView } from '../individual';

/** The accounts on this device, for "who am I". */
export function toWelcomeView(
  choices: readonly { account: AccountIn; orgName: string }[],
  currentAccountId: string | null,
): WelcomeView {
  return {
    accounts: choices.map((c) => ({
      ...accountView(c.account, c.orgName),
      personName: c.account.displayName,
    })),
    currentAccountId,
  };
}
