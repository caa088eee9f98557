import type { DBCore, DBCoreQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  addAchievement,
  listAccounts,
  myView,
  type Achievement,
  type AppDb,
  type Association,
  type LearningProfile,
  type WorkAccount,
} from '../../src/store';
import { recordFirstSignIn } from '../../src/store/ops-org';
import { orgSkillsReport, orgUsers } from '../../src/store/queries-org';
import { requestLink } from '../../src/store/ops-link';
import { settleResult } from '../../src/store/drain';
import { account, cert, learn, link } from '../rules/org/fixtures';
import { NOW, TODAY, fixture, freshDb, self } from './fixtures';

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

describe('orgUsers and orgSkillsReport', () => {
  it('tracks the user states as things happen', async () => {
    const f = await fixture();
    const state = async () =>
      (await orgUsers(f.db, f.orgA.id)).find((u) => u.account.id === f.annA.id)?.state;
    expect(await state()).toBe('never-signed-in');
    await recordFirstSignIn(f.db, f.annA.id, NOW);
    expect(await state()).toBe('signed-in');
    await requestLink(f.db, self(f.annA, f.annPu), NOW);
    expect(await state()).toBe('pu-linked');
    // 30 days later: the person's cool-off counts the Partner University start too.
    await requestLink(f.db, self(f.annA, f.learn), new Date('2026-12-25T09:00:00Z'));
    expect(await state()).toBe('learn-linked');
    expect(await orgUsers(f.db, 'nobody')).toEqual([]);
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
    const rows = await orgSkillsReport(f.db, f.orgA.id, '2026-12-05');
    expect(rows.map((r) => [r.displayName, r.email, r.code, r.countsFrom, r.status])).toEqual([
      ['Ann', 'ann@contoso.example', 'AZ-900', '2026-12-05', 'counted'],
    ]);
    expect(await orgSkillsReport(f.db, f.orgB.id, TODAY)).toEqual([]);
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
        const log = (op: Read['op'], query?: DBCoreQuery, values = true) => {
          const index = query
            ? query.index.isPrimaryKey
              ? ':id'
              : (query.index.name ?? '')
            : ':id';
          // The key of an equality (a range whose ends are one key), else null.
          const range = query?.range;
          const key: unknown = range && range.lower === range.upper ? range.lower : null;
          reads.push({ table: name, op, index, key, values });
        };
        return {
          ...t,
          get: (req) => {
            log('get');
            return t.get(req);
          },
          getMany: (req) => {
            log('getMany');
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

describe('orgUsers reads only what the users list needs', () => {
  // 40 people linked to A, each with 3 achievements (120: more than a scan's worth of lookups).
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

  it('reads no achievement when no link of the organization ended', async () => {
    const { db, reads } = await world(many());
    const users = await orgUsers(db, 'a');
    expect(users).toHaveLength(40);
    expect(users.every((u) => u.state === 'learn-linked' && u.endedPairs.length === 0)).toBe(true);
    expect(reads.filter((r) => r.table === 'achievements')).toEqual([]);
    // The counter sees the report's reads: it would see the users list's.
    await orgSkillsReport(db, 'a', TODAY);
    expect(reads.filter((r) => r.table === 'achievements').length).toBeGreaterThan(0);
  });

  it('reads only the achievements of a profile whose link ended, and gives its earliest', async () => {
    const w = many();
    w.associations[0] = link('p0', 'u0', '2026-01-01', '2026-11-20', 'moved');
    // Relinked later to the same account: both links of the pair come along.
    w.associations.push(link('p0', 'u0', '2026-11-22'));
    // Ended by the account's deletion: the report says it through removalOn, not as a pair.
    w.associations[1] = link('p1', 'u1', '2026-01-01', '2026-11-03', 'account-deleted');
    const { db, reads } = await world(w);
    const users = new Map((await orgUsers(db, 'a')).map((u) => [u.account.id, u]));
    expect(users.get('u0')?.endedPairs).toEqual([
      {
        profileId: 'p0',
        links: [w.associations[0], w.associations[40]],
        earliest: w.achievements.find((a) => a.id === 'x0'),
      },
    ]);
    expect(users.get('u1')?.endedPairs).toEqual([]);
    const achievementReads = reads.filter((r) => r.table === 'achievements');
    expect(achievementReads.filter((r) => r.op !== 'count')).toEqual([
      { table: 'achievements', op: 'query', index: 'profileId', key: 'p0', values: true },
    ]);
  });

  it('reads the kinds of 10,000-style shares of linked profiles from the kind index, keys only', async () => {
    const w = many();
    w.profiles[3] = pu('p3');
    const { db, reads } = await world(w);
    const users = new Map((await orgUsers(db, 'a')).map((u) => [u.account.id, u.state]));
    expect(users.get('u3')).toBe('pu-linked');
    expect(users.get('u4')).toBe('learn-linked');
    const profileReads = reads.filter((r) => r.table === 'profiles' && r.op !== 'count');
    expect(profileReads.map((r) => [r.index, r.values])).toEqual([
      ['kind', false],
      ['kind', false],
    ]);
  });

  it('looks a few linked profiles up one by one in a large table', async () => {
    const others = Array.from({ length: 200 }, (_, i) =>
      i % 2 ? learn(`o${String(i)}`) : pu(`o${String(i)}`),
    );
    const { db, reads } = await world({
      accounts: [account('ann', 'a'), account('ben', 'a'), account('cy', 'a')],
      profiles: [...others, learn('p-ann'), pu('p-ben')],
      associations: [link('p-ann', 'ann', '2026-01-01'), link('p-ben', 'ben', '2026-01-01')],
    });
    const users = await orgUsers(db, 'a');
    expect(users.map((u) => [u.account.id, u.state, u.learnLinked, u.puLinked])).toEqual([
      ['ann', 'learn-linked', true, false],
      ['ben', 'pu-linked', false, true],
      ['cy', 'signed-in', false, false],
    ]);
    const profileReads = reads.filter((r) => r.table === 'profiles' && r.op !== 'count');
    expect(profileReads.map((r) => r.key).sort()).toEqual(['p-ann', 'p-ben']);
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
    expect((await orgUsers(db, 'a')).map((u) => u.account.id)).toEqual(expected);
  });
});
