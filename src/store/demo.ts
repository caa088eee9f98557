/**
 * The built-in demo: companies A (Contoso Japan) and B (Fabrikam), with a
 * history that shows every rule on the day it is loaded. Dates are relative to
 * `now`, so the demo tells the same story whenever it is opened.
 *
 *   Hana   (A)  Learn linked 5 days ago (Partner University 40): 2 of 3, inside the cool-off.
 *   Sora   (A)  linked and unlinked recently: a new link is refused (COOL_OFF), whatever
 *                MCID she types (the limits are the person's: docs/policy.md rule 5).
 *   Kenji  (A)  three starts in twelve months: 3 of 3 (YEARLY_LIMIT after an unlink, or
 *                with another MCID after "this is not my MCID").
 *   Mei    (A→B) moved her MCID from A to B 6 days ago: A removes, B has credit pending.
 *   Taro   (A)  departed; his account was deleted 3 days ago: awaiting removal.
 *   Yuki   (A)  added last week, never signed in: "no response".
 *   Olivia (B)  Partner University linked.  Ryo (B)  Learn profile without MCID yet.
 */
import { addDays, addMonths, todayUtc } from '../rules';
import type { AppDb } from './db';
import { clearTables } from './reset';
import { DERIVED_TABLES } from './derived-tables';
import { derivedRows } from './org-derived';
import { callerWritesDerived } from './report-upkeep';
import { getSettings } from './settings';
import type {
  Achievement,
  AchievementKind,
  Association,
  EndReason,
  LearningProfile,
  Organization,
  Person,
  Role,
  WorkAccount,
} from './records';
import { guardQuota } from './storage';

/** The demo's work accounts by name, for the account picker and tests. */
export type DemoAccounts = Record<
  | 'adminA'
  | 'adminB'
  | 'hana'
  | 'sora'
  | 'kenji'
  | 'meiA'
  | 'meiB'
  | 'taro'
  | 'yuki'
  | 'olivia'
  | 'ryo',
  string
>;

const CATALOG = {
  'AZ-900': ['Microsoft Azure Fundamentals', 'certification'],
  'AZ-104': ['Microsoft Azure Administrator', 'certification'],
  'AZ-305': ['Azure Solutions Architect Expert', 'certification'],
  'AI-102': ['Azure AI Engineer Associate', 'certification'],
  'SC-900': ['Security, Compliance, and Identity Fundamentals', 'certification'],
  'PL-300': ['Power BI Data Analyst Associate', 'certification'],
  'APPLIED-AI': ['Applied Skills: Build a natural language solution', 'assessment'],
  'PU-AZ-SALES': ['Partner University: Azure Sales Specialist', 'training'],
} as const satisfies Record<string, readonly [string, AchievementKind]>;

class Builder {
  readonly orgs: Organization[] = [];
  readonly people: Person[] = [];
  readonly accounts: WorkAccount[] = [];
  readonly profiles: LearningProfile[] = [];
  readonly achievements: Achievement[] = [];
  readonly associations: Association[] = [];
  constructor(readonly today: string) {}

  day(days: number, months = 0): string {
    return addDays(addMonths(this.today, months), days);
  }

  org(name: string, domain: string): Organization {
    const org = { id: crypto.randomUUID(), name, domains: [domain] };
    this.orgs.push(org);
    return org;
  }

  person(displayName: string): Person {
    const person = { id: crypto.randomUUID(), displayName };
    this.people.push(person);
    return person;
  }

  account(org: Organization, person: Person, local: string, opts: AccountOpts = {}): WorkAccount {
    const account: WorkAccount = {
      id: crypto.randomUUID(),
      orgId: org.id,
      personId: person.id,
      displayName: person.displayName,
      email: `${local}@${org.domains[0] ?? ''}`,
      roles: opts.roles ?? [],
      createdBy: opts.createdBy ?? null,
      createdOn: opts.createdOn ?? this.day(0, -18),
      firstSignInOn: opts.signedIn === false ? null : (opts.createdOn ?? this.day(1, -18)),
      deletedOn: opts.deletedOn ?? null,
    };
    this.accounts.push(account);
    return account;
  }

  profile(person: Person, kind: LearningProfile['kind'], mcid: string | null): LearningProfile {
    const label = `${person.displayName.split(' ')[0]?.toLowerCase() ?? 'me'}@outlook.example`;
    const profile = { id: crypto.randomUUID(), personId: person.id, kind, mcid, label };
    this.profiles.push(profile);
    return profile;
  }

  achieve(profile: LearningProfile, code: keyof typeof CATALOG, completedOn: string): void {
    const [title, kind] = CATALOG[code];
    this.achievements.push({
      id: crypto.randomUUID(),
      profileId: profile.id,
      code,
      title,
      kind,
      completedOn,
    });
  }

  link(
    profile: LearningProfile,
    account: WorkAccount,
    startedOn: string,
    end?: [string, EndReason],
  ): void {
    this.associations.push({
      id: crypto.randomUUID(),
      profileId: profile.id,
      accountId: account.id,
      startedOn,
      endedOn: end?.[0] ?? null,
      endReason: end?.[1] ?? null,
      pendingActionId: null,
    });
  }
}

interface AccountOpts {
  roles?: Role[];
  createdBy?: string;
  createdOn?: string;
  signedIn?: boolean;
  deletedOn?: string;
}

