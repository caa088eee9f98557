/**
 * The world both sync benchmarks start from (bench/sync-bench and
 * bench/sync-per-action): N people of company A, each with one link queued
 * in the outbox, and the loopback reference server holding the same
 * directory with no associations yet (token `bench`, any actor).
 */
import { crowd, fixture, link } from '../test/sync/fixtures';
import { serverForFixture } from '../test/sync/server/for-fixture';
import { ANY_ACTOR } from '../test/sync/server/world';

export async function queuedWorld(n) {
  const f = await fixture();
  const people = await crowd(f.db, f.orgAId, n);
  const entries = [];
  for (const p of people) entries.push(await link(f.db, p.account, p.profile));
  const server = await serverForFixture(f.db, { tokens: { bench: ANY_ACTOR } });
  return { f, people, entries, server };
}
