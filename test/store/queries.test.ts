import type { DBCore, DBCoreQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  listAccounts,
  myView,
  type Achievement,
  type AppDb,
  type Association,
  type LearningProfile,
  type WorkAccount,
} from '../../src/store';
import { addAchievement } from '../../src/store/ops-profile';
import { recordFirstSignIn } from '../../src/store/ops-org';
import { orgReportPage, orgUsersPage } from '../../src/store/queries-org';
import { DEFAULT_REPORT_QUERY } from '../../src/rules/org/report-rows';
import { requestLink } from '../../src/store/ops-link';
import { settleResult } from '../../src/store/drain';
import { account, cert, learn, link } from '../rules/org/fixtures';
import { NOW, TODAY, allUsers, fixture, freshDb, self, stateOf, wholeReport } from './fixtures';

describe('myView', () => {
  it('is null for an unknown account', async () => {
    expect(await myView(freshDb(), 'nobody', TODAY)).toBeNull();
  });

  it('shows both profiles, this account\u2019s links by kind, usage and credit days', async () => {
    const f = await fixture();
    await addAchievement(f.db, {
      profileId: f.learn.id,
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-11-01',
    });
    const before = await myView(f.db, f.annA.id, TODAY);
    expect(before?.activeLinks).toEqual({ learn: null, 'partner-university': null });
    expect(before?.profiles.map((p) => p.profile.kind)).toEqual(['learn', 'partner-university']);
    expect(before?.limits).toEqual({
      associationsUsed: 0,
      yearlyLimit: 3,
      nextAssociationOn: TODAY,
    });
    expect(before?.profiles[0]?.achievements[0]).toMatchObject({
      creditOn: null,
      status: 'not-linked',
    });

    const e = await requestLink(f.db, self(f.annA, f.learn), NOW);
    const linked = await myView(f.db, f.annA.id, TODAY);
    const learn = linked?.profiles[0];
    expect(linked?.activeLinks.learn?.profile.id).toBe(f.learn.id);
    expect(learn).toMatchObject({ pending: true });
    // The person's count: the Partner University card shows the same.
    expect(linked?.limits).toEqual({
      associationsUsed: 1,
      yearlyLimit: 3,
      nextAssociationOn: '2026-12-25',
    });
    expect(learn?.activeLink?.org?.name).toBe('Contoso Japan');
    expect(learn?.achievements[0]).toMatchObject({ creditOn: '2026-12-05', status: 'pending' });
    expect(
      (await myView(f.db, f.annA.id, '2026-12-05'))?.profiles[0]?.achievements[0]?.status,
    ).toBe('counted');
    await settleResult(f.db, { id: e.id, status: 'applied' }, NOW);
    expect((await myView(f.db, f.annA.id, TODAY))?.profiles[0]?.pending).toBe(false);
    // Seen from her account in B: the profile is linked elsewhere, not to this account.
    const fromB = await myView(f.db, f.annB.id, TODAY);
    expect(fromB?.activeLinks.learn).toBeNull();
    expect(fromB?.profiles[0]?.activeLink?.account?.id).toBe(f.annA.id);
  });
});

describe('the users list and the skills report the store keeps', () => {
  it('tracks the user states as things happen', async () => {
    const f = await fixture();
    const state = async () => {
      const user = (await allUsers(f.db, f.orgA.id)).find((u) => u.account.id === f.annA.id);
      return user ? stateOf(user) : undefined;
    };
    expect(await state()).toBe('never-signed-in');
    await recordFirstSignIn(f.db, f.annA.id, NOW);
    expect(await state()).toBe('signed-in');
    await requestLink(f.db, self(f.annA, f.annPu), NOW);
    expect(await state()).toBe('partner-university-linked');
    // 30 days later: the person's cool-off counts the Partner University start too.
    await requestLink(f.db, self(f.annA, f.learn), new Date('2026-12-25T09:00:00Z'));
    expect(await state()).toBe('learn-linked');
    expect(await allUsers(f.db, 'nobody')).toEqual([]);
  });

  it('reports only the organization\u2019s links, with names', async () => {
    const f = await fixture();
    await addAchievement(f.db, {
      profileId: f.learn.id,
      code: 'AZ-900',
      title: 'Azure Fundamentals',
      kind: 'certification',
      completedOn: '2026-10-01',
    });
    await requestLink(f.db, self(f.annA, f.learn), NOW);
    const rows = await wholeReport(f.db, f.orgA.id, '2026-12-05');
    expect(rows.map((r) => [r.displayName, r.email, r.code, r.countsFrom, r.status])).toEqual([
      ['Ann', 'ann@contoso.example', 'AZ-900', '2026-12-05', 'counted'],
    ]);
    expect(await wholeReport(f.db, f.orgB.id, TODAY)).toEqual([]);
  });
});

