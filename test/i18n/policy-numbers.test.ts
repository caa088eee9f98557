import { describe, expect, it } from 'vitest';
import { LANGS, messagesFor } from '../../src/i18n';
import { describeCode } from '../../src/i18n/describe';
import { me } from '../../src/i18n/messages/me';
import { org } from '../../src/i18n/messages/org';
import { DEFAULT_POLICY, type Policy } from '../../src/rules';
import { allTexts } from './all-texts';

// Numbers no default appears in, so a text that quotes the policy shows these.
const OTHER: Policy = {
  yearlyLimit: 7,
  windowMonths: 18,
  coolOffDays: 45,
  creditLagDays: 14,
  reportRefreshDay: 22,
};

const defaults = [...new Set(Object.values(DEFAULT_POLICY) as number[])];
const NUMBER_WORDS: Record<number, RegExp> = {
  3: /\bthree\b|三/i,
  10: /\bten\b|\btenth\b|十/i,
  12: /\btwelve\b|十二/i,
  30: /\bthirty\b|三十/i,
};

describe('the policy’s numbers in the words', () => {
  it.each(LANGS)('no %s message writes a number of the policy itself', (lang) => {
    const found: string[] = [];
    for (const { path, text } of allTexts(lang, OTHER)) {
      for (const n of defaults) {
        // A number standing alone (not part of 104, 2027 or 987654321).
        const digits = new RegExp(`(?<![0-9０-９])${String(n)}(?![0-9０-９])`);
        if (digits.test(text) || NUMBER_WORDS[n]?.test(text)) found.push(`${path}: ${text}`);
      }
      // "a year" is the 12-month window under another name.
      if (/\ba year\b|\byearly\b|1 年に|毎年/.test(text)) found.push(`${path}: ${text}`);
    }
    expect(found).toEqual([]);
  });

  it.each(LANGS)('changing the policy changes the %s refusals', (lang) => {
    const m = messagesFor(lang);
    const coolOff = describeCode(m, 'COOL_OFF', 'D', OTHER);
    expect(coolOff).toContain('45');
    expect(coolOff).not.toContain('30');
    const yearly = describeCode(m, 'YEARLY_LIMIT', 'D', OTHER);
    expect(yearly).toContain('7');
    expect(yearly).toContain('18');
    expect(describeCode(m, 'COOL_OFF', 'D', DEFAULT_POLICY)).toContain('30');
  });

  it('changing the policy changes the individual’s and the organization’s words', () => {
    expect(me.en.link.usesStart(2, OTHER)).toBe(
      'This is association 2 of 7 in 18 months, and the next one needs 45 days.',
    );
    expect(me.ja.link.usesStart(2, OTHER)).toContain('18 か月で 7 回中 2 回目');
    expect(me.en.me.usedInWindow(OTHER)).toBe('Associations in the last 18 months');
    expect(me.en.me.achievementsIntro('Contoso', OTHER)).toContain('14 days after');
    expect(me.en.remove.countStays(OTHER)).toContain('18-month count');
    expect(org.en.report.intro(OTHER)).toContain('around the 22nd of the next month');
    expect(org.en.report.intro({ ...OTHER, reportRefreshDay: 11 })).toContain('the 11th');
    expect(org.en.report.intro(DEFAULT_POLICY)).toContain('around the 10th of the next month');
    expect(org.ja.report.intro(OTHER)).toContain('翌月 22 日前後');
  });
});
