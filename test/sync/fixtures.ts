/**
 * A world for sync tests: companies A and B, Ann with an account in each and
 * two profiles, and `crowd(n)` people in A each with a Learn profile (for
 * batches and the benchmark). Built through the store's own operations where
 * one exists; the crowd is bulk-inserted because 1,000 admin operations would
 * only slow the tests down.
 */
import {
  type AppDb,
  type LearningProfile,
  type OutboxEntry,
  type WorkAccount,
} from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import type { WireAction } from '../../src/rules';
import { recordFirstSignIn } from '../../src/store/ops-org';
import { requestLink, requestUnlink } from '../../src/store/ops-link';
import { company, freshDb, puOf, self, user } from '../store/fixtures';

export { freshDb, self };

/** A link action as the wire carries it (account 'acc', profile 'p'), for the HTTP tests. */
export const wireAction = (id: string): WireAction => ({
  id,
  type: 'link',
  actorAccountId: 'acc',
  accountId: 'acc',
  profile: { kind: 'learn', id: 'p', mcid: '1234567' },
  requestedAt: '2026-11-25T09:00:00.000Z',
});

export const T0 = Date.parse('2026-11-25T09:00:00Z');
export const TODAY = '2026-11-25';
/** 30 days after T0: the person's cool-off allows their next start. */
export const T30 = T0 + 30 * 86_400_000;

export interface SyncFixture {
  db: AppDb;
  orgAId: string;
  orgBId: string;
  annA: WorkAccount;
  annB: WorkAccount;
  learn: LearningProfile;
  /**
   * Ben's Partner University account, with his accounts in A and B: a second
   * person, so that two profiles' actions can go out on the same day (the
   * limits are per person: one person's second start waits 30 days).
   */
  benA: WorkAccount;
  benB: WorkAccount;
  pu: LearningProfile;
  /** Ann's own Partner University account: its start counts with her MCID's. */
  annPu: LearningProfile;
}

export async function fixture(db: AppDb = freshDb()): Promise<SyncFixture> {
  const now = new Date(T0);
  const a = await company(db, 'Company A', 'a.example', 'Admin A', now);
  const b = await company(db, 'Company B', 'b.example', 'Admin B', now);
  let annA = await user(db, a, 'Ann', now);
  let annB = await user(db, b, 'Ann', now, annA.personId);
  // Ann uses both accounts: a link needs an account that has signed in.
  annA = await recordFirstSignIn(db, annA.id, now);
  annB = await recordFirstSignIn(db, annB.id, now);
  const learn = await addLearningProfile(db, {
    personId: annA.personId,
    kind: 'learn',
    label: 'ann@outlook.example',
    mcid: '1234567',
  });
  const benA = await user(db, a, 'Ben', now);
  const benB = await user(db, b, 'Ben', now, benA.personId);
  const pu = await puOf(db, benA.personId, 'ben@outlook.example');
  const annPu = await puOf(db, annA.personId, 'ann@outlook.example');
  return { db, orgAId: a.org.id, orgBId: b.org.id, annA, annB, learn, benA, benB, pu, annPu };
}

export function link(db: AppDb, account: WorkAccount, profile: LearningProfile, at = T0) {
  return requestLink(db, self(account, profile), new Date(at));
}

export function unlink(db: AppDb, account: WorkAccount, profile: LearningProfile, at = T0) {
  return requestUnlink(db, self(account, profile), new Date(at));
}

/** `n` people in company A, each with a Learn profile; returns their accounts and profiles. */
export async function crowd(
  db: AppDb,
  orgId: string,
  n: number,
): Promise<{ account: WorkAccount; profile: LearningProfile }[]> {
  // Created by the organization's first admin, as an admin creates users.
  const admin = await db.accounts
    .where('orgId')
    .equals(orgId)
    .filter((a) => a.createdBy === null)
    .first();
  const people = Array.from({ length: n }, (_, i) => {
    const personId = `p-${i}`;
    const account: WorkAccount = {
      id: `acc-${String(i).padStart(4, '0')}`,
      orgId,
      personId,
      displayName: `Person ${i}`,
      email: `person${i}@a.example`,
      roles: [],
      createdBy: admin?.id ?? null,
      createdOn: TODAY,
      firstSignInOn: TODAY,
      deletedOn: null,
    };
    const profile: LearningProfile = {
      id: `prof-${String(i).padStart(4, '0')}`,
      personId,
      kind: 'learn',
      mcid: String(1_000_000 + i),
      label: `person${i}@outlook.example`,
    };
    return { account, profile };
  });
  await db.transaction('rw', db.people, db.accounts, db.profiles, async () => {
    await db.people.bulkAdd(
      people.map((p, i) => ({ id: p.account.personId, displayName: `Person ${i}` })),
    );
    await db.accounts.bulkAdd(people.map((p) => p.account));
    await db.profiles.bulkAdd(people.map((p) => p.profile));
  });
  return people;
}

export async function outbox(db: AppDb): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}

export async function activeLinks(db: AppDb) {
  return (await db.associations.toArray()).filter((a) => a.endedOn === null);
}

/** A clock the test moves by hand. */
export function manualClock(start = T0) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
