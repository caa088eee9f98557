/**
 * A reference server on loopback whose directory (organizations, accounts,
 * profiles) is the fixture database's, with no associations yet: the world
 * the HTTP sync tests start from.
 */
import { afterEach } from 'vitest';
import type { AppDb } from '../../../src/store';
import { T0 } from '../fixtures';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from './reference-server';

export type ServerOptions = Omit<ReferenceServerOptions, 'world'>;

export async function serverForFixture(
  db: AppDb,
  options: ServerOptions,
): Promise<ReferenceServer> {
  return startReferenceServer({
    world: {
      organizations: await db.organizations.toArray(),
      accounts: await db.accounts.toArray(),
      profiles: await db.profiles.toArray(),
      associations: [],
    },
    now: () => new Date(T0),
    ...options,
  });
}

/** `serverForFixture`, each server closed after the test that started it (call at a file's top level). */
export function fixtureServers(): (db: AppDb, options: ServerOptions) => Promise<ReferenceServer> {
  const servers: ReferenceServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (db, options) => {
    const server = await serverForFixture(db, options);
    servers.push(server);
    return server;
  };
}
