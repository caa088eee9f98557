/**
 * Every refusal code of the rules module and the store, in plain words.
 * `date` arrives already formatted for the reader's locale; the policy's
 * numbers arrive with `policy`, never written here.
 * The COOL_OFF text follows the source article's own message.
 */
import type { Policy, RefusalCode } from '../../rules';
import { asCalls } from './calls';

type CodeText = (date: string | null, policy: Policy) => string;

/** Codes the store and the forms add to the rules' own. */
export type AppCode =
  | 'EMAIL_DOMAIN'
  | 'EMAIL_INVALID'
  | 'DUPLICATE_EMAIL'
  | 'NOT_ADMIN'
  | 'MCID_INVALID'
  | 'NOT_FOUND'
  | 'DUPLICATE_MCID'
  | 'PU_ACCOUNT_EXISTS'
  | 'INVALID_INPUT'
  | 'IMPORT_INVALID'
  | 'STORAGE_FULL'
  | 'RELOAD_NEEDED'
  | 'UNKNOWN';

export type MessageCode = RefusalCode | AppCode;

const en = asCalls<Parameters<CodeText>, MessageCode>({
  NO_ACCESS:
    'This work account cannot link: it must be created in Partner Center by your global admin or account admin, with an official email of your organization, and not deleted. Ask your admin for access.',
  NOT_SELF:
    'Only you can link or unlink your own profile. For privacy, an admin cannot do it for anyone else — each person signs in and does it themselves.',
  PROFILE_MISMATCH:
    "Partner Center's record of this profile does not match what was sent (its kind or its MCID). Nothing was linked: check the profile on this device, then try again.",
  PROFILE_INCOMPLETE:
    'Your Microsoft Learn certification profile is not complete yet, so it has no MCID. Complete it on the certification dashboard first.',
  PERSON_HAS_OTHER_MCID:
    'You already have an MCID. Each person has one: link that one. If it is not yours, remove it with "This is not my MCID" on your profile first; the associations you started stay counted.',
  ALREADY_LINKED: 'This profile is already linked to this work account.',
  ACCOUNT_HAS_OTHER_PROFILE:
    'This work account already has another profile of this kind linked. A work account holds one MCID at a time: remove that link first.',
  NOT_LINKED: 'This profile is not linked to this work account.',
  COOL_OFF: (date, p) =>
    `You tried to associate with a partner organization. Associations need a ${p.coolOffDays}-day period between them. The next association is possible on ${date ?? '—'}.`,
  YEARLY_LIMIT: (date, p) =>
    `To protect against abuse, each person can start at most ${p.yearlyLimit} associations in ${p.windowMonths} months. The next association is possible on ${date ?? '—'}.`,
  EMAIL_DOMAIN:
    "This email is not on one of the organization's verified domains. Use the person's official work email.",
  EMAIL_INVALID: 'Enter a valid email address, such as name@contoso.example.',
  DUPLICATE_EMAIL: 'A user with this email already exists.',
  NOT_ADMIN: 'Only a global admin or account admin of this organization can do this.',
  MCID_INVALID:
    'An MCID is digits only (for example 987654321). Find it on your Microsoft Learn certification dashboard.',
  NOT_FOUND: 'That item no longer exists. It may have been removed in another tab.',
  DUPLICATE_MCID: 'This MCID already belongs to another profile on this device.',
  PU_ACCOUNT_EXISTS:
    'You already have a Partner University account on this device: pick it and link it instead of signing up again.',
  INVALID_INPUT: 'Some of what was entered is not valid. Check the highlighted fields.',
  IMPORT_INVALID: 'The file is not a valid MCID Link export. Nothing was changed.',
  STORAGE_FULL:
    'This device is out of storage space for MCID Link. Nothing was saved. Free some space, or export your data, then try again.',
  RELOAD_NEEDED:
    'MCID Link was updated in another tab. Nothing was changed: reload this tab, then try again.',
  UNKNOWN: 'Something went wrong. Nothing was changed. Please try again.',
});

