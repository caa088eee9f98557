/**
 * How the embedded Partner Center learns the demo's data. The app's
 * organizations, accounts and profiles are the directory that admins manage,
 * so they are copied before every batch. Associations are the authority's
 * own: on first use (or after `resetEmbedded`) it takes the app's
 * associations as its initial truth — as they were before any action still
 * waiting in the outbox, whose optimistic effect is undone in the copy, since
 * those actions have not reached it yet.
 *
 * Before it takes the app's data as its truth, the seed is checked against
 * the rules' invariants (`checkInvariants`, as an import is): data the rules
 * never allowed is refused, and the Partner Center answers as a server that
 * cannot load its data would (`server`: the actions wait, nothing is lost)
 * until a valid import, the demo or a reset replaces it.
 *
 * This file reads the app's tables directly (read-only): the directory is a
 * whole-table copy that no store operation exists for.
 */
import { checkInvariants } from '../rules/invariants';
import { isUnsettled, pendingOutbox, type AppDb } from '../store';
import type { AuthorityAssociation } from './authority';
import type { PartnerCenterDb, PcAccount, PcOrganization, PcProfile } from './partner-center-db';
import { RemoteError } from './remote';

export interface DirectorySnapshot {
  organizations: PcOrganization[];
  accounts: PcAccount[];
  profiles: PcProfile[];
}

export async function readDirectory(app: AppDb): Promise<DirectorySnapshot> {
  const [orgs, accounts, profiles] = await Promise.all([
    app.organizations.toArray(),
    app.accounts.toArray(),
    app.profiles.toArray(),
  ]);
  return {
    organizations: orgs.map(({ id, domains }) => ({ id, domains: [...domains] })),
    accounts: accounts.map((a) => ({
      id: a.id,
      orgId: a.orgId,
      personId: a.personId,
      email: a.email,
      roles: [...a.roles],
      createdBy: a.createdBy,
      createdOn: a.createdOn,
      firstSignInOn: a.firstSignInOn,
      deletedOn: a.deletedOn,
    })),
    profiles: profiles.map(({ id, personId, kind, mcid }) => ({ id, personId, kind, mcid })),
  };
}

/** The app's associations with every unsettled action's optimistic effect undone. */
export async function readInitialAssociations(app: AppDb): Promise<AuthorityAssociation[]> {
  const rows = new Map((await app.associations.toArray()).map((a) => [a.id, { ...a }]));
  const pending = (await pendingOutbox(app)).filter(isUnsettled);
  // Newest first, so each undo sees the rows as that action left them.
  pending.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  for (const entry of pending) {
    if (entry.effect.createdAssociationId) rows.delete(entry.effect.createdAssociationId);
    for (const before of entry.effect.ended) {
      const row = rows.get(before.id);
      if (row) Object.assign(row, { endedOn: before.endedOn, endReason: before.endReason });
    }
  }
  return [...rows.values()].map(({ id, profileId, accountId, startedOn, endedOn, endReason }) => ({
    id,
    profileId,
    accountId,
    startedOn,
    endedOn,
    endReason,
  }));
}

/** Throws `RemoteError('server')` when the app's data breaks the rules' invariants. */
function checkSeed(dir: DirectorySnapshot, associations: AuthorityAssociation[]): void {
  const problems = checkInvariants({ ...dir, associations });
  const [first] = problems;
  if (!first) return;
  throw new RemoteError(
    'server',
    `the embedded Partner Center does not take this device's data as its truth: ${String(problems.length)} rule problem(s), first ${first.table}[${String(first.index)}].${first.field}: ${first.reason}`,
  );
}

/** A digest of the whole directory as read (its rows' fields are in a fixed order). */
async function digestOf(dir: DirectorySnapshot): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(dir));
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).join();
}

/** A row's content (`readDirectory` writes each table's fields in one order). */
function fingerprint(row: object): string {
  return JSON.stringify(row);
}

/**
 * What makes a directory table of the Partner Center hold exactly `rows`:
 * the rows that differ and the ids gone. Most arrivals find nothing changed:
 * a table of 10,000 accounts is then read, not written again (writing it
 * held IndexedDB for a second on a phone at every arrival, while the app's
 * screens waited for their reads).
 */
