/** View models for the individual's screens, in the states the tests walk through. */
import type {
  AccountView,
  LinkView,
  MeView,
  ProfileSlot,
  WelcomeView,
} from '../../src/ui/screens/individual/view-model';

export const TODAY = '2026-11-25';

export const account: AccountView = {
  id: 'acc-aiko-a',
  displayName: 'Aiko Sato',
  email: 'aiko@contoso-a.example',
  orgName: 'Contoso A',
  deleted: false,
  signedIn: true,
};

export const learnLinked: ProfileSlot = {
  kind: 'learn',
  profile: { id: 'p-learn', kind: 'learn', label: 'aiko@outlook.example', mcid: '987654321' },
  link: { startedOn: '2026-11-10', pending: false },
  elsewhere: null,
  usedInWindow: 2,
  limit: 3,
  nextAssociationOn: '2026-12-10',
};

export const puFree: ProfileSlot = {
  kind: 'partner-university',
  profile: null,
  link: null,
  elsewhere: null,
  usedInWindow: 0,
  limit: 3,
  nextAssociationOn: TODAY,
};

export function meView(patch: Partial<MeView> = {}): MeView {
  return {
    today: TODAY,
    account,
    learn: learnLinked,
    partnerUniversity: puFree,
    achievements: [
      {
        id: 'a1',
        code: 'AZ-900',
        title: 'Azure Fundamentals',
        kind: 'certification',
        completedOn: '2026-03-01',
        creditOn: '2026-11-20',
        counted: true,
      },
      {
        id: 'a2',
        code: 'AI-102',
        title: 'Azure AI Engineer Associate',
        kind: 'certification',
        completedOn: '2026-11-24',
        creditOn: '2026-12-04',
        counted: false,
      },
    ],
    queue: [],
    profileIds: [learnLinked.profile?.id ?? 'learn-1'],
    ...patch,
  };
}

export function linkView(patch: Partial<LinkView> = {}): LinkView {
  return {
    kind: 'learn',
    today: TODAY,
    account,
    profiles: [{ id: 'p-learn', kind: 'learn', label: 'aiko@outlook.example', mcid: '987654321' }],
    ...patch,
  };
}

export const welcome: WelcomeView = {
  accounts: [
    { ...account, personName: 'Aiko Sato' },
    {
      id: 'acc-ben-b',
      displayName: 'Ben Ito',
      email: 'ben@fabrikam-b.example',
      orgName: 'Fabrikam B',
      deleted: true,
      signedIn: true,
      personName: 'Ben Ito',
    },
  ],
  currentAccountId: null,
};