const ja = asCalls<Parameters<CodeText>, MessageCode>({
  NO_ACCESS:
    'この職場アカウントではリンクできません。組織のグローバル管理者またはアカウント管理者が、組織の公式メール アドレスでパートナー センターに作成した、削除されていないアカウントが必要です。管理者にアクセスを依頼してください。',
  NOT_SELF:
    'プロファイルのリンクとリンク解除は本人だけが行えます。プライバシーのため、管理者が他の人の代わりに行うことはできません。',
  PROFILE_MISMATCH:
    'パートナー センターに登録されているこのプロファイルの内容（種類または MCID）が、送信された内容と一致しません。何もリンクされていません。この端末のプロファイルを確認してから、もう一度お試しください。',
  PROFILE_INCOMPLETE:
    'Microsoft ラーニング アカウントの認定プロファイルがまだ完了しておらず、MCID がありません。先に認定ダッシュボードでプロファイルを完了してください。',
  PERSON_HAS_OTHER_MCID:
    'あなたにはすでに MCID があります。MCID は 1 人に 1 つです。その MCID をリンクしてください。自分のものでない場合は、先にプロファイルの「自分の MCID ではない」で削除してください。これまでに始めた関連付けの回数はそのまま数えられます。',
  ALREADY_LINKED: 'このプロファイルはすでにこの職場アカウントにリンクされています。',
  ACCOUNT_HAS_OTHER_PROFILE:
    'この職場アカウントには同じ種類の別のプロファイルがすでにリンクされています。リンクできる MCID は 1 つだけです。先にそのリンクを解除してください。',
  NOT_LINKED: 'このプロファイルはこの職場アカウントにリンクされていません。',
  COOL_OFF: (date, p) =>
    `パートナー組織に関連付けようとしました。関連付けには ${p.coolOffDays} 日の期間が必要です。次に関連付けできるのは ${date ?? '—'} です。`,
  YEARLY_LIMIT: (date, p) =>
    `不正利用を防ぐため、1 人が開始できる関連付けは ${p.windowMonths} か月に ${p.yearlyLimit} 回までです。次に関連付けできるのは ${date ?? '—'} です。`,
  EMAIL_DOMAIN:
    'このメール アドレスは組織の確認済みドメインではありません。本人の公式の職場メール アドレスを使ってください。',
  EMAIL_INVALID: '有効なメール アドレスを入力してください（例: name@contoso.example）。',
  DUPLICATE_EMAIL: 'このメール アドレスのユーザーはすでに存在します。',
  NOT_ADMIN: 'この操作は、この組織のグローバル管理者またはアカウント管理者だけが行えます。',
  MCID_INVALID:
    'MCID は数字だけです（例: 987654321）。Microsoft Learn の認定ダッシュボードで確認できます。',
  NOT_FOUND: 'この項目はもう存在しません。別のタブで削除された可能性があります。',
  DUPLICATE_MCID: 'この MCID は、この端末上の別のプロファイルですでに使われています。',
  PU_ACCOUNT_EXISTS:
    'この端末には、あなたのパートナー大学アカウントがすでにあります。新しくサインアップせず、そのアカウントを選んでリンクしてください。',
  INVALID_INPUT: '入力内容に正しくないものがあります。強調表示された項目を確認してください。',
  IMPORT_INVALID:
    'このファイルは MCID Link の正しいエクスポートではありません。何も変更されていません。',
  STORAGE_FULL:
    'この端末に MCID Link の保存領域が足りません。何も保存されていません。空き領域を増やすか、データをエクスポートしてからやり直してください。',
  RELOAD_NEEDED:
    '別のタブで MCID Link が更新されました。何も変更されていません。このタブを再読み込みしてから、もう一度お試しください。',
  UNKNOWN: '問題が発生しました。何も変更されていません。もう一度お試しください。',
});

export const codes = { en, ja };

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(en, code);
}
