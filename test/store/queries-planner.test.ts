/**
 * The planner's store query against what the planner read before it: the
 * whole export, parsed back by the export's own schema (the oracle here).
 */
import { describe, expect, it } from 'vitest';
import { plannerDataFrom } from '../../src/rules/planner/data';
import { loadDemo } from '../../src/store/demo';
import { plannerTables } from '../../src/store/queries-planner';
import { exportJson, parseExport } from '../../src/store/transfer';
import { NOW, TODAY, freshDb } from './fixtures';

describe('plannerTables', () => {
  it('gives every demo account the planner data the export path gave', async () => {
    const db = freshDb();
    await loadDemo(db, NOW);
    const exported = parseExport(await exportJson(db, NOW)).tables;
    const accounts = await db.accounts.toArray();
    expect(accounts.length).toBeGreaterThan(3);
    const states = new Set<string>();
    for (const { id } of accounts) {
      const viaExport = plannerDataFrom(exported, id, TODAY);
      const viaQuery = plannerDataFrom(await plannerTables(db, id), id, TODAY);
      expect(viaQuery).toEqual(viaExport);
      states.add(viaQuery.state);
    }
    // The demo has people with and without a Learn profile: both answers are compared.
    expect([...states].sort()).toEqual(['no-profile', 'ready']);
  });

  it('reads only the person’s rows, and none for an unknown account', async () => {
    const db = freshDb();
    const ids = await loadDemo(db, NOW);
    const mine = await plannerTables(db, ids.kenji);
    const me = await db.accounts.get(ids.kenji);
    expect(mine.accounts.every((a) => a.personId === me?.personId)).toBe(true);
    expect(mine.profiles.every((p) => p.personId === me?.personId)).toBe(true);
    const profileIds = new Set(mine.profiles.map((p) => p.id));
    expect(mine.associations.length).toBeGreaterThan(0);
    expect(mine.associations.every((a) => profileIds.has(a.profileId))).toBe(true);
    expect(await plannerTables(db, 'nobody')).toEqual({
      organizations: [],
      accounts: [],
      profiles: [],
      associations: [],
      achievements: [],
    });
  });
});
