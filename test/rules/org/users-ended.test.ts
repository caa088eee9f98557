/**
 * The users list is made without the skills report (issue 8: reading 100,000
 * achievements made the organization view take seconds to open). Its "link
 * ended, leaves the report on …" lines come from the ended pairs' links and
 * their profiles' earliest achievement; these tests hold them equal to what
 * the full report gives, over generated worlds and many days.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/rules';
import { skillsReport } from '../../../src/rules/report';
import { type Association } from '../../../src/store';
import { endedLinkRows, orgUserRows, orgUserRowsOn } from '../../../src/rules/org/users';
import {
  account,
  cert,
  learn,
  link,
  seed,
  storedReport,
  storedUsers as orgUsers,
  type World,
} from './fixtures';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS: Association['endReason'][] = ['moved', 'unlinked', 'account-deleted', null];

/** Accounts in A and B; profiles linked, ended, relinked, moved; deletions; no achievements at times. */
function generated(seed: number): World {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const day = (from: string, span: number) => addDays(from, Math.floor(rnd() * span));
  const w: World = { accounts: [], associations: [], achievements: [], profiles: [] };
  for (let i = 0; i < 24; i++) {
    const deleted = rnd() < 0.2 ? day('2026-09-01', 120) : null;
    w.accounts.push(account(`u${String(i)}`, rnd() < 0.75 ? 'a' : 'b', { deletedOn: deleted }));
  }
  for (let p = 0; p < 20; p++) {
    const id = `p${String(p)}`;
    w.profiles.push(learn(id));
    const achievements = Math.floor(rnd() * 4);
    for (let k = 0; k < achievements; k++) {
      w.achievements.push(cert(`${id}-x${String(k)}`, id, 'AZ-900', day('2025-10-01', 480)));
    }
    let start = day('2025-12-01', 200);
    for (let n = Math.floor(rnd() * 4); n > 0; n--) {
      const to = pick(w.accounts).id;
      const ended = rnd() < 0.7 ? day(start, 150) : null;
      const l = link(id, to, start, ended, ended === null ? null : pick(REASONS));
      w.associations.push({ ...l, id: `${l.id}-${String(n)}` });
      if (ended === null) break;
      start = rnd() < 0.3 ? ended : day(ended, 30);
    }
  }
  return w;
}

describe('the users list without the report', () => {
  it('equals the list made from the full report, on every day around the links', async () => {
    for (const seedNo of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const w = generated(seedNo);
      const db = await seed(w);
      for (const orgId of ['a', 'b']) {
        const users = await orgUsers(db, orgId);
        // The full report as the rules define it, over the whole world (the store
        // gives the same rows, per profile; it is read on a few of the days below).
        for (let today = '2026-01-01'; today < '2027-04-01'; today = addDays(today, 6)) {
          const report = skillsReport(w, orgId, today);
          expect(orgUserRowsOn(users, today), `seed ${String(seedNo)} ${orgId} ${today}`).toEqual(
            orgUserRows(users, report),
          );
        }
        for (const today of ['2026-06-01', '2026-11-25', '2027-01-10']) {
          const report = await storedReport(db, orgId, today);
          expect(orgUserRowsOn(users, today)).toEqual(orgUserRows(users, report));
        }
      }
      db.close();
    }
  });

  it('finds ended links in generated worlds (the comparison is not of empty lists)', async () => {
    let ended = 0;
    for (const seedNo of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const db = await seed(generated(seedNo));
      const users = await orgUsers(db, 'a');
      for (let today = '2026-01-01'; today < '2027-04-01'; today = addDays(today, 9)) {
        ended += orgUserRowsOn(users, today).reduce((n, u) => n + u.ended.length, 0);
      }
      db.close();
    }
    expect(ended).toBeGreaterThan(20);
  });

  it('computes rules rows only for the pairs whose link ended', async () => {
    const db = await seed({
      accounts: [account('ann', 'a'), account('ben', 'a')],
      associations: [
        link('p-ann', 'ann', '2026-03-01', '2026-11-20', 'moved'),
        link('p-ben', 'ben', '2026-03-01'),
      ],
      achievements: [
        cert('a1', 'p-ann', 'AI-102', '2026-05-01'),
        cert('a2', 'p-ann', 'AZ-104', '2026-04-01'),
        cert('b1', 'p-ben', 'AZ-900', '2026-05-01'),
      ],
      profiles: [learn('p-ann'), learn('p-ben')],
    });
    const rows = endedLinkRows(await orgUsers(db, 'a'), '2026-11-25');
    expect(rows.map((r) => [r.accountId, r.achievementId, r.status])).toEqual([
      ['ann', 'a2', 'scheduled-removal'],
    ]);
  });

  it('keeps the rows made from one result for the same day, and remakes them for another', async () => {
    const db = await seed({
      accounts: [account('ann', 'a')],
      associations: [],
      achievements: [],
      profiles: [],
    });
    const users = await orgUsers(db, 'a');
    const first = orgUserRowsOn(users, '2026-11-25');
    expect(orgUserRowsOn(users, '2026-11-25')).toBe(first);
    expect(orgUserRowsOn(users, '2026-11-26')).not.toBe(first);
    expect(orgUserRowsOn(users, '2026-11-26')).toEqual(first);
  });
});
