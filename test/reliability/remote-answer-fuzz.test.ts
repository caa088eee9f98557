/**
 * Answers of an HTTP remote are outside input: random bodies and valid answers
 * broken in one place must fail the schemas as `malformed`, through the HTTP
 * remote too, and the engine must never apply one: the action waits for a
 * retry with its optimistic effect as it was, and a later good answer settles
 * it once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RemoteError,
  createHttpRemote,
  createInProcessLock,
  createSyncEngine,
  type FetchLike,
} from '../../src/sync';
import { parseAccountState, parseBatchResponse } from '../../src/sync/schemas';
import { TABLE_NAMES, type AppDb } from '../../src/store';
import { fixture, link, manualClock, outbox, wireAction } from '../sync/fixtures';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ACTIONS = [wireAction('a1'), wireAction('a2')];
const association = { profileId: 'p', accountId: 'acc', startedOn: '2026-11-25' };
const VALID_BATCH: Json = {
  results: [
    {
      id: 'a1',
      status: 'applied',
      association,
      ended: [{ ...association, endedOn: '2026-11-25', endReason: 'moved' }],
    },
    { id: 'a2', status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
  ],
};
const VALID_STATE: Json = {
  accountId: 'acc',
  asOf: '2026-11-25T09:00:00Z',
  associations: [{ ...association, endedOn: null }],
  nextAssociationOn: { p: '2026-12-25' },
};

function kindOf(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (error instanceof RemoteError) return error.kind;
    throw error;
  }
}

function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

/** A copy of `root` with the value at the n-th path replaced by one of another JSON type. */
function broken(root: Json, n: number): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  const all = paths(copy);
  const path = all[n % all.length] ?? [];
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const key = path.at(-1) as string | number;
  const value = node[key] as Json;
  node[key] =
    value === null || Array.isArray(value)
      ? {}
      : typeof value === 'string'
        ? 7
        : typeof value === 'object'
          ? []
          : 'x';
  return copy;
}

describe('remote answers through the schemas', () => {
  it('take the valid answers used below', () => {
    expect(parseBatchResponse(VALID_BATCH, ACTIONS)).toHaveLength(2);
    expect(parseAccountState(VALID_STATE, 'acc').associations).toHaveLength(1);
  });

  it('call any random JSON malformed, never throwing anything else', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (body) => {
        expect(kindOf(() => parseBatchResponse(body, ACTIONS))).toBe('malformed');
        expect(kindOf(() => parseAccountState(body, 'acc'))).toBe('malformed');
      }),
      { numRuns: 300 },
    );
  });

  it('call a valid answer with one value of the wrong type malformed', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(kindOf(() => parseBatchResponse(broken(VALID_BATCH, n), ACTIONS))).toBe('malformed');
        expect(kindOf(() => parseAccountState(broken(VALID_STATE, n), 'acc'))).toBe('malformed');
      }),
      { numRuns: 300 },
    );
  });

  it('call results that do not match the request malformed', () => {
    const results = (VALID_BATCH as { results: Json[] }).results;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(results, { minLength: 0, maxLength: 2 }),
        fc.array(fc.constantFrom(...results), { maxLength: 3 }),
        (subset, extra) => {
          const body = { results: [...subset, ...extra] };
          const same = JSON.stringify(body) === JSON.stringify(VALID_BATCH);
          expect(kindOf(() => parseBatchResponse(body, ACTIONS))).toBe(
            same ? 'accepted' : 'malformed',
          );
        },
      ),
      { numRuns: 200 },
    );
    // The state of another account is not this account's state.
    expect(kindOf(() => parseAccountState(VALID_STATE, 'other'))).toBe('malformed');
  });

  it('keep prototype keys of an answer away from every object', () => {
    const text =
      '{"accountId":"acc","asOf":"2026-11-25T09:00:00Z","associations":[],"nextAssociationOn":{"__proto__":{"polluted":"2026-01-01"},"constructor":"2026-01-01"},"__proto__":{"polluted":1}}';
    const kind = kindOf(() => {
      const state = parseAccountState(JSON.parse(text), 'acc');
      expect(Object.getPrototypeOf(state.nextAssociationOn)).not.toHaveProperty('polluted');
    });
    expect(['accepted', 'malformed']).toContain(kind);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function answering(status: number, body: string): FetchLike {
  return () =>
    Promise.resolve(
      new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
    );
}

describe('remote answers through the HTTP remote', () => {
  it('reject any random 200 body as malformed, for a batch and for a state', async () => {
    const bodies = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.nat().map((n) => JSON.stringify(broken(VALID_BATCH, n))),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const remote = createHttpRemote({
          baseUrl: 'https://pc.example',
          fetch: answering(200, body),
        });
        const send = await remote.send(ACTIONS).then(
          () => 'accepted',
          (e: unknown) => (e as RemoteError).kind,
        );
        const state = await remote.state('acc').then(
          () => 'accepted',
          (e: unknown) => (e as RemoteError).kind,
        );
        expect(send).toBe('malformed');
        expect(state).toBe('malformed');
      }),
      { numRuns: 200 },
    );
  });

  it('reject a huge body without parsing it', async () => {
    const huge = `{"results":[${'{"id":"a1","status":"applied"},'.repeat(200_000)}{}]}`;
    const remote = createHttpRemote({ baseUrl: 'https://pc.example', fetch: answering(200, huge) });
    await expect(remote.send(ACTIONS)).rejects.toMatchObject({ kind: 'malformed' });
  });
});

