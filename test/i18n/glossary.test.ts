/**
 * One term per concept on every screen. Japanese follows the source article
 * (its buttons and terms); a variant found in any message file fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n';
import { me } from '../../src/i18n/messages/me';
import { DEFAULT_POLICY } from '../../src/rules';
import { allTexts } from './all-texts';

interface Term {
  concept: string;
  use: string;
  banned: RegExp[];
}

const GLOSSARY: Record<Lang, Term[]> = {
  ja: [
    {
      concept: 'the Microsoft Learn account (its certification profile has the MCID)',
      use: 'Microsoft ラーニング アカウント',
      // "My Learn プロファイル" is the Partner Center page's own name.
      banned: [/Microsoft Learn プロファイル/, /(?<!My )Learn プロファイル/, /マイクロソフト/],
    },
    {
      concept: 'Partner University',
      use: 'パートナー大学',
      banned: [/Partner University/i, /パートナー ユニバーシティ/, /パートナー大学校/],
    },
    {
      concept: 'Partner Center',
      use: 'パートナー センター',
      banned: [/Partner Center/i, /パートナーセンター/],
    },
    { concept: 'remove access (the button)', use: 'アクセス権の削除', banned: [/アクセスを削除/] },
    { concept: 'assessment', use: '評価', banned: [/アセスメント/] },
    { concept: 'cool-off', use: 'クール オフ', banned: [/クールオフ/, /クーリング/] },
    { concept: 'pending (credit not yet counted)', use: '反映待ち', banned: [/保留/] },
    { concept: 'email address', use: 'メール アドレス', banned: [/メールアドレス/, /Eメール/] },
    { concept: 'skills report', use: 'スキル レポート', banned: [/スキルレポート/] },
  ],
  en: [
    {
      concept: 'Partner University',
      use: 'Partner University',
      banned: [/(?!Partner University)[Pp]artner [Uu]niversity/],
    },
    {
      concept: 'Partner Center',
      use: 'Partner Center',
      banned: [/Partner Centre/i, /(?!Partner Center)[Pp]artner [Cc]enter/, /PartnerCenter/],
    },
    { concept: 'cool-off', use: 'cool-off', banned: [/cool[ ]?off/i, /cooling/i] },
    { concept: 'pending', use: 'Pending', banned: [/\bon hold\b/i] },
  ],
};

describe('one term per concept', () => {
  it.each<Lang>(['ja', 'en'])('no %s message uses a banned variant', (lang) => {
    const found: string[] = [];
    for (const { path, text } of allTexts(lang, DEFAULT_POLICY)) {
      for (const term of GLOSSARY[lang]) {
        for (const banned of term.banned) {
          if (banned.test(text))
            found.push(`${path}: "${text}" — ${term.concept}: use ${term.use}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('labels the Japanese buttons with the article’s words', () => {
    expect(me.ja.me.linkLearn).toBe('Microsoft ラーニング アカウントの関連付け');
    expect(me.ja.link.learnTitle).toBe('Microsoft ラーニング アカウントの関連付け');
    expect(me.ja.me.linkPu).toBe('パートナー大学へのアクセスを取得');
    expect(me.ja.link.puTitle).toBe('パートナー大学へのアクセスを取得');
    expect(me.ja.me.removeAccess).toBe('アクセス権の削除');
    expect(me.ja.remove.confirm).toBe('アクセス権の削除');
    expect(me.ja.me.kinds.assessment).toBe('評価');
    expect(me.ja.me.pending).toBe('反映待ち');
  });
});
