/**
 * Link and unlink requests. Offline they succeed at once, optimistically:
 * the local association changes and an outbox entry waits for the remote. The
 * remote may still refuse later during sync (say, the cool-off was used up on
 * another device); `settleResult` then undoes exactly what was done here.
 */
import {
  decideLink,
  decideUnlink,
  normalizeMcid,
  todayUtc,
  validateMcid,
  validatePuName,
  type Decision,
  type EndedLink,
  type LinkRequest,
  type Policy,
  type World,
} from '../rules';
import type { AppDb } from './db';
import { StoreRefusal } from './errors';
import type {
  Association,
  EndReason,
  LearningProfile,
  OptimisticEffect,
  OutboxEntry,
} from './records';
import { guardQuota } from './storage';

/**
 * The slice of the tables a decision reads: the account, its organization
 * and its links with the profiles they hold, and the person behind the
 * profile with every profile of theirs and every link those ever had (the
 * limits count per person). `candidate` stands in for the stored profile:
 * a typed MCID is decided before (or without) being written.
 */
async function worldFor(db: AppDb, req: LinkRequest, candidate?: LearningProfile): Promise<World> {
  const account = await db.accounts.get(req.accountId);
  const org = account ? await db.organizations.get(account.orgId) : undefined;
  const profile = candidate ?? (await db.profiles.get(req.profileId));
  if (!profile) throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
  const theirs = await db.profiles.where('personId').equals(profile.personId).toArray();
  const known = new Map(theirs.map((p) => [p.id, p]));
  known.set(profile.id, profile);
  const [ofPerson, ofAccount] = await Promise.all([
    db.associations
      .where('profileId')
      .anyOf([...known.keys()])
      .toArray(),
    db.associations.where('accountId').equals(req.accountId).toArray(),
  ]);
  const associations = new Map([...ofPerson, ...ofAccount].map((a) => [a.id, a]));
  const others = [...new Set(ofAccount.map((a) => a.profileId))].filter((id) => !known.has(id));
  for (const p of await db.profiles.bulkGet(others)) if (p) known.set(p.id, p);
  return {
    organizations: org ? [org] : [],
    accounts: account ? [account] : [],
    profiles: [...known.values()],
    associations: [...associations.values()],
  };
}

function matches(row: Association, link: EndedLink): boolean {
  return (
    row.endedOn === null &&
    row.profileId === link.profileId &&
    row.accountId === link.accountId &&
    row.startedOn === link.startedOn
  );
}

/**
 * The person acted on this device (a link or unlink they asked for): that is
 * their sign-in, recorded now if it is their first. Choosing the account on
 * "who am I" records nothing, so an admin's "no response" stays true until then.
 */
async function recordActorSignIn(db: AppDb, accountId: string, today: string): Promise<void> {
  const actor = await db.accounts.get(accountId);
  if (actor && actor.firstSignInOn === null) {
    await db.accounts.update(accountId, { firstSignInOn: today });
  }
}

type Decide = (world: World, req: LinkRequest, today: string, policy?: Policy) => Decision;

/** The profile a request is about, and whether it must be written first (a typed MCID). */
interface Picked {
  profile: LearningProfile;
  write: boolean;
}

/** The tables a link or unlink reads and writes, in every transaction that makes one. */
function actionTables(db: AppDb) {
  return [db.organizations, db.people, db.accounts, db.profiles, db.associations, db.outbox];
}

/**
 * Writes an allowed action's optimistic effect and its outbox entry. Call
 * inside a rw transaction over `actionTables`.
 */
async function writeAction(
  db: AppDb,
  type: 'link' | 'unlink',
  req: LinkRequest,
  profile: LearningProfile,
  world: World,
  decision: Decision & { ok: true },
  now: Date,
): Promise<OutboxEntry> {
  const today = todayUtc(now);
  const endReason: EndReason = type === 'link' ? 'moved' : 'unlinked';
  const id = crypto.randomUUID();
  const effect: OptimisticEffect = { createdAssociationId: null, ended: [] };
  const rows = world.associations as Association[];
  for (const link of decision.ends) {
    for (const row of rows.filter((r) => matches(r, link))) {
      effect.ended.push({ id: row.id, endedOn: row.endedOn, endReason: row.endReason });
      await db.associations.update(row.id, { endedOn: today, endReason });
    }
  }
  if (type === 'link') {
    effect.createdAssociationId = crypto.randomUUID();
    await db.associations.add({
      id: effect.createdAssociationId,
      profileId: profile.id,
      accountId: req.accountId,
      startedOn: today,
      endedOn: null,
      endReason: null,
      pendingActionId: id,
    });
  }
  const last = await db.outbox.orderBy('seq').last();
  const entry: OutboxEntry = {
    id,
    seq: (last?.seq ?? 0) + 1,
    type,
    actorAccountId: req.actorAccountId,
    accountId: req.accountId,
    profile: { kind: profile.kind, id: profile.id, mcid: profile.mcid },
    requestedAt: now.toISOString(),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    code: null,
    nextAllowedOn: null,
    effect,
    settledAt: null,
    dismissedAt: null,
  };
  await db.outbox.add(entry);
  return entry;
}

