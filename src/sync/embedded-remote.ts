/**
 * The embedded Partner Center (the default remote): an in-browser authority
 * with its own database that applies the same rules as everyone else, and
 * remembers every action id it has seen so that a repeat gets its first
 * result back unchanged. Its demo switches (offline, delay) come from the
 * app's settings, so a demo can show actions queueing and then syncing.
 */
import {
  todayUtc,
  type Policy,
  type WireAccountState,
  type WireAction,
  type WireResult,
} from '../rules';
import type { AppDb } from '../store';
import { accountState, accountStates, applyAction, type AuthorityAssociation } from './authority';
import { refreshPartnerCenter } from './directory';
import type { PartnerCenterDb } from './partner-center-db';
import { RemoteError, type Remote } from './remote';

export interface EmbeddedRemoteOptions {
  app: AppDb;
  pc: PartnerCenterDb;
  now: () => number;
  /** The demo's "Partner Center is offline" switch. */
  offline?: boolean;
  /** The demo's network delay, per request. */
  delayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  newId?: () => string;
  policy?: Policy;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new RemoteError('network', 'aborted'));
    });
  });
}

export function createEmbeddedRemote(options: EmbeddedRemoteOptions): Remote {
  const { app, pc, now } = options;
  const sleep = options.sleep ?? defaultSleep;
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function arrive(signal?: AbortSignal): Promise<{ at: Date; today: string }> {
    if (options.offline) throw new RemoteError('offline', 'the embedded Partner Center is offline');
    const delay = options.delayMs ?? 0;
    if (delay > 0) await sleep(delay, signal);
    const at = new Date(now());
    return { at, today: todayUtc(at) };
  }

  /** A state read: arrive, bring the authority's records up to date, read its links. */
  async function arriveAndRead(signal?: AbortSignal) {
    const { at, today } = await arrive(signal);
    // The profiles just written are the directory read: not read back.
    const { profiles } = await refreshPartnerCenter(pc, app, today);
    const associations = await pc.associations.toArray();
    return { at, today, profiles, associations };
  }

  return {
    async send(actions: WireAction[], signal?: AbortSignal): Promise<WireResult[]> {
      const { at, today } = await arrive(signal);
      // The directory it just copied decides, as read (not read back).
      const dir = await refreshPartnerCenter(pc, app, today);
      // Crucial: one transaction for the batch, so an action is applied and
      // remembered together or not at all.
      return pc.transaction('rw', pc.tables, async () => {
        const associations: AuthorityAssociation[] = await pc.associations.toArray();
        const results: WireResult[] = [];
        for (const action of actions) {
          const seen = await pc.applied.get(action.id);
          if (seen) {
            results.push(seen.result);
            continue;
          }
          const { result, writes } = applyAction(
            dir,
            associations,
            action,
            today,
            newId,
            options.policy,
          );
          for (const row of writes) {
            const i = associations.findIndex((a) => a.id === row.id);
            if (i >= 0) associations[i] = row;
            else associations.push(row);
          }
          await pc.associations.bulkPut(writes);
          await pc.applied.add({ id: action.id, result, appliedAt: at.toISOString() });
          results.push(result);
        }
        return results;
      });
    },

    async state(accountId: string, signal?: AbortSignal): Promise<WireAccountState> {
      const { at, today, profiles, associations } = await arriveAndRead(signal);
      return accountState(profiles, associations, accountId, at, today, options.policy);
    },

    /**
     * The batch state read: one arrival (one delay), one read of the
     * associations, for any number of accounts (`maxStates`).
     */
    maxStates: Number.POSITIVE_INFINITY,
    async states(accountIds: readonly string[], signal?: AbortSignal): Promise<WireAccountState[]> {
      const unique = [...new Set(accountIds)];
      if (unique.length === 0) return [];
      const { at, today, profiles, associations } = await arriveAndRead(signal);
      return accountStates(profiles, associations, unique, at, today, options.policy);
    },
  };
}
