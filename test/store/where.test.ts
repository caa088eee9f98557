import { describe, expect, it, vi } from 'vitest';
import { whereAnyOf } from '../../src/store/where';
import { freshDb } from './fixtures';

async function table() {
  const db = freshDb();
  await db.achievements.bulkAdd(
    Array.from({ length: 200 }, (_, i) => ({
      id: `a${i}`,
      profileId: `p${i % 20}`,
      code: 'X',
      title: 'X',
      kind: 'certification' as const,
      completedOn: '2026-01-01',
    })),
  );
  return db;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('whereAnyOf', () => {
  it('few keys: one lookup per key, no scan', async () => {
    const db = await table();
    const scan = vi.spyOn(db.achievements, 'toArray');
    const rows = await whereAnyOf(db.achievements, 'profileId', ['p1', 'p1', 'p3']);
    expect(scan).not.toHaveBeenCalled();
    expect(ids(rows)).toEqual(
      Array.from({ length: 200 }, (_, i) => i)
        .filter((i) => i % 20 === 1 || i % 20 === 3)
        .map((i) => `a${i}`)
        .sort(),
    );
  });

  it('many keys: one scan, same answer', async () => {
    const db = await table();
    const keys = ['p0', 'p1', 'p2', 'p3', 'p4', 'nobody'];
    const scan = vi.spyOn(db.achievements, 'toArray');
    const rows = await whereAnyOf(db.achievements, 'profileId', keys);
    expect(scan).toHaveBeenCalledTimes(1);
    const lookups = (
      await Promise.all(keys.map((k) => db.achievements.where('profileId').equals(k).toArray()))
    ).flat();
    expect(ids(rows)).toEqual(ids(lookups));
    expect(rows).toHaveLength(50);
    expect(await whereAnyOf(db.achievements, 'profileId', [])).toEqual([]);
  });
});
