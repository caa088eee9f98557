/**
 * What the individual's screens need from the data layer: a few live
 * readings and the person's own actions. `useMeData` adapts the app state to
 * it, and the container tests give it directly, so the screens have one
 * narrow entry point to the data.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { MyStateIn, OutboxIn } from './from-state';
import type { ActionResult, TypedChoice } from './view-model';

export interface AccountChoiceIn {
  account: MyStateIn['account'];
  orgName: string;
}

export interface MeData {
  /** Today as a rules calendar day (UTC). */
  today: () => string;
  /** The account this device acts as; undefined while settings load. */
  currentAccountId: ReadonlySignal<string | null | undefined>;
  /** The current account's view; undefined while loading, null when the account is gone. */
  my: ReadonlySignal<MyStateIn | null | undefined>;
  /** Actions not yet settled, and refusals not yet dismissed. */
  outbox: ReadonlySignal<readonly OutboxIn[]>;
  /** Every work account on the device; undefined while loading. */
  accounts: ReadonlySignal<readonly AccountChoiceIn[] | undefined>;
  /** Which account this device acts as; records no sign-in on its behalf. */
  chooseAccount: (accountId: string) => Promise<ActionResult>;
  /** The person confirms they are the current account: records its first sign-in. */
  confirmSelf: () => Promise<ActionResult>;
  loadDemo: () => Promise<ActionResult>;
  /** The rules' answer for linking one of my profiles to my account now; nothing is written. */
  checkLink: (profileId: string) => Promise<ActionResult>;
  link: (profileId: string) => Promise<ActionResult>;
  /**
   * The rules' answer for linking a typed MCID (my own Learn profile) or a
   * Partner University account I sign up for, now, and which of my profiles
   * it names (null: a new one). Nothing is written.
   */
  checkTyped: (
    typed: TypedChoice,
  ) => Promise<
    | { ok: true; profileId: string | null }
    | { ok: false; code: string; nextAllowedOn?: string | null | undefined }
  >;
  /** "Link now" for what I typed: its profile (if new) and the link are written together. */
  linkTyped: (typed: TypedChoice) => Promise<ActionResult>;
  unlink: (profileId: string) => Promise<ActionResult>;
  /** "This is not my MCID": removes it from me (ending its link); my starts stay counted. */
  removeWrongMcid: (profileId: string) => Promise<ActionResult>;
  dismiss: (entryId: string) => Promise<void>;
}
