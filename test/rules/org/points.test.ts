import { describe, expect, it } from 'vitest';
import { skillsReport } from '../../../src/rules/report';
import type { Catalog } from '../../../src/rules/org/catalog';
import { designationProgress } from '../../../src/rules/org/points';
import { account, cert, link } from './fixtures';

const catalog: Catalog = {
  version: 1,
  sample: true,
  designations: [
    {
      id: 'infra',
      name: 'Infrastructure',
      kind: 'designation',
      maxPoints: 10,
      certifications: [
        { code: 'AZ-104', points: 4 },
        { code: 'AZ-305', points: 5 },
      ],
    },
    {
      id: 'ai',
      name: 'Data & AI',
      kind: 'designation',
      maxPoints: null,
      certifications: [{ code: 'AI-102', points: 3 }],
    },
  ],
};

describe('designation points over time', () => {
  // Today 2026-11-25. Ann (A): AZ-104 counted since March. Ken (A): deleted
  // on 2026-11-03, his AZ-305 leaves on 10 December. Mei (A): AZ-104 passed
  // 2026-11-22 → arrives 2 December; AI-102 passed today → arrives 5 December.
  // Ann also passed AZ-104 again on another link stretch: counted once.
  const input = {
    accounts: [
      account('ann', 'a'),
      account('ken', 'a', { deletedOn: '2026-11-03' }),
      account('mei', 'a'),
    ],
    associations: [
      link('p-ann', 'ann', '2026-01-01', '2026-02-01', 'unlinked'),
      link('p-ann', 'ann', '2026-03-05'),
      link('p-ken', 'ken', '2026-01-01', '2026-11-03', 'account-deleted'),
      link('p-mei', 'mei', '2026-06-01'),
    ],
    achievements: [
      cert('c1', 'p-ann', 'AZ-104', '2026-01-10'),
      cert('c2', 'p-ken', 'AZ-305', '2026-04-01'),
      cert('c3', 'p-mei', 'AZ-104', '2026-11-22'),
      cert('c4', 'p-mei', 'AI-102', '2026-11-25'),
      cert('c5', 'p-mei', 'PL-300', '2026-07-01'),
    ],
  };
  const rows = skillsReport(input, 'a', '2026-11-25');
  const progress = designationProgress(rows, catalog, '2026-11-25');

  it('counts today: Ann 4 + Ken 5 = 9 for infrastructure, nothing yet for AI', () => {
    expect(progress.now).toEqual({ infra: 9, ai: 0 });
    expect(progress.peopleNow).toEqual({
      infra: { 'AZ-104': 1, 'AZ-305': 1 },
      ai: { 'AI-102': 0 },
    });
  });

  it('changes on 2 Dec (Mei, capped at 10), 5 Dec (AI-102) and 10 Dec (Ken leaves)', () => {
    expect(progress.changes).toEqual([
      { on: '2026-12-02', points: { infra: 10, ai: 0 } },
      { on: '2026-12-05', points: { infra: 10, ai: 3 } },
      // Ken's 5 go, Ann's and Mei's 8 stay (no longer over the cap).
      { on: '2026-12-10', points: { infra: 8, ai: 3 } },
    ]);
  });

  it('counts a person once for an exam even with two overlapping rows', () => {
    const twice = [...rows, ...rows.filter((r) => r.profileId === 'p-ann')];
    expect(designationProgress(twice, catalog, '2026-11-25').now.infra).toBe(9);
  });

  it('reads the past as well: before Ann’s credit (20 Jan) nothing counted', () => {
    expect(
      designationProgress(skillsReport(input, 'a', '2026-01-19'), catalog, '2026-01-19').now,
    ).toEqual({ infra: 0, ai: 0 });
  });

  it('ignores exams the catalog does not list', () => {
    const onlyPl = rows.filter((r) => r.code === 'PL-300');
    expect(onlyPl).toHaveLength(1);
    expect(designationProgress(onlyPl, catalog, '2026-11-25')).toMatchObject({
      now: { infra: 0, ai: 0 },
      changes: [],
    });
  });
});
