/**
 * The users list's leaves (`src/store/user-leaves.ts`): the cut depends only
 * on the rows, so any sequence of changes leaves the records a layout of the
 * final rows makes; a page's leaves hold exactly the page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserList } from '../../src/rules/org/users';
import type { OrgUserRecord, UserDir, UserLeaf, WorkAccount } from '../../src/store/records';
import {
  changeLeaves,
  countOf,
  leafKeysOf,
  leavesOfPage,
  startsLeaf,
  userLayout,
  userOrder,
} from '../../src/store/user-leaves';

const LISTS: UserList[] = ['all', 'active', 'learn-linked', 'never-signed-in', 'deleted'];

/** A users row with only what the layout reads set (the rest as the store fills it). */
function row(orgId: string, id: string, name: string, lists: UserList[], rev = 0): OrgUserRecord {
  const account: WorkAccount = {
    id,
    orgId,
    personId: `p-${id}`,
    displayName: name,
    email: `${id}@example.test`,
    roles: [],
    createdBy: null,
    createdOn: '2026-01-01',
    firstSignInOn: null,
    deletedOn: null,
  };
  return {
    id,
    orgId,
    account,
    learnLinked: rev % 2 === 1,
    puLinked: false,
    removalOn: null,
    endedPairs: [],
    lists: ['all', ...lists],
    order: userOrder(name, id),
    search: name,
  };
}

const rowArb = (orgId: string) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 299 }).map((n) => `u${String(n)}`),
      name: fc.constantFrom('ann', 'bo', 'cy', 'dee', 'eve', 'fay', 'Ann', 'bö', 'zed', ''),
      lists: fc.subarray(LISTS.slice(1)),
      rev: fc.nat(3),
    })
    .map((r) => row(orgId, r.id, r.name, r.lists, r.rev));

/** One row per id: the last given wins. */
const uniqueById = (rows: readonly OrgUserRecord[]) => [
  ...new Map(rows.map((r) => [r.id, r])).values(),
];

/** The stored records after `change`, applied as the upkeep writes it. */
function applied(
  leaves: Map<string, UserLeaf>,
  dirs: Map<string, UserDir>,
  orgId: string,
  change: ReturnType<typeof changeLeaves>,
): void {
  for (const key of change.gone) leaves.delete(key);
  for (const leaf of change.put) leaves.set(leaf.key, leaf);
  if (change.dir) dirs.set(orgId, change.dir);
  else dirs.delete(orgId);
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);

describe('the layout of an organization’s users', () => {
  it('cuts the rows in order, a leaf starting only at the first row or a boundary', () => {
    fc.assert(
      fc.property(fc.array(rowArb('o'), { maxLength: 300 }), (given) => {
        const rows = uniqueById(given);
        const { userLeaves, userDirs } = userLayout(rows);
        const sorted = [...rows].sort((a, b) => (a.order < b.order ? -1 : 1));
        expect(userLeaves.flatMap((l) => l.rows)).toEqual(sorted);
        for (const [i, leaf] of userLeaves.entries()) {
          expect(leaf.key).toBe(`o\u0000${leaf.rows[0]?.order ?? ''}`);
          if (i > 0) expect(startsLeaf(leaf.rows[0]?.order ?? '')).toBe(true);
          expect(leaf.rows.slice(1).some((r) => startsLeaf(r.order))).toBe(false);
        }
        const dir = userDirs[0];
        if (rows.length === 0) expect(userDirs).toEqual([]);
        for (const list of LISTS) {
          expect(countOf(dir, list)).toBe(rows.filter((r) => r.lists.includes(list)).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is the same whatever changes led to the rows: removals, additions, renames', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb('o'), { maxLength: 300 }),
        fc.array(
          fc.record({
            remove: fc.array(fc.integer({ min: 0, max: 299 }), { maxLength: 40 }),
            add: fc.array(rowArb('o'), { maxLength: 40 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (start, steps) => {
          let rows = new Map(uniqueById(start).map((r) => [r.id, r]));
          const first = userLayout([...rows.values()]);
          const leaves = new Map(first.userLeaves.map((l) => [l.key, l]));
          const dirs = new Map(first.userDirs.map((d) => [d.key, d]));
          for (const s of steps) {
            // What the upkeep knows: each changed account's order before the write.
            const ids = new Set([
              ...s.remove.map((n) => `u${String(n)}`),
              ...s.add.map((r) => r.id),
            ]);
            const removed = new Set(
              [...ids].flatMap((id) => {
                const was = rows.get(id);
                return was ? [was.order] : [];
              }),
            );
            const added = uniqueById(s.add);
            for (const id of ids) rows.delete(id);
            for (const r of added) rows.set(r.id, r);
            rows = new Map(rows);
            const dir = dirs.get('o') ?? { key: 'o', leaves: [] };
            const keys = leafKeysOf(dir, [...removed, ...added.map((r) => r.order)]);
            const held = new Map(
              keys.flatMap((k) => {
                const leaf = leaves.get(k);
                return leaf ? [[k, leaf] as const] : [];
              }),
            );
            applied(leaves, dirs, 'o', changeLeaves(dir, held, removed, added));
            const want = userLayout([...rows.values()]);
            expect([...leaves.values()].sort(byKey)).toEqual(want.userLeaves);
            expect([...dirs.values()]).toEqual(want.userDirs);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes only the leaves a change alters', () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      row('o', `u${String(i)}`, `name ${String(i).padStart(3, '0')}`, ['active']),
    );
    const { userLeaves, userDirs } = userLayout(rows);
    const dir = userDirs[0] ?? { key: 'o', leaves: [] };
    expect(userLeaves.length).toBeGreaterThan(5);
    const changed = { ...row('o', 'u200', 'name 200', ['active']), learnLinked: true };
    const keys = leafKeysOf(dir, [changed.order]);
    const held = new Map(userLeaves.filter((l) => keys.includes(l.key)).map((l) => [l.key, l]));
    const change = changeLeaves(dir, held, new Set([changed.order]), [changed]);
    expect(change.put).toHaveLength(1);
    expect(change.put[0]?.rows).toContainEqual(changed);
    expect(change.gone).toEqual([]);
    expect(change.dir).toEqual(dir);
  });

  it('finds any page of any list in the leaves it names', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb('o'), { maxLength: 300 }),
        fc.constantFrom(...LISTS),
        fc.nat(320),
        fc.integer({ min: 1, max: 60 }),
        (given, list, at, size) => {
          const { userLeaves, userDirs } = userLayout(uniqueById(given));
          const dir = userDirs[0] ?? { key: 'o', leaves: [] };
          const inList = userLeaves.flatMap((l) => l.rows).filter((r) => r.lists.includes(list));
          const { keys, skip } = leavesOfPage(dir, list, at, size);
          const byLeaf = new Map(userLeaves.map((l) => [l.key, l]));
          const got = keys
            .flatMap((k) => byLeaf.get(k)?.rows ?? [])
            .filter((r) => r.lists.includes(list))
            .slice(skip, skip + size);
          expect(got).toEqual(inList.slice(at, at + size));
          // No leaf read without a row of the page.
          for (const k of keys) {
            expect(byLeaf.get(k)?.rows.some((r) => got.includes(r))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
