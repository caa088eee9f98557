/**
 * A scriptable in-memory remote for engine unit tests: it applies every link
 * and unlink unless told otherwise, keeps the associations it confirmed so its
 * `state()` is consistent, and records every batch it was sent.
 */
import type { WireAccountState, WireAction, WireAssociation, WireResult } from '../../src/rules';
import type { Remote } from '../../src/sync';
import { TODAY } from './fixtures';

export type Responder = (actions: WireAction[]) => Promise<WireResult[]> | WireResult[];

export interface FakeRemote extends Remote {
  batches: WireAction[][];
  /** Replace the behaviour of the next sends (null: back to applying everything). */
  respond: Responder | null;
  /** Every account whose state was asked, one by one or in a batch. */
  stateCalls: string[];
  /** Accounts asked one by one (`state()`). */
  perAccountCalls: string[];
  /** The account ids of each batch read (`states()`). */
  statesCalls: string[][];
  /** `false`: behave as a remote without the batch read (`states()` answers null). */
  batchStates: boolean;
  states(accountIds: readonly string[], signal?: AbortSignal): Promise<WireAccountState[] | null>;
}

export function applyAll(links: WireAssociation[]): Responder {
  return (actions) =>
    actions.map((a) => {
      if (a.type === 'link') {
        const association = { profileId: a.profile.id, accountId: a.accountId, startedOn: TODAY };
        links.push(association);
        return { id: a.id, status: 'applied', association };
      }
      const open = links.find(
        (l) => l.profileId === a.profile.id && l.accountId === a.accountId && !l.endedOn,
      );
      if (open) Object.assign(open, { endedOn: TODAY, endReason: 'unlinked' });
      return { id: a.id, status: 'applied', ...(open ? { association: open } : {}) };
    });
}

export function fakeRemote(): FakeRemote {
  const links: WireAssociation[] = [];
  const fallback = applyAll(links);
  const remote: FakeRemote = {
    batches: [],
    respond: null,
    stateCalls: [],
    perAccountCalls: [],
    statesCalls: [],
    batchStates: true,
    async send(actions) {
      remote.batches.push(actions.map((a) => ({ ...a })));
      return (remote.respond ?? fallback)(actions);
    },
    state(accountId): Promise<WireAccountState> {
      remote.stateCalls.push(accountId);
      remote.perAccountCalls.push(accountId);
      return Promise.resolve(stateOf(accountId));
    },
    states(accountIds) {
      if (!remote.batchStates) return Promise.resolve(null);
      remote.stateCalls.push(...accountIds);
      remote.statesCalls.push([...accountIds]);
      return Promise.resolve(accountIds.map(stateOf));
    },
  };
  function stateOf(accountId: string): WireAccountState {
    return {
      accountId,
      asOf: new Date().toISOString(),
      associations: links.filter((l) => l.accountId === accountId).map((l) => ({ ...l })),
      nextAssociationOn: {},
    };
  }
  return remote;
}
