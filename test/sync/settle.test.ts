import { describe, expect, it } from 'vitest';
import { settleResult } from '../../src/store';
import type { WireResult } from '../../src/rules';
import { settleBatch } from '../../src/sync/settle';
import { activeLinks, fixture, link, outbox, T0 } from './fixtures';

describe('settleBatch', { timeout: 30_000 }, () => {
  it('settles a whole batch in one go', async () => {
    const f = await fixture();
    const a = await link(f.db, f.annA, f.learn);
    const b = await link(f.db, f.annA, f.pu, T0 + 1);
    const results: WireResult[] = [
      { id: a.id, status: 'applied' },
      { id: b.id, status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
    ];
    const logs: string[] = [];
    const out = await settleBatch(f.db, results, new Date(T0), (_l, m) => logs.push(m));
    expect(out).toEqual({ settled: results, error: null });
    expect((await outbox(f.db)).map((e) => e.state)).toEqual(['applied', 'rejected']);
    expect(logs).toEqual([]);
  });

  it('falls back to one by one when one result cannot be settled, keeping the others', async () => {
    const f = await fixture();
    const a = await link(f.db, f.annA, f.learn);
    const b = await link(f.db, f.annA, f.pu, T0 + 1);
    const results: WireResult[] = [
      { id: a.id, status: 'applied' },
      { id: b.id, status: 'applied' },
    ];
    const failing: typeof settleResult = (db, result, now) =>
      result.id === a.id ? Promise.reject(new Error('corrupt row')) : settleResult(db, result, now);
    const logs: string[] = [];
    const out = await settleBatch(f.db, results, new Date(T0), (_l, m) => logs.push(m), failing);
    expect(out.settled).toEqual([results[1]]);
    expect(out.error).toContain('corrupt row');
    // The failed one is untouched (the next drain requeues and resends it).
    expect((await f.db.outbox.get(a.id))?.state).toBe('queued');
    expect((await f.db.outbox.get(b.id))?.state).toBe('applied');
    expect(
      (await activeLinks(f.db)).find((l) => l.profileId === f.pu.id)?.pendingActionId,
    ).toBeNull();
    expect(logs).toHaveLength(2);
  });
});
