import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/format';
import { settings } from '../../src/i18n/messages/settings';
import { importIssueLines } from '../../src/ui/screens/settings/import-issues';

const issues = [
  { path: 'tables.accounts.2.email', reason: 'not an email address' },
  {
    path: 'tables.associations.4.startedOn',
    reason: 'starts within the cool-off',
    code: 'COOL_OFF' as const,
    date: '2026-12-16',
  },
  {
    path: 'tables.associations.7.endedOn',
    reason: 'the profile has another active association',
    code: 'PROFILE_LINKED_TWICE' as const,
    other: 'tables.associations.3',
  },
];

describe('importIssueLines', () => {
  it('words rule problems in English with the date and the clashing row, and counts the rest', () => {
    expect(importIssueLines(settings.en, 'en', issues, 12)).toEqual([
      'tables.accounts.2.email: not an email address',
      `tables.associations.4.startedOn: starts inside the cool-off after this person's previous association start (possible from ${formatDate('2026-12-16', 'en')})`,
      expect.stringMatching(
        /^tables\.associations\.7\.endedOn: the profile already has an active association.* \(see tables\.associations\.3\)$/,
      ),
      '…and 9 more problems.',
    ]);
  });

  it('words them in Japanese', () => {
    const [, cool, twice, more] = importIssueLines(settings.ja, 'ja', issues, 4);
    expect(cool).toContain('クール オフ期間内');
    expect(cool).toContain(`${formatDate('2026-12-16', 'ja')} から可能`);
    expect(twice).toMatch(/有効な関連付けがすでにあります.*（tables\.associations\.3 を参照）$/);
    expect(more).toBe('ほかに 1 件の問題があります。');
  });

  it('names at most 5, and has a line for every code', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ path: `p${i}`, reason: 'r' }));
    expect(importIssueLines(settings.en, 'en', many)).toEqual([
      'p0: r',
      'p1: r',
      'p2: r',
      'p3: r',
      'p4: r',
      '…and 3 more problems.',
    ]);
    for (const lang of ['en', 'ja'] as const) {
      for (const text of Object.values(settings[lang].importRules)) {
        expect(text('2026-01-01').length).toBeGreaterThan(10);
      }
    }
  });
});
