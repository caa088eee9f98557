/**
 * Organizations, people and work accounts. These are admin operations of the
 * partner organization (Partner Center), done locally; only link actions go
 * through the outbox.
 */
import { emailDomain, normalizeDomain, todayUtc, validateEmail } from '../rules';
import type { AppDb } from './db';
import { text } from './check';
import { StoreRefusal } from './errors';
import type { Organization, Person, Role, WorkAccount } from './records';
import { guardQuota } from './storage';

const ROLES: readonly Role[] = ['global-admin', 'account-admin'];

function checkRoles(roles: readonly Role[]): Role[] {
  if (!roles.every((r) => ROLES.includes(r)))
    throw new StoreRefusal('INVALID_INPUT', undefined, 'roles');
  return [...new Set(roles)];
}

/** The email as stored (lower case), refused unless it is one of the organization's domains. */
function officialEmail(email: string, org: Organization): string {
  const problem = validateEmail(email, org.domains);
  if (problem === 'EMAIL_NOT_OFFICIAL') throw new StoreRefusal('EMAIL_DOMAIN');
  if (problem) throw new StoreRefusal('EMAIL_INVALID');
  return email.trim().toLowerCase();
}

async function checkUniqueEmail(db: AppDb, orgId: string, email: string): Promise<void> {
  const same = await db.accounts.where('[orgId+email]').equals([orgId, email]).toArray();
  if (same.some((a) => a.deletedOn === null)) throw new StoreRefusal('DUPLICATE_EMAIL');
}

export async function addPerson(db: AppDb, input: { displayName: string }): Promise<Person> {
  const person: Person = {
    id: crypto.randomUUID(),
    displayName: text(input.displayName, 'displayName'),
  };
  await guardQuota(() => db.people.add(person));
  return person;
}

export interface NewOrganization {
  name: string;
  domains: readonly string[];
  /** The organization's first global admin (created by nobody). */
  admin: { displayName: string; email: string; personId?: string };
}

/** Creates an organization with its first global admin, in one transaction. */
export async function addOrganization(
  db: AppDb,
  input: NewOrganization,
  now: Date,
): Promise<{ org: Organization; admin: WorkAccount }> {
  const domains = [...new Set(input.domains.map(normalizeDomain))];
  if (domains.length === 0 || domains.some((d) => emailDomain(`x@${d}`) !== d)) {
    throw new StoreRefusal('INVALID_INPUT', undefined, 'domains');
  }
  const org: Organization = { id: crypto.randomUUID(), name: text(input.name, 'name'), domains };
  const email = officialEmail(input.admin.email, org);
  const displayName = text(input.admin.displayName, 'displayName');
  return guardQuota(() =>
    db.transaction('rw', db.organizations, db.people, db.accounts, async () => {
      const personId = await personFor(db, input.admin.personId, displayName);
      await db.organizations.add(org);
      const admin: WorkAccount = {
        id: crypto.randomUUID(),
        orgId: org.id,
        personId,
        displayName,
        email,
        roles: ['global-admin'],
        createdBy: null,
        createdOn: todayUtc(now),
        firstSignInOn: null,
        deletedOn: null,
      };
      await db.accounts.add(admin);
      return { org, admin };
    }),
  );
}

/** An existing person (refused if unknown), or a new one named after the account. */
async function personFor(db: AppDb, personId: string | undefined, name: string): Promise<string> {
  if (personId === undefined) {
    const person: Person = { id: crypto.randomUUID(), displayName: name };
    await db.people.add(person);
    return person.id;
  }
  if (!(await db.people.get(personId))) throw new StoreRefusal('NOT_FOUND', undefined, 'person');
  return personId;
}

/** The actor, active and an admin of `orgId` (rule 1: only admins create and delete accounts). */
async function adminOf(db: AppDb, actorAccountId: string, orgId: string): Promise<WorkAccount> {
  const actor = await db.accounts.get(actorAccountId);
  const isAdmin = actor?.roles.some((r) => ROLES.includes(r)) ?? false;
  if (!actor || actor.deletedOn !== null || actor.orgId !== orgId || !isAdmin) {
    throw new StoreRefusal('NOT_ADMIN');
  }
  return actor;
}

export interface NewWorkAccount {
  actorAccountId: string;
  orgId: string;
  displayName: string;
  email: string;
  roles?: readonly Role[];
  /** The person, when they already have an account elsewhere (the move from A to B). */
  personId?: string;
}

export async function addWorkAccount(
  db: AppDb,
  input: NewWorkAccount,
  now: Date,
): Promise<WorkAccount> {
  const displayName = text(input.displayName, 'displayName');
  const roles = checkRoles(input.roles ?? []);
  return guardQuota(() =>
    db.transaction('rw', db.organizations, db.people, db.accounts, async () => {
      const actor = await adminOf(db, input.actorAccountId, input.orgId);
      // Only a global admin hands out the global admin role.
      if (roles.includes('global-admin') && !actor.roles.includes('global-admin')) {
        throw new StoreRefusal('NOT_ADMIN');
      }
      const org = await db.organizations.get(input.orgId);
      if (!org) throw new StoreRefusal('NOT_FOUND', undefined, 'organization');
      const email = officialEmail(input.email, org);
      await checkUniqueEmail(db, org.id, email);
      const account: WorkAccount = {
        id: crypto.randomUUID(),
        orgId: org.id,
        personId: await personFor(db, input.personId, displayName),
        displayName,
        email,
        roles,
        createdBy: actor.id,
        createdOn: todayUtc(now),
        firstSignInOn: null,
        deletedOn: null,
      };
      await db.accounts.add(account);
      return account;
    }),
  );
}

/**
 * An admin deletes a departed user's account: it can no longer link, and its
 * active links end today (reason `account-deleted`); the skills report keeps
 * the achievements until the next refresh (rule 7).
 */
export async function deleteWorkAccount(
  db: AppDb,
  input: { actorAccountId: string; accountId: string },
  now: Date,
): Promise<WorkAccount> {
  const today = todayUtc(now);
  return guardQuota(() =>
    db.transaction('rw', db.accounts, db.associations, async () => {
      const account = await db.accounts.get(input.accountId);
      if (!account || account.deletedOn !== null) {
        throw new StoreRefusal('NOT_FOUND', undefined, 'account');
      }
      await adminOf(db, input.actorAccountId, account.orgId);
      await db.associations
        .where('accountId')
        .equals(account.id)
        .filter((a) => a.endedOn === null)
        .modify({ endedOn: today, endReason: 'account-deleted' });
      await db.accounts.update(account.id, { deletedOn: today });
      return { ...account, deletedOn: today };
    }),
  );
}

/** The user signed in for the first time (the admin's "no response" goes away). */
export async function recordFirstSignIn(
  db: AppDb,
  accountId: string,
  now: Date,
): Promise<WorkAccount> {
  return guardQuota(() =>
    db.transaction('rw', db.accounts, async () => {
      const account = await db.accounts.get(accountId);
      if (!account) throw new StoreRefusal('NOT_FOUND', undefined, 'account');
      if (account.deletedOn !== null) throw new StoreRefusal('NO_ACCESS');
      if (account.firstSignInOn !== null) return account;
      const firstSignInOn = todayUtc(now);
      await db.accounts.update(accountId, { firstSignInOn });
      return { ...account, firstSignInOn };
    }),
  );
}
