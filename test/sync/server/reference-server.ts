/**
 * A reference implementation of the sync contract (docs/sync-contract.md) on
 * node:http, for tests and the benchmark: 127.0.0.1, port 0, Bearer token →
 * actor, an in-memory idempotency table, and faults to inject on the next
 * requests: 5xx, 429, 401, a hang past the client's timeout, a connection
 * dropped after the actions were applied, a malformed answer, and a request
 * delivered twice (as a retrying proxy would). It answers the batch state
 * read (`POST /accounts/state`) unless `batchStates` says to play an old
 * server without it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BATCH, todayUtc, type WireAction, type WireResult } from '../../../src/rules';
import { handleAction, stateOf, type ServerWorld } from './world';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Applies the actions, then never answers. */
  | { kind: 'hang' }
  /** Applies the actions, then cuts the connection without an answer. */
  | { kind: 'drop-after-apply' }
  /** Applies the actions, then answers 200 with this body. */
  | { kind: 'malformed'; body: string }
  /** Handles the request twice and answers the second time. */
  | { kind: 'duplicate' };

export interface ReferenceServer {
  url: string;
  world: ServerWorld;
  tokens: Map<string, string>;
  /** Faults for the next POSTs to /link-actions, used in order. */
  faults: Fault[];
  /** Faults for the next batch state reads (`status`, `malformed`), used in order. */
  stateFaults: Fault[];
  /** How many times each action id was really applied (must never exceed 1). */
  applyCounts: Map<string, number>;
  /** The first (and so every) result of each action id handled: applied, or refused and why. */
  results: ReadonlyMap<string, WireResult>;
  /** Every POSTed action id, in arrival order, repeats included. */
  received: string[];
  /** State reads: per-account GETs and batch POSTs together. */
  stateRequests: number;
  /** Per-account `GET /accounts/{id}/state` answered. */
  stateGetRequests: number;
  /** Batch state reads (`POST /accounts/state`) received, whatever the answer. */
  stateBatchRequests: number;
  /** The account ids of each batch state read, in arrival order. */
  stateBatches: string[][];
  now: () => Date;
  close(): Promise<void>;
}

export interface ReferenceServerOptions {
  world: ServerWorld;
  tokens: Record<string, string>;
  now?: () => Date;
  /** `true` (default): the batch state read exists; a status: an old server answering it so. */
  batchStates?: true | 404 | 405 | 501;
  /**
   * Strict CORS as docs/sync-contract.md asks: only this origin, methods
   * `GET, POST, OPTIONS`, headers `Authorization, Content-Type, Idempotency-Key`,
   * a cached preflight, no credentials. `'refuse'`: every preflight is refused.
   * Absent: no CORS headers at all (Node clients do not need them).
   */
  cors?: { origin: string; maxAgeSeconds?: number } | 'refuse';
  /** A status to answer every `POST /link-actions` with (a wrong base URL's 404). */
  linkActionsStatus?: number;
}

const CORS_HEADERS = ['authorization', 'content-type', 'idempotency-key'];

/** The CORS headers for an answer to `origin`, or null when it is not allowed. */
function corsFor(
  cors: ReferenceServerOptions['cors'],
  origin: string | undefined,
): Record<string, string> | null {
  if (cors === undefined) return {};
  if (cors === 'refuse' || origin !== cors.origin) return null;
  return {
    'Access-Control-Allow-Origin': cors.origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': 'Retry-After',
  };
}

const MAX_BODY = 1_000_000;
/** Accounts a batch state read may ask for. */
export const MAX_STATES = 100;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/**
 * The signed-in actor and the `field` of the JSON body they sent; undefined
 * once it has answered 401 (no actor) or 400 (not JSON) itself.
 */
function signedField(
  res: ServerResponse,
  actor: string | undefined,
  raw: string,
  field: string,
): { actor: string; value: unknown } | undefined {
  if (!actor) {
    send(res, 401, { error: 'sign in' });
    return undefined;
  }
  try {
    return { actor, value: (JSON.parse(raw) as Loose)[field] };
  } catch {
    send(res, 400, { error: 'not JSON' });
    return undefined;
  }
}

/** The server checks what it is sent, as any real one must. */
function isAction(value: unknown): value is WireAction {
  if (!isObject(value) || !isObject(value.profile)) return false;
  const { id, type, actorAccountId, accountId } = value;
  const { id: profileId, kind } = value.profile;
  return (
    typeof id === 'string' &&
    (type === 'link' || type === 'unlink') &&
    typeof actorAccountId === 'string' &&
    typeof accountId === 'string' &&
    typeof profileId === 'string' &&
    (kind === 'learn' || kind === 'partner-university')
  );
}