function changes<T extends { id: string }>(
  kept: readonly T[],
  rows: readonly T[],
): { put: T[]; gone: string[] } {
  const held = new Map(kept.map((r) => [r.id, fingerprint(r)] as const));
  const wanted = new Set(rows.map((r) => r.id));
  return {
    put: rows.filter((r) => held.get(r.id) !== fingerprint(r)),
    gone: kept.filter((r) => !wanted.has(r.id)).map((r) => r.id),
  };
}

/**
 * Rows per transaction when the directory is copied. An origin's databases
 * share one IndexedDB backend: the first arrival after an import of 10,000
 * people wrote 20,000 rows in one transaction, and the app's reads (the
 * organization's users list) waited seconds behind it. Between these
 * transactions they get their turn.
 */
export const DIRECTORY_CHUNK = 1000;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += DIRECTORY_CHUNK) {
    await write(rows.slice(i, i + DIRECTORY_CHUNK));
  }
}

/**
 * Copies the directory into the Partner Center's tables: nothing when its
 * digest is the one last copied, else only the rows that changed, in
 * transactions of `DIRECTORY_CHUNK` rows. The digest is written last: a copy
 * cut short is finished by the next arrival (the rows are the app's
 * directory, so two pages copying at once write the same).
 */
async function copyDirectory(
  pc: PartnerCenterDb,
  dir: DirectorySnapshot,
  digest: string,
  today: string,
): Promise<void> {
  if ((await pc.meta.get('directory'))?.digest === digest) return;
  const [orgs, accounts, profiles] = await pc.transaction(
    'r',
    [pc.organizations, pc.accounts, pc.profiles],
    () => Promise.all([pc.organizations.toArray(), pc.accounts.toArray(), pc.profiles.toArray()]),
  );
  const orgChanges = changes(orgs, dir.organizations);
  const accountChanges = changes(accounts, dir.accounts);
  const profileChanges = changes(profiles, dir.profiles);
  await inChunks(profileChanges.gone, (keys) => pc.profiles.bulkDelete(keys));
  await inChunks(accountChanges.gone, (keys) => pc.accounts.bulkDelete(keys));
  await inChunks(orgChanges.gone, (keys) => pc.organizations.bulkDelete(keys));
  await inChunks(orgChanges.put, (rows) => pc.organizations.bulkPut(rows));
  await inChunks(accountChanges.put, (rows) => pc.accounts.bulkPut(rows));
  await inChunks(profileChanges.put, (rows) => pc.profiles.bulkPut(rows));
  await pc.meta.put({ key: 'directory', at: today, digest });
}

/**
 * Writes the directory (and, the first time, the initial associations); only
 * what changed since the last arrival is written. An account the admin
 * deleted loses its active links, ended `account-deleted` on the day of the
 * deletion — what the real Partner Center does. Returns the directory
 * written (what the Partner Center's directory tables now hold).
 */
export async function refreshPartnerCenter(
  pc: PartnerCenterDb,
  app: AppDb,
  today: string,
): Promise<DirectorySnapshot> {
  const dir = await readDirectory(app);
  const digest = await digestOf(dir);
  if ((await pc.meta.get('seeded')) === undefined) {
    const initial = await readInitialAssociations(app);
    checkSeed(dir, initial);
    // The seed stays one transaction: its mark, checked inside it, keeps two
    // pages from seeding twice (a second seed would undo what the first one's
    // arrival applied).
    await pc.transaction('rw', [pc.associations, pc.meta], async () => {
      if ((await pc.meta.get('seeded')) !== undefined) return;
      await pc.associations.bulkPut(initial);
      await pc.meta.put({ key: 'seeded', at: today });
    });
  }
  await copyDirectory(pc, dir, digest, today);
  await pc.transaction('rw', pc.associations, async () => {
    for (const account of dir.accounts) {
      const deletedOn = account.deletedOn;
      if (deletedOn == null || deletedOn > today) continue;
      await pc.associations
        .where('accountId')
        .equals(account.id)
        .filter((a) => a.endedOn === null)
        .modify((a) => {
          a.endedOn = deletedOn < a.startedOn ? a.startedOn : deletedOn;
          a.endReason = 'account-deleted';
        });
    }
  });
  return dir;
}