async function tables(db: AppDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) {
    if (name === 'outbox') continue;
    out[name] = await db.table(name).toArray();
  }
  return JSON.stringify(out);
}

describe('remote answers through the sync engine', () => {
  it('never applies a malformed answer: the action waits, then a good answer settles it once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat().map((n) => JSON.stringify(broken(VALID_BATCH, n))),
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const f = await fixture();
          const entry = await link(f.db, f.annA, f.learn);
          const before = await tables(f.db);
          let good = false;
          let posts = 0;
          const fetch: FetchLike = (url, init) => {
            if (!good) return answering(200, body)(url, init);
            if (url.endsWith('/link-actions')) {
              posts++;
              const association = {
                profileId: f.learn.id,
                accountId: f.annA.id,
                startedOn: '2026-11-25',
              };
              return answering(
                200,
                JSON.stringify({ results: [{ id: entry.id, status: 'applied', association }] }),
              )(url, init);
            }
            const state = {
              accountId: f.annA.id,
              asOf: new Date().toISOString(),
              associations: [
                { profileId: f.learn.id, accountId: f.annA.id, startedOn: '2026-11-25' },
              ],
              nextAssociationOn: {},
            };
            return answering(200, JSON.stringify(state))(url, init);
          };
          const clock = manualClock();
          const engine = createSyncEngine({
            db: f.db,
            getRemote: () => createHttpRemote({ baseUrl: 'https://pc.example', fetch }),
            lock: createInProcessLock(),
            clock,
            random: () => 0.5,
            backoff: { baseMs: 1_000, maxMs: 8_000, floorMs: 100 },
          });
          const first = await engine.drain('test');
          expect(first).toMatchObject({
            outcome: 'retry-later',
            applied: 0,
            rejected: 0,
            retried: 1,
          });
          expect(first.error).toMatch(/^malformed: /);
          expect((await outbox(f.db))[0]).toMatchObject({ id: entry.id, state: 'retry' });
          expect(await tables(f.db)).toBe(before);

          good = true;
          clock.advance(60_000);
          const second = await engine.drain('test');
          expect(second).toMatchObject({ outcome: 'idle', applied: 1 });
          expect(posts).toBe(1);
          expect((await outbox(f.db))[0]?.state).toBe('applied');
          const links = (await f.db.associations.toArray()).filter((a) => a.endedOn === null);
          expect(links).toHaveLength(1);
          f.db.close();
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
