import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, REFUSAL_CODES, type RefusalCode } from '../../src/rules';
import type { StoreRefusalCode } from '../../src/store';
import { detectLanguage, messagesFor, type Lang } from '../../src/i18n';
import { formatDate } from '../../src/i18n/format';
import { describeCode } from '../../src/i18n/describe';

const LANGS: Lang[] = ['en', 'ja'];

describe('refusal messages', () => {
  it.each(LANGS)('every rules refusal code has its own words in %s', (lang) => {
    const m = messagesFor(lang);
    const unknown = describeCode(m, 'UNKNOWN', null, DEFAULT_POLICY);
    const texts = REFUSAL_CODES.map((code) => describeCode(m, code, '2027-01-01', DEFAULT_POLICY));
    for (const text of texts) {
      expect(text).not.toBe(unknown);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('carries the date in the cool-off and yearly-limit messages, as the article does', () => {
    expect(describeCode(messagesFor('en'), 'COOL_OFF', 'Dec 25, 2026', DEFAULT_POLICY)).toContain(
      'Dec 25, 2026',
    );
    expect(describeCode(messagesFor('ja'), 'COOL_OFF', '2026年12月25日', DEFAULT_POLICY)).toContain(
      '次に関連付けできるのは 2026年12月25日 です',
    );
    expect(
      describeCode(messagesFor('en'), 'YEARLY_LIMIT', 'Mar 1, 2027', DEFAULT_POLICY),
    ).toContain('Mar 1, 2027');
  });

  it('reads a code it does not know (say, from a newer server) as UNKNOWN', () => {
    const m = messagesFor('en');
    expect(describeCode(m, 'SOMETHING_NEW', null, DEFAULT_POLICY)).toBe(
      describeCode(m, 'UNKNOWN', null, DEFAULT_POLICY),
    );
    expect(describeCode(m, '__proto__', null, DEFAULT_POLICY)).toBe(
      describeCode(m, 'UNKNOWN', null, DEFAULT_POLICY),
    );
  });

  it('has Japanese words that differ from the English ones', () => {
    expect(describeCode(messagesFor('ja'), 'NOT_SELF', null, DEFAULT_POLICY)).not.toBe(
      describeCode(messagesFor('en'), 'NOT_SELF', null, DEFAULT_POLICY),
    );
    expect(messagesFor('ja').common.nav.me).not.toBe(messagesFor('en').common.nav.me);
    expect(messagesFor('ja').common.loadFailed).not.toBe(messagesFor('en').common.loadFailed);
  });
});

describe('language and dates', () => {
  it.each<[string[], Lang]>([
    [['ja-JP', 'en-US'], 'ja'],
    [['en-GB'], 'en'],
    [['fr-FR', 'ja'], 'ja'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('detects %o as %s', (prefs, lang) => {
    expect(detectLanguage(prefs)).toBe(lang);
  });

  it('formats a calendar day in the locale without shifting it by the time zone', () => {
    expect(formatDate('2027-02-10', 'en')).toBe('Feb 10, 2027');
    expect(formatDate('2027-02-10', 'ja')).toBe('2027/02/10');
    expect(formatDate('2027-02-10', 'ja', 'long')).toBe('2027年2月10日');
    expect(formatDate('2026-12-31', 'en', 'long')).toBe('December 31, 2026');
  });

  it('shows malformed input as given rather than a wrong date', () => {
    expect(formatDate('2027-13-45x', 'en')).toBe('2027-13-45x');
  });
});

describe('store refusals', () => {
  it.each(LANGS)('every code the store can refuse with has words in %s', (lang) => {
    // A Record needs every key: a new store code without words fails to compile here.
    const listed: Record<Exclude<StoreRefusalCode, RefusalCode>, true> = {
      EMAIL_DOMAIN: true,
      EMAIL_INVALID: true,
      DUPLICATE_EMAIL: true,
      NOT_ADMIN: true,
      MCID_INVALID: true,
      DUPLICATE_MCID: true,
      PU_ACCOUNT_EXISTS: true,
      NOT_FOUND: true,
      INVALID_INPUT: true,
    };
    const codes = Object.keys(listed);
    const m = messagesFor(lang);
    const unknown = describeCode(m, 'UNKNOWN', null, DEFAULT_POLICY);
    for (const code of codes) expect(describeCode(m, code, null, DEFAULT_POLICY)).not.toBe(unknown);
  });
});
