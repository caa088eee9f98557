/**
 * A reference server on loopback whose directory (organizations, accounts,
 * profiles) is the fixture database's, with no associations yet: the world
 * the HTTP sync tests start from.
 */
import type { AppDb } from '../../../src/store';
import { T0 } from '../fixtures';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from './reference-server';

export async function serverForFixture(
  db: AppDb,
  options: Omit<ReferenceServerOptions, 'world'>,
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