describe('listAccounts', () => {
  it('lists every account by organization and name', async () => {
    const f = await fixture();
    expect((await listAccounts(f.db)).map((c) => [c.orgName, c.account.displayName])).toEqual([
      ['Contoso Japan', 'Admin A'],
      ['Contoso Japan', 'Ann'],
      ['Contoso Japan', 'Ben'],
      ['Fabrikam', 'Admin B'],
      ['Fabrikam', 'Ann'],
      ['Fabrikam', 'Ben'],
    ]);
  });
});

/**
 * Every read the store makes of a table, seen below Dexie (a DBCore
 * middleware): which table, how, by which index, for which key. The users
 * list must not read achievements as the skills report does (issue 8: the
 * organization view took seconds to open at 10,000 users because it did).
 */
interface Read {
  table: string;
  op: 'get' | 'getMany' | 'query' | 'openCursor' | 'count';
  index: string;
  key: unknown;
  values: boolean;
  /** How many keys a `getMany` asked for. */
  keys?: number;
}

function countReads(db: AppDb): Read[] {
  const reads: Read[] = [];
  db.use({
    stack: 'dbcore',
    name: 'read-counter',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        const log = (op: Read['op'], query?: DBCoreQuery, values = true, keys?: number) => {
          const index = query
            ? query.index.isPrimaryKey
              ? ':id'
              : (query.index.name ?? '')
            : ':id';
          // The key of an equality (a range whose ends are one key), else null.
          const range = query?.range;
          const key: unknown = range && range.lower === range.upper ? range.lower : null;
          reads.push({
            table: name,
            op,
            index,
            key,
            values,
            ...(keys === undefined ? {} : { keys }),
          });
        };
        return {
          ...t,
          get: (req) => {
            log('get');
            return t.get(req);
          },
          getMany: (req) => {
            log('getMany', undefined, true, req.keys.length);
            return t.getMany(req);
          },
          query: (req) => {
            log('query', req.query, req.values);
            return t.query(req);
          },
          openCursor: (req) => {
            log('openCursor', req.query, req.values);
            return t.openCursor(req);
          },
          count: (req) => {
            log('count', req.query);
            return t.count(req);
          },
        };
      },
    }),
  });
  return reads;
}

async function world(w: {
  accounts?: WorkAccount[];
  profiles?: LearningProfile[];
  associations?: Association[];
  achievements?: Achievement[];
}): Promise<{ db: AppDb; reads: Read[] }> {
  const db = freshDb();
  const reads = countReads(db);
  await db.accounts.bulkAdd(w.accounts ?? []);
  await db.profiles.bulkAdd(w.profiles ?? []);
  await db.associations.bulkAdd(w.associations ?? []);
  await db.achievements.bulkAdd(w.achievements ?? []);
  reads.length = 0;
  return { db, reads };
}

const pu = (id: string): LearningProfile => ({
  id,
  personId: `person-${id}`,
  kind: 'partner-university',
  mcid: null,
  label: id,
});

