/** Sync engines for the tests, made as the app makes them (apart from fixtures.ts, which the benchmark loads). */
import type { AppDb } from '../../src/store';
import {
  createInProcessLock,
  createSyncEngine,
  openPartnerCenter,
  remoteFor,
} from '../../src/sync';
import { manualClock } from './fixtures';

/**
 * An engine on `db` for the settings' remote (with its own embedded Partner
 * Center unless `remote.pc` names one, on the engine's clock), an in-process lock, a manual clock at T0 and
 * a fixed random. `remote` adds to the remote's options (timeoutMs, fetch);
 * `options` overrides the engine's (clock, random, backoff, log).
 */
export function engineOn(
  db: AppDb,
  remote: Partial<Parameters<typeof remoteFor>[0]> = {},
  options: Partial<Parameters<typeof createSyncEngine>[0]> = {},
) {
  const clock = options.clock ?? manualClock();
  const { pc = openPartnerCenter(`pc-${crypto.randomUUID()}`), ...rest } = remote;
  return createSyncEngine({
    db,
    getRemote: remoteFor({ app: db, pc, now: () => clock.now(), ...rest }),
    lock: createInProcessLock(),
    clock,
    random: () => 0.5,
    ...options,
  });
}