function build(today: string): { b: Builder; ids: DemoAccounts } {
  const b = new Builder(today);
  const A = b.org('Contoso Japan', 'contoso.example');
  const B = b.org('Fabrikam', 'fabrikam.example');
  // The admins came first: every other account is created by one of them.
  const first = { roles: ['global-admin'] as Role[], createdOn: b.day(0, -24) };
  const adminA = b.account(A, b.person('Aoi Sato'), 'admin', first);
  const adminB = b.account(B, b.person('Ben Carter'), 'admin', first);
  const inA = { createdBy: adminA.id };
  const inB = { createdBy: adminB.id };

  const hanaP = b.person('Hana Tanaka');
  const hana = b.account(A, hanaP, 'hana', inA);
  const hanaLearn = b.profile(hanaP, 'learn', '1000001');
  const hanaPu = b.profile(hanaP, 'partner-university', null);
  b.link(hanaLearn, hana, b.day(-5));
  b.link(hanaPu, hana, b.day(-40));
  b.achieve(hanaLearn, 'AZ-900', b.day(-60));
  b.achieve(hanaLearn, 'AI-102', b.day(-2));
  b.achieve(hanaPu, 'PU-AZ-SALES', b.day(-45));

  const soraP = b.person('Sora Kimura');
  const sora = b.account(A, soraP, 'sora', inA);
  const soraLearn = b.profile(soraP, 'learn', '1000005');
  b.link(soraLearn, sora, b.day(-12), [b.day(-2), 'unlinked']);
  b.achieve(soraLearn, 'SC-900', b.day(-100));

  const kenjiP = b.person('Kenji Ito');
  const kenji = b.account(A, kenjiP, 'kenji', inA);
  const kenjiLearn = b.profile(kenjiP, 'learn', '1000002');
  b.link(kenjiLearn, kenji, b.day(0, -11), [b.day(0, -9), 'unlinked']);
  b.link(kenjiLearn, kenji, b.day(0, -7), [b.day(0, -3), 'unlinked']);
  b.link(kenjiLearn, kenji, b.day(0, -2));
  b.achieve(kenjiLearn, 'AZ-104', b.day(0, -14));
  b.achieve(kenjiLearn, 'AZ-305', b.day(0, -1));

  const meiP = b.person('Mei Suzuki');
  const meiA = b.account(A, meiP, 'mei', { ...inA, createdOn: b.day(0, -20) });
  const meiB = b.account(B, meiP, 'mei', { ...inB, createdOn: b.day(-10) });
  const meiLearn = b.profile(meiP, 'learn', '1000003');
  b.link(meiLearn, meiA, b.day(0, -8), [b.day(-6), 'moved']);
  b.link(meiLearn, meiB, b.day(-6));
  b.achieve(meiLearn, 'AZ-900', b.day(0, -10));
  b.achieve(meiLearn, 'PL-300', b.day(0, -4));

  const taroP = b.person('Taro Yamada');
  const taro = b.account(A, taroP, 'taro', { ...inA, deletedOn: b.day(-3) });
  const taroLearn = b.profile(taroP, 'learn', '1000004');
  b.link(taroLearn, taro, b.day(0, -6), [b.day(-3), 'account-deleted']);
  b.achieve(taroLearn, 'AZ-104', b.day(0, -5));
  b.achieve(taroLearn, 'APPLIED-AI', b.day(0, -2));

  const yuki = b.account(A, b.person('Yuki Mori'), 'yuki', {
    ...inA,
    createdOn: b.day(-7),
    signedIn: false,
  });

  const oliviaP = b.person('Olivia Brown');
  const olivia = b.account(B, oliviaP, 'olivia', inB);
  const oliviaPu = b.profile(oliviaP, 'partner-university', null);
  b.link(oliviaPu, olivia, b.day(0, -3));
  b.achieve(oliviaPu, 'PU-AZ-SALES', b.day(-20));

  const ryoP = b.person('Ryo Hayashi');
  const ryo = b.account(B, ryoP, 'ryo', inB);
  b.profile(ryoP, 'learn', null);

  const ids: DemoAccounts = {
    adminA: adminA.id,
    adminB: adminB.id,
    hana: hana.id,
    sora: sora.id,
    kenji: kenji.id,
    meiA: meiA.id,
    meiB: meiB.id,
    taro: taro.id,
    yuki: yuki.id,
    olivia: olivia.id,
    ryo: ryo.id,
  };
  return { b, ids };
}

/**
 * Replaces all data with the demo (one transaction: the old data stays if
 * anything fails). Device settings are kept; the signed-in account becomes Hana.
 */
export async function loadDemo(db: AppDb, now: Date): Promise<DemoAccounts> {
  const { b, ids } = build(todayUtc(now));
  await guardQuota(() =>
    db.transaction('rw', db.tables, async (tx) => {
      callerWritesDerived(tx);
      await clearTables(db, true);
      await db.organizations.bulkAdd(b.orgs);
      await db.people.bulkAdd(b.people);
      await db.accounts.bulkAdd(b.accounts);
      await db.profiles.bulkAdd(b.profiles);
      await db.achievements.bulkAdd(b.achievements);
      await db.associations.bulkAdd(b.associations);
      const derived = derivedRows(b);
      for (const name of DERIVED_TABLES) await db.table(name).bulkAdd(derived[name]);
      await db.settings.put({ ...(await getSettings(db)), currentAccountId: ids.hana });
    }),
  );
  return ids;
}
