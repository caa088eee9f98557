/**
 * Support for the chaos run (test/e2e/chaos.e2e.ts): the people it acts as,
 * the same world on the reference server, a seeded random source, and a
 * proxy in front of the server that adds CORS for the app's origin and can
 * cut the network (every connection dropped) for the page and its worker.
 */
import 'fake-indexeddb/auto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, todayUtc } from '../../src/rules';
import { openDb, updateSettings } from '../../src/store';
import { addLearningProfile } from '../../src/store/ops-profile';
import { addOrganization, addWorkAccount } from '../../src/store/ops-org';
import { exportAll } from '../../src/store/transfer';
import type { ServerWorld } from '../sync/server/world';

export interface ChaosPerson {
  n: number;
  accountId: string;
  email: string;
  profileId: string;
  /** The server already saw a start of this profile on another device: a link is refused. */
  usedElsewhere: boolean;
}

export interface ChaosWorld {
  /** The import file the app starts from (remote: the proxy; an export carries no token). */
  file: string;
  people: ChaosPerson[];
  /** The organization's global admin: its pull reads every account of the organization. */
  adminAccountId: string;
  server: ServerWorld;
}

export const CHAOS_TOKEN = 'chaos-token';

/** `count` people in one organization, each with a Learn profile and no link yet. */
export async function chaosWorld(count: number, remoteUrl: string, now: Date): Promise<ChaosWorld> {
  const db = openDb(`chaos-${crypto.randomUUID()}`);
  const { org, admin } = await addOrganization(
    db,
    {
      name: 'Chaos Org',
      domains: ['chaos.example'],
      admin: { displayName: 'Chaos Admin', email: 'admin@chaos.example' },
    },
    now,
  );
  const people: ChaosPerson[] = [];
  for (let n = 0; n < count; n++) {
    const name = `P${String(n).padStart(4, '0')}`;
    const email = `${name.toLowerCase()}@chaos.example`;
    const account = await addWorkAccount(
      db,
      { actorAccountId: admin.id, orgId: org.id, displayName: `Person ${name}`, email },
      now,
    );
    const profile = await addLearningProfile(db, {
      personId: account.personId,
      kind: 'learn',
      label: `${name.toLowerCase()}@outlook.example`,
      mcid: String(2_000_000 + n),
    });
    people.push({
      n,
      accountId: account.id,
      email,
      profileId: profile.id,
      usedElsewhere: n % 5 === 4,
    });
  }
  await updateSettings(db, { remote: { kind: 'http', baseUrl: remoteUrl, token: CHAOS_TOKEN } });
  const file = await exportAll(db, now);
  db.close();
  const t = file.tables;
  const today = todayUtc(now);
  return {
    file: JSON.stringify(file),
    adminAccountId: admin.id,
    people,
    server: {
      organizations: t.organizations.map((o) => ({ id: o.id, domains: o.domains })),
      accounts: t.accounts.map((a) => ({
        id: a.id,
        orgId: a.orgId,
        personId: a.personId,
        email: a.email,
        deletedOn: a.deletedOn,
      })),
      profiles: t.profiles.map((p) => ({
        id: p.id,
        personId: p.personId,
        kind: p.kind,
        mcid: p.mcid,
      })),
      // A start made on another device 5 days ago: the cool-off refuses a new one.
      associations: people
        .filter((p) => p.usedElsewhere)
        .map((p) => ({
          profileId: p.profileId,
          accountId: 'elsewhere',
          startedOn: addDays(today, -5),
          endedOn: addDays(today, -5),
          endReason: 'unlinked' as const,
        })),
    },
  };
}

/** mulberry32: small, seeded, good enough to schedule chaos reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChaosProxy {
  url: string;
  /** true: every connection is dropped, as if the network were cut. */
  down: boolean;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Idempotency-Key',
  'Access-Control-Max-Age': '5',
};

/**
 * An HTTP proxy to `target` that answers CORS preflights and passes everything
 * else through. `{ cors: false }`: a plain pass-through that adds nothing, CORS
 * included (the server's own CORS is what the page sees).
 */
export async function startChaosProxy(
  target: string,
  { cors = true }: { cors?: boolean } = {},
): Promise<ChaosProxy> {
  const upstream = new URL(target);
  const added = cors ? CORS : {};
  const proxy: ChaosProxy = { url: '', down: false, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    if (proxy.down) {
      req.socket.destroy();
      return;
    }
    if (cors && req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...added });
        answer.pipe(res);
        answer.on('error', () => req.socket.destroy());
      },
    );
    // The server dropped the connection (after applying, say): so does the proxy.
    forward.on('error', () => req.socket.destroy());
    // The client went away before the answer: so does the request upstream. (On the
    // response, not the kept-alive socket, which would gather a listener per request.)
    res.on('close', () => {
      if (!res.writableFinished) forward.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => {
        ok();
      });
    });
  return proxy;
}
