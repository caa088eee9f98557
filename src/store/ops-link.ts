/**
 * Link and unlink requests. Offline they succeed at once, optimistically:
 * the local association changes and an outbox entry waits for the remote. The
 * remote may still refuse later during sync (say, the cool-off was used up on
 * another device); `settleResult` then undoes exactly what was done here.
 */
import {
  decideLink,
  decideUnlink,
  todayUtc,
  type Decision,
  type EndedLink,
  type LinkRequest,
  type Policy,
  type World,
} from '../rules';
import type { AppDb } from './db';
import { StoreRefusal } from './errors';
import type { Association, EndReason, OptimisticEffect, OutboxEntry } from './records';
import { guardQuota } from './storage';

/**
 * The slice of the tables a decision reads: the profile and its links, the
 * account, its organization and its links, and the profiles those links hold.
 */
async function worldFor(db: AppDb, req: LinkRequest): Promise<World> {
  const account = await db.accounts.get(req.accountId);
  const org = account ? await db.organizations.get(account.orgId) : undefined;
  const [ofProfile, ofAccount] = await Promise.all([
    db.associations.where('profileId').equals(req.profileId).toArray(),
    db.associations.where('accountId').equals(req.accountId).toArray(),
  ]);
  const associations = new Map([...ofProfile, ...ofAccount].map((a) => [a.id, a]));
  const profileIds = new Set([req.profileId, ...ofAccount.map((a) => a.profileId)]);
  const profiles = (await db.profiles.bulkGet([...profileIds])).filter((p) => p !== undefined);
  return {
    organizations: org ? [org] : [],
    accounts: account ? [account] : [],
    profiles,
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

type Decide = (world: World, req: LinkRequest, today: string, policy?: Policy) => Decision;

async function request(
  db: AppDb,
  type: 'link' | 'unlink',
  req: LinkRequest,
  now: Date,
  policy: Policy | undefined,
): Promise<OutboxEntry> {
  const today = todayUtc(now);
  const decide: Decide = type === 'link' ? decideLink : decideUnlink;
  const endReason: EndReason = type === 'link' ? 'moved' : 'unlinked';
  const tables = [db.organizations, db.accounts, db.profiles, db.associations, db.outbox];
  // This transaction is crucial: the optimistic effect and the outbox entry
  // are committed together or not at all, so a crash cannot leave a link that
  // will never be sent, nor an entry whose effect is missing.
  return guardQuota(() =>
    db.transaction('rw', tables, async () => {
      const profile = await db.profiles.get(req.profileId);
      if (!profile) throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
      const world = await worldFor(db, req);
      const decision = decide(world, req, today, policy);
      if (!decision.ok) throw new StoreRefusal(decision.code, decision.nextAllowedOn);

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
    }),
  );
}

/** Links a learning profile to the actor's own work account (ending its link elsewhere: the move). */
export function requestLink(
  db: AppDb,
  req: LinkRequest,
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry> {
  return request(db, 'link', req, now, policy);
}

/** Ends the link of a learning profile to the actor's own work account. */
export function requestUnlink(
  db: AppDb,
  req: LinkRequest,
  now: Date,
  policy?: Policy,
): Promise<OutboxEntry> {
  return request(db, 'unlink', req, now, policy);
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
  return db.transaction(
    'r',
    [db.organizations, db.accounts, db.profiles, db.associations],
    async () => {
      const profile = await db.profiles.get(req.profileId);
      if (!profile) throw new StoreRefusal('NOT_FOUND', undefined, 'profile');
      return decide(await worldFor(db, req), req, todayUtc(now), policy);
    },
  );
}
