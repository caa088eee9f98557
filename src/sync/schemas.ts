/**
 * The schemas every remote answer passes before the app uses it (docs/sync-contract.md:
 * "an answer that does not match the schema is an error that is logged and
 * retried, never applied"). Unknown extra fields are allowed and dropped, so a
 * server may extend the contract compatibly.
 */
import * as v from 'valibot';
import { isIsoDate } from '../rules';
import type { WireAccountState, WireAction, WireResult } from '../rules';
import { MAX_STATES, RemoteError } from './remote';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const IsoDate = v.pipe(
  v.string(),
  v.check((s) => isIsoDate(s), 'not a calendar date YYYY-MM-DD'),
);
const Instant = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not an ISO instant'),
);

export const AssociationSchema = v.object({
  profileId: Id,
  accountId: Id,
  startedOn: IsoDate,
  endedOn: v.nullish(IsoDate),
  endReason: v.nullish(v.picklist(['unlinked', 'moved', 'account-deleted'])),
});

const Code = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const ResultSchema = v.pipe(
  v.object({
    id: Id,
    status: v.picklist(['applied', 'rejected']),
    code: v.optional(Code),
    nextAllowedOn: v.optional(IsoDate),
    association: v.optional(AssociationSchema),
    ended: v.optional(v.pipe(v.array(AssociationSchema), v.maxLength(1000))),
  }),
  // A refusal without its code could not tell the person why.
  v.check((r) => r.status === 'applied' || r.code !== undefined, 'a rejected result needs a code'),
);

export const BatchResponseSchema = v.object({
  results: v.pipe(v.array(ResultSchema), v.maxLength(1000)),
});

export const AccountStateSchema = v.object({
  accountId: Id,
  asOf: Instant,
  associations: v.pipe(v.array(AssociationSchema), v.maxLength(10_000)),
  // valibot's record takes an array as an object with keys "0", "1"…: refused first.
  nextAssociationOn: v.pipe(
    v.unknown(),
    v.check((x) => !Array.isArray(x), 'not an object'),
    v.record(Id, IsoDate),
  ),
});

/** The answer of `POST …/accounts/state`: at most MAX_STATES states. */
export const AccountStatesResponseSchema = v.object({
  states: v.pipe(v.array(AccountStateSchema), v.maxLength(MAX_STATES)),
});

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Checks a batch answer against the request: one result per action, the same
 * ids in the same order. Throws `RemoteError('malformed')` otherwise.
 */
export function parseBatchResponse(body: unknown, actions: readonly WireAction[]): WireResult[] {
  const parsed = v.safeParse(BatchResponseSchema, body);
  if (!parsed.success) {
    throw new RemoteError('malformed', `batch answer: ${describe(parsed.issues)}`);
  }
  const results = parsed.output.results;
  if (results.length !== actions.length) {
    throw new RemoteError(
      'malformed',
      `batch answer: ${results.length} results for ${actions.length} actions`,
    );
  }
  results.forEach((r, i) => {
    if (r.id !== actions[i]?.id) {
      throw new RemoteError('malformed', `batch answer: results[${i}] is for another action`);
    }
  });
  return results;
}

/** Checks an account state answer; it must be about the account asked for. */
export function parseAccountState(body: unknown, accountId: string): WireAccountState {
  const parsed = v.safeParse(AccountStateSchema, body);
  if (!parsed.success) {
    throw new RemoteError('malformed', `state answer: ${describe(parsed.issues)}`);
  }
  if (parsed.output.accountId !== accountId) {
    throw new RemoteError('malformed', 'state answer: for another account');
  }
  return parsed.output;
}

/**
 * Checks a batch state answer against the request: every state valid, for an
 * account asked, each account asked answered exactly once (in any order).
 * Returned in the order asked. Throws `RemoteError('malformed')` otherwise,
 * so nothing of a wrong answer is applied.
 */
export function parseAccountStates(
  body: unknown,
  accountIds: readonly string[],
): WireAccountState[] {
  const parsed = v.safeParse(AccountStatesResponseSchema, body);
  if (!parsed.success) {
    throw new RemoteError('malformed', `states answer: ${describe(parsed.issues)}`);
  }
  const asked = new Set(accountIds);
  const byAccount = new Map<string, WireAccountState>();
  for (const state of parsed.output.states) {
    if (!asked.has(state.accountId)) {
      throw new RemoteError('malformed', 'states answer: a state for an account not asked for');
    }
    if (byAccount.has(state.accountId)) {
      throw new RemoteError('malformed', 'states answer: an account answered twice');
    }
    byAccount.set(state.accountId, state);
  }
  return [...asked].map((accountId) => {
    const state = byAccount.get(accountId);
    if (!state) throw new RemoteError('malformed', 'states answer: an account asked is missing');
    return state;
  });
}