async function request(
  db: AppDb,
  type: 'link' | 'unlink',
  req: Omit<LinkRequest, 'profileId'>,
  pick: () => Promise<Picked>,
  now: Date,
  policy: Policy | undefined,
): Promise<OutboxEntry> {
  const today = todayUtc(now);
  const decide: Decide = type === 'link' ? decideLink : decideUnlink;
  // This transaction is crucial: the profile a typed MCID adds, the
  // optimistic effect and the outbox entry are committed together or not at
  // all, so a crash cannot leave a link that will never be sent, an entry
  // whose effect is missing, nor a profile nobody linked.
  return guardQuota(() =>
    db.transaction('rw', actionTables(db), async () => {
      const { profile, write } = await pick();
      const full = { ...req, profileId: profile.id };
      const world = await worldFor(db, full, profile);
      const decision = decide(world, full, today, policy);
      if (!decision.ok) throw new StoreRefusal(decision.code, decision.nextAllowedOn);
      if (write) await db.profiles.put(profile);
      await recordActorSignIn(db, req.actorAccountId, today);
      return writeAction(db, type, full, profile, world, decision, now);
    }),
  );
}

async function stored(db: AppDb, profileId: string): Promise<Picked> {
  const profile = await db.profiles.get(profileId);
  if (!profile || profile.removedOn) throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
  return { profile, write: false };
}

/**
 * What a person typed on the link screen for their own work account: an MCID
 * (Learn), or the name of the Partner University account they sign up for.
 */
export type TypedRequest = { actorAccountId: string; accountId: string } & (
  { mcid: string } | { puName: string }
);

async function accountOf(db: AppDb, req: TypedRequest) {
  const account = await db.accounts.get(req.accountId);
  if (!account) throw new StoreRefusal('NOT_FOUND', undefined, 'account');
  return account;
}

/**
 * The profile a typed request names for the account's person, read only.
 * Nothing is written here; "Link now" writes it with the link
 * (`requestLinkTyped`), so checking a typo leaves no profile behind.
 */
function pickTyped(db: AppDb, req: TypedRequest): Promise<Picked> {
  return 'mcid' in req ? pickMcid(db, req, req.mcid) : pickSignUp(db, req, req.puName);
}

/**
 * A typed MCID: the person's Learn profile that holds it, else their
 * incomplete one completed with it, else a new one.
 */
async function pickMcid(db: AppDb, req: TypedRequest, typed: string): Promise<Picked> {
  const mcid = normalizeMcid(typed);
  if (validateMcid(mcid) !== null) throw new StoreRefusal('MCID_INVALID');
  const account = await accountOf(db, req);
  const owners = await db.profiles.where('mcid').equals(mcid).toArray();
  const mine = owners.find((p) => p.personId === account.personId && !p.removedOn);
  if (mine) return { profile: mine, write: false };
  // An MCID belongs to one person's certification profile.
  if (owners.length > 0) throw new StoreRefusal('DUPLICATE_MCID');
  const theirs = await db.profiles.where('personId').equals(account.personId).toArray();
  const incomplete = theirs.find((p) => p.kind === 'learn' && p.mcid === null && !p.removedOn);
  if (incomplete) return { profile: { ...incomplete, mcid }, write: true };
  const person = await db.people.get(account.personId);
  const profile: LearningProfile = {
    id: crypto.randomUUID(),
    personId: account.personId,
    kind: 'learn',
    mcid,
    label: person?.displayName ?? account.displayName,
    removedOn: null,
  };
  return { profile, write: true };
}

/**
 * Signing up for Partner University (the article's step 3, "sign in or sign
 * up"): a new Partner University profile of the account's person. It is the
 * same person's, so their limits count it (docs/policy.md rule 5); one who
 * has an account on this device signs in with it instead.
 */