export async function startReferenceServer(
  options: ReferenceServerOptions,
): Promise<ReferenceServer> {
  const idempotency = new Map<string, WireResult>();
  const state: Omit<ReferenceServer, 'url' | 'close'> = {
    world: options.world,
    tokens: new Map(Object.entries(options.tokens)),
    faults: [],
    stateFaults: [],
    applyCounts: new Map(),
    results: idempotency,
    received: [],
    stateRequests: 0,
    stateGetRequests: 0,
    stateBatchRequests: 0,
    stateBatches: [],
    now: options.now ?? (() => new Date()),
  };

  function apply(actions: WireAction[], actor: string): WireResult[] {
    const today = todayUtc(state.now());
    return actions.map((action) => {
      const first = idempotency.get(action.id);
      if (first) return first;
      const result = handleAction(state.world, action, actor, today);
      idempotency.set(action.id, result);
      state.applyCounts.set(action.id, (state.applyCounts.get(action.id) ?? 0) + 1);
      return result;
    });
  }

  /** `POST /accounts/state` `{ accountIds }` (at most MAX_STATES) → `{ states }`. */
  async function handleStates(
    req: IncomingMessage,
    res: ServerResponse,
    actor: string | undefined,
  ): Promise<void> {
    const raw = await readBody(req);
    state.stateRequests += 1;
    state.stateBatchRequests += 1;
    const old = options.batchStates ?? true;
    if (old !== true) {
      send(res, old, { error: 'no route' });
      return;
    }
    const fault = state.stateFaults.shift();
    if (fault?.kind === 'status') {
      send(res, fault.status, { error: `injected ${fault.status}` });
      return;
    }
    const body = signedField(res, actor, raw, 'accountIds');
    if (!body) return;
    const ids = body.value;
    if (
      !Array.isArray(ids) ||
      ids.length > MAX_STATES ||
      !ids.every((id): id is string => typeof id === 'string' && id.length > 0)
    ) {
      send(res, 400, { error: 'bad accountIds' });
      return;
    }
    state.stateBatches.push(ids);
    if (fault?.kind === 'malformed') {
      send(res, 200, fault.body);
      return;
    }
    const now = state.now();
    const today = todayUtc(now);
    const states = [...new Set(ids)].map((id) => stateOf(state.world, id, now, today));
    send(res, 200, { states });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsFor(options.cors, req.headers.origin);
    if (req.method === 'OPTIONS') {
      const asked = (req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      const method = req.headers['access-control-request-method'] ?? '';
      if (
        !cors ||
        options.cors === undefined ||
        !['GET', 'POST'].includes(method) ||
        !asked.every((h) => CORS_HEADERS.includes(h))
      ) {
        res.writeHead(403).end();
        return;
      }
      const maxAge = typeof options.cors === 'object' ? (options.cors.maxAgeSeconds ?? 600) : 600;
      res
        .writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
          'Access-Control-Max-Age': String(maxAge),
        })
        .end();
      return;
    }
    // A request from an origin not allowed gets no CORS headers: the browser hides the answer.
    for (const [name, value] of Object.entries(cors ?? {})) res.setHeader(name, value);
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const actor = auth?.[1] ? state.tokens.get(auth[1]) : undefined;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const stateMatch = /^\/accounts\/([^/]+)\/state$/.exec(url.pathname);

    if (req.method === 'GET' && stateMatch?.[1]) {
      if (!actor) {
        send(res, 401, { error: 'sign in' });
        return;
      }
      state.stateRequests += 1;
      state.stateGetRequests += 1;
      const now = state.now();
      send(res, 200, stateOf(state.world, decodeURIComponent(stateMatch[1]), now, todayUtc(now)));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/accounts/state') {
      await handleStates(req, res, actor);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/link-actions') {
      send(res, 404, { error: 'no route' });
      return;
    }
    if (options.linkActionsStatus !== undefined) {
      send(res, options.linkActionsStatus, { error: 'configured status' });
      return;
    }

    const raw = await readBody(req);
    const fault = state.faults.shift();
    if (fault?.kind === 'status') {
      send(
        res,
        fault.status,
        { error: `injected ${fault.status}` },
        fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
      );
      return;
    }
    const body = signedField(res, actor, raw, 'actions');
    if (!body) return;
    const actions = body.value;
    if (!Array.isArray(actions) || actions.length > MAX_BATCH || !actions.every(isAction)) {
      send(res, 400, { error: 'bad actions' });
      return;
    }
    for (const a of actions) state.received.push(a.id);
    let results = apply(actions, body.actor);
    switch (fault?.kind) {
      case 'hang':
        return; // the client's timeout ends it
      case 'drop-after-apply':
        req.socket.destroy();
        return;
      case 'malformed': {
        send(res, 200, fault.body);
        return;
      }
      case 'duplicate':
        for (const a of actions) state.received.push(a.id);
        results = apply(actions, body.actor);
        break;
      default:
        break;
    }
    send(res, 200, { results });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}