describe('the organization screens read a page, not the organization', () => {
  // 40 people linked to A, each with 3 achievements.
  const many = (n = 40) => ({
    accounts: Array.from({ length: n }, (_, i) => account(`u${String(i)}`, 'a')),
    profiles: Array.from({ length: n }, (_, i) => learn(`p${String(i)}`)),
    associations: Array.from({ length: n }, (_, i) =>
      link(`p${String(i)}`, `u${String(i)}`, '2026-01-01'),
    ),
    achievements: Array.from({ length: n * 3 }, (_, i) =>
      cert(`x${String(i)}`, `p${String(i % n)}`, 'AZ-900', `2026-0${String(1 + (i % 9))}-10`),
    ),
  });
  const SOURCES = ['accounts', 'profiles', 'associations', 'achievements'];

  it('a users page reads the directory and the leaves that hold it: no account, link, profile or achievement', async () => {
    const { db, reads } = await world(many(400));
    const page = await orgUsersPage(db, 'a', { text: '', state: 'active' }, 5, 25);
    expect(page).toMatchObject({ page: 5, total: 400, everyone: 400 });
    expect(page.users.every((u) => stateOf(u) === 'learn-linked')).toBe(true);
    const all = await orgUsersPage(db, 'a', { text: '', state: 'active' }, 0, 400);
    expect(page.users.map((u) => u.id)).toEqual(all.users.slice(125, 150).map((u) => u.id));
    expect(all.users.map((u) => u.order)).toEqual(all.users.map((u) => u.order).sort());
    expect(reads.filter((r) => SOURCES.includes(r.table))).toEqual([]);
    // The directory, then only the leaves of the page: its totals from the directory's counts.
    expect(new Set(reads.map((r) => `${r.table} ${r.index}`))).toEqual(
      new Set(['userDirs :id', 'userLeaves :id']),
    );
    expect(reads.filter((r) => r.op === 'count')).toEqual([]);
    const leaves = (await db.userDirs.get('a'))?.leaves.length ?? 0;
    const first = reads.findIndex((r) => r.table === 'userLeaves');
    expect(leaves).toBeGreaterThan(8);
    expect(reads[first]?.keys).toBeLessThanOrEqual(3);
  });

  it('a report page reads the counts and the days that hold it: nothing is derived', async () => {
    const { db, reads } = await world(many());
    const page = await orgReportPage(db, 'a', TODAY, DEFAULT_REPORT_QUERY, 0, 25);
    expect(page.total).toBe(120);
    expect(page.rows).toHaveLength(25);
    expect(page.counts).toEqual({ counted: 120, pending: 0, 'scheduled-removal': 0, removed: 0 });
    expect(reads.filter((r) => SOURCES.includes(r.table))).toEqual([]);
    expect(new Set(reads.map((r) => `${r.table} ${r.index}`))).toEqual(
      new Set(['reportCounts orgId', 'reportDays :id']),
    );
    // 120 rows over 9 credit days: the first 25 are in the first two, and only those are read.
    const daysRead = reads.filter((r) => r.table === 'reportDays');
    expect(await db.reportDays.count()).toBe(9);
    expect(daysRead).toEqual([
      { table: 'reportDays', op: 'getMany', index: ':id', key: null, values: true, keys: 2 },
    ]);
  });

  it('a name-sorted page keeps its whole read while no day changes, and reads again when one does', async () => {
    const { db, reads } = await world(many());
    const byName = { ...DEFAULT_REPORT_QUERY, sort: 'name' as const };
    const first = await orgReportPage(db, 'a', TODAY, byName, 0, 25);
    expect(first.total).toBe(120);
    const rowsRead = () => reads.filter((r) => r.table === 'reportDays' && r.index === ':id');
    expect(rowsRead()).toHaveLength(1);
    // Another page, the same days: only the days' revisions are read.
    reads.length = 0;
    const second = await orgReportPage(db, 'a', TODAY, byName, 1, 25);
    expect(second.rows[0]?.displayName).toBe(first.rows[24]?.displayName);
    expect(rowsRead()).toEqual([]);
    expect(reads.filter((r) => r.table === 'reportDays').map((r) => r.index)).toEqual([
      '[orgId+rev]',
    ]);
    // A rename changes the days that hold the account's rows: the page is read again, renamed.
    await db.accounts.update('u0', { displayName: 'Aaron Zero' });
    reads.length = 0;
    const renamed = await orgReportPage(db, 'a', TODAY, byName, 0, 25);
    expect(rowsRead()).toHaveLength(1);
    expect(renamed.rows.slice(0, 3).map((r) => r.displayName)).toEqual([
      'Aaron Zero',
      'Aaron Zero',
      'Aaron Zero',
    ]);
  });

  it('keeps the pairs with an ended link, with the profile’s earliest achievement', async () => {
    const w = many();
    w.associations[0] = link('p0', 'u0', '2026-01-01', '2026-11-20', 'moved');
    // Relinked later to the same account: both links of the pair come along.
    w.associations.push(link('p0', 'u0', '2026-11-22'));
    // Ended by the account's deletion: the report says it through removalOn, not as a pair.
    w.associations[1] = link('p1', 'u1', '2026-01-01', '2026-11-03', 'account-deleted');
    const { db } = await world(w);
    const users = new Map((await allUsers(db, 'a')).map((u) => [u.account.id, u]));
    expect(users.get('u0')?.endedPairs).toEqual([
      {
        profileId: 'p0',
        links: [w.associations[0], w.associations[40]],
        earliest: w.achievements.find((a) => a.id === 'x0'),
      },
    ]);
    expect(users.get('u1')?.endedPairs).toEqual([]);
  });

  it('tells a Partner University link from a Learn one by the profile’s kind', async () => {
    const w = many();
    w.profiles[3] = pu('p3');
    const { db } = await world(w);
    const users = new Map((await allUsers(db, 'a')).map((u) => [u.account.id, stateOf(u)]));
    expect(users.get('u3')).toBe('partner-university-linked');
    expect(users.get('u4')).toBe('learn-linked');
  });

  it('orders by name, then email, as localeCompare does (accents, case, Japanese)', async () => {
    const names = ['b', 'A', 'a', 'ä', 'Émile', 'emile', '山田', 'やまだ', 'Zoë', '10', '9'];
    const accounts = names.flatMap((n, i) => [
      account(`x${String(i)}`, 'a', { displayName: n, email: `z${String(i)}@a.example` }),
      account(`y${String(i)}`, 'a', { displayName: n, email: `m${String(i)}@a.example` }),
    ]);
    const { db } = await world({ accounts });
    const expected = [...accounts]
      .sort((x, y) => x.displayName.localeCompare(y.displayName) || x.email.localeCompare(y.email))
      .map((a) => a.id);
    expect((await allUsers(db, 'a')).map((u) => u.account.id)).toEqual(expected);
  });
});