async function pickSignUp(db: AppDb, req: TypedRequest, name: string): Promise<Picked> {
  if (validatePuName(name) !== null) throw new StoreRefusal('INVALID_INPUT', undefined, 'label');
  const account = await accountOf(db, req);
  const theirs = await db.profiles.where('personId').equals(account.personId).toArray();
  if (theirs.some((p) => p.kind === 'partner-university' && !p.removedOn)) {
    throw new StoreRefusal('PU_ACCOUNT_EXISTS');
  }
  const profile: LearningProfile = {
    id: crypto.randomUUID(),
    personId: account.personId,
    kind: 'partner-university',
    mcid: null,
    label: name.trim(),
    removedOn: null,
  };
  return { profile, write: true };
}

/** Links a learning profile to the actor's own work account (ending its link elsewhere: the move). */
export function requestLink(
  db: AppDb,
  req: LinkRequest,
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry> {
  return request(db, 'link', req, () => stored(db, req.profileId), now, policy);
}

/**
 * "Link now" for a typed MCID or a Partner University sign-up: the profile it
 * names is written (completed, or added) only here, in the transaction of the
 * link and its outbox entry.
 */
export function requestLinkTyped(
  db: AppDb,
  req: TypedRequest,
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry> {
  return request(db, 'link', req, () => pickTyped(db, req), now, policy);
}

/** Ends the link of a learning profile to the actor's own work account. */
export function requestUnlink(
  db: AppDb,
  req: LinkRequest,
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry> {
  return request(db, 'unlink', req, () => stored(db, req.profileId), now, policy);
}

/**
 * Asks the rules, without writing anything, what a link or unlink would do
 * now: the screens explain a refusal (or the link it would end) before
 * anything is queued. The same `worldFor` slice as the real request.
 */
export async function previewLinkAction(
  db: AppDb,
  type: 'link' | 'unlink',
  req: LinkRequest,
  now: Date,
  policy?: Policy,
): Promise<Decision> {
  const decide: Decide = type === 'link' ? decideLink : decideUnlink;
  return db.transaction('r', actionTables(db), async () => {
    const { profile } = await stored(db, req.profileId);
    return decide(await worldFor(db, req, profile), req, todayUtc(now), policy);
  });
}

/** What checking a typed request answers: the rules' decision, and the profile it names. */
export interface TypedPreview {
  decision: Decision;
  /** The person's profile it names (completed by "Link now"), or null for a new one. */
  profileId: string | null;
}

/** The check of a typed MCID or sign-up: read only, so a typo changes nothing on the device. */
export async function previewLinkTyped(
  db: AppDb,
  req: TypedRequest,
  now: Date,
  policy?: Policy,
): Promise<TypedPreview> {
  return db.transaction('r', actionTables(db), async () => {
    const { profile } = await pickTyped(db, req);
    const full = { ...req, profileId: profile.id };
    const decision = decideLink(await worldFor(db, full, profile), full, todayUtc(now), policy);
    const existing = await db.profiles.get(profile.id);
    return { decision, profileId: existing ? profile.id : null };
  });
}

/**
 * "This is not my MCID": the person removes a Learn profile that is not
 * theirs (a typo, a colleague's number). Its active link ends through the
 * outbox as an unlink, so the Partner Center learns it; the profile stays as
 * a removed row with its MCID cleared, so the starts it had keep counting for
 * the person (docs/policy.md rules 3 and 5): the correction resets nothing.
 * The unlink entry, or null when the profile had no active link.
 */
export async function removeWrongMcid(
  db: AppDb,
  req: { actorAccountId: string; profileId: string },
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry | null> {
  const today = todayUtc(now);
  return guardQuota(() =>
    db.transaction('rw', actionTables(db), async () => {
      const { profile } = await stored(db, req.profileId);
      const actor = await db.accounts.get(req.actorAccountId);
      if (!actor) throw new StoreRefusal('NOT_FOUND', undefined, 'account');
      if (profile.personId !== actor.personId) throw new StoreRefusal('NOT_SELF');
      if (profile.kind !== 'learn') throw new StoreRefusal('INVALID_INPUT', undefined, 'kind');
      const active = await db.associations
        .where('profileId')
        .equals(profile.id)
        .filter((a) => a.endedOn === null)
        .toArray();
      let entry: OutboxEntry | null = null;
      for (const link of active) {
        // Only the account holding the link can end it (rule 2), even for the same person.
        const unlink = { ...req, accountId: link.accountId };
        const world = await worldFor(db, unlink, profile);
        const decision = decideUnlink(world, unlink, today, policy);
        if (!decision.ok) throw new StoreRefusal(decision.code, decision.nextAllowedOn);
        entry = await writeAction(db, 'unlink', unlink, profile, world, decision, now);
      }
      await db.profiles.put({ ...profile, mcid: null, removedOn: today });
      return entry;
    }),
  );
}
