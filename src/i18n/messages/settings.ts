/** Words of the Settings screen: language, remote, data, storage, privacy. */
import type { InvariantCode } from '../../rules';
import { asCalls } from './calls';

export type SettingsMessages = typeof en;

const en = {
  title: 'Settings',
  languageSection: 'Language',
  languageHelp: 'Dates are shown in the format of the language you choose.',
  remoteSection: 'Partner Center connection',
  remoteEmbedded: 'Embedded Partner Center (works offline, on this device)',
  remoteHttp: "My organization's sync server (HTTP)",
  remoteUrl: 'Server URL',
  remoteUrlHelp: 'https://… — the base URL of a server that speaks the MCID Link sync contract.',
  remoteToken: 'Access token (optional)',
  remoteSave: 'Save connection',
  remoteSaved: 'Connection saved.',
  remoteUrlInvalid:
    'Enter an http:// or https:// URL, for example https://sync.contoso.example/api.',
  embeddedOffline: 'Simulate Partner Center being unreachable (demo)',
  embeddedOfflineHelp: 'Links wait in the queue until you switch this off.',
  embeddedDelay: 'Answer delay in milliseconds (demo)',
  embeddedDelayInvalid: 'Enter a whole number from 0 to 60000.',
  syncSection: 'Sync',
  syncNow: 'Sync now',
  syncIdle: 'Everything is up to date.',
  syncDraining: 'Sending…',
  syncNeedsSignIn:
    'The sync server refused the access token. Nothing was lost: enter a new token to continue.',
  syncLast: (when: string) => `Last sync: ${when}`,
  dataSection: 'Data on this device',
  loadDemo: 'Load the demo data (companies A and B)',
  demoLoaded: 'Demo data loaded.',
  exportData: 'Export all data',
  exportHelp: 'The file contains personal data (names, emails, certifications). Keep it safe.',
  exported: (file: string) => `Saved ${file}.`,
  importData: 'Import from a file',
  importHelp:
    'Replaces all data on this device with the file. Nothing is changed if the file is wrong.',
  importConfirm: 'Replace all data on this device with this file?',
  imported: (n: number) => `Imported ${n} records.`,
  importFailed: 'The file was not imported. Nothing was changed.',
  importIssue: (path: string, reason: string) => `${path}: ${reason}`,
  importProgress: 'Import progress',
  importReading: 'Reading the file…',
  importChecking: 'Checking the file…',
  importWriting: 'Writing the records…',
  importReport: 'Preparing the organization’s users list and skills report…',
  importRows: (done: string, total: string) => `${done} of ${total} records written`,
  /** An import file's rule problem (`checkInvariants`); `date` is formatted for the reader. */
  importRules: asCalls<[date: string], InvariantCode>({
    EMAIL_NOT_OFFICIAL: "the email is not on one of the organization's official domains",
    CREATOR_NOT_ADMIN:
      'the account was not created by a global admin or account admin of its organization',
    FIRST_ADMIN_INVALID:
      "only the organization's first global admin can have been created by nobody",
    MCID_SHARED: "this MCID is also on another person's profile: an MCID belongs to one person",
    NOT_OWN_PROFILE: 'the profile belongs to another person than the work account',
    NOT_SIGNED_IN: 'the work account had not signed in when this association started',
    ACCOUNT_DELETED: 'the work account was deleted: it can neither start nor keep an association',
    PROFILE_INCOMPLETE: 'a Microsoft Learn profile without an MCID cannot be linked',
    ENDS_BEFORE_START: 'the association ends before it starts',
    PROFILE_LINKED_TWICE:
      'the profile already has an active association: it links to one organization at a time',
    ACCOUNT_HAS_OTHER_PROFILE: 'the work account already has an active profile of this kind',
    COOL_OFF: (date) =>
      `starts inside the cool-off after this person's previous association start (possible from ${date})`,
    YEARLY_LIMIT: (date) =>
      `more association starts for this person in the rolling window than allowed (possible from ${date})`,
  }),
  importSee: (path: string) => ` (see ${path})`,
  importMore: (n: number) => `…and ${n} more ${n === 1 ? 'problem' : 'problems'}.`,
  reset: 'Reset: delete all data on this device',
  resetConfirm:
    'Delete all data on this device, including actions not yet synced? Export first if you may need it.',
  resetDone: 'All data on this device was deleted.',
  storageSection: 'Storage',
  storageUse: (used: string, quota: string) => `Using ${used} of ${quota} available.`,
  storageUnknown: 'This browser does not report storage use.',
  persist: 'Keep my data (ask the browser not to clear it)',
  persistGranted: 'The browser will keep this data unless you clear it.',
  persistDenied: 'The browser did not agree to keep the data. Export it from time to time.',
  persistUnsupported: 'This browser cannot promise to keep the data. Export it from time to time.',
  privacySection: 'Privacy',
  eraseAll: 'Erase all my data on this device',
  eraseHelp:
    'Removes every database, cached file and the offline app from this browser. Actions not yet synced are lost.',
  eraseConfirm: 'Erase everything MCID Link keeps on this device? This cannot be undone.',
  erased: 'Everything was erased. Close this tab, or reload to start again.',
  working: 'Working…',
};

const ja: SettingsMessages = {
  title: '設定',
  languageSection: '言語',
  languageHelp: '日付は選んだ言語の形式で表示されます。',
  remoteSection: 'パートナー センターへの接続',
  remoteEmbedded: '組み込みパートナー センター（この端末上で動作、オフライン可）',
  remoteHttp: '組織の同期サーバー（HTTP）',
  remoteUrl: 'サーバー URL',
  remoteUrlHelp: 'https://… — MCID Link の同期契約に対応したサーバーのベース URL。',
  remoteToken: 'アクセス トークン（任意）',
  remoteSave: '接続を保存',
  remoteSaved: '接続を保存しました。',
  remoteUrlInvalid:
    'http:// または https:// で始まる URL を入力してください（例: https://sync.contoso.example/api）。',
  embeddedOffline: 'パートナー センターに接続できない状態を再現する（デモ）',
  embeddedOfflineHelp: 'オフにするまで、リンク操作はキューで待機します。',
  embeddedDelay: '応答の遅延（ミリ秒、デモ）',
  embeddedDelayInvalid: '0 から 60000 までの整数を入力してください。',
  syncSection: '同期',
  syncNow: '今すぐ同期',
  syncIdle: 'すべて同期済みです。',
  syncDraining: '送信中…',
  syncNeedsSignIn:
    '同期サーバーがアクセス トークンを拒否しました。操作は失われていません。新しいトークンを入力してください。',
  syncLast: (when: string) => `最終同期: ${when}`,
  dataSection: 'この端末のデータ',
  loadDemo: 'デモ データを読み込む（会社 A と会社 B）',
  demoLoaded: 'デモ データを読み込みました。',
  exportData: 'すべてのデータをエクスポート',
  exportHelp:
    'このファイルには個人データ（氏名、メール アドレス、認定資格）が含まれます。安全に保管してください。',
  exported: (file: string) => `${file} を保存しました。`,
  importData: 'ファイルからインポート',
  importHelp:
    'この端末のすべてのデータをファイルの内容で置き換えます。ファイルに問題がある場合は何も変更されません。',
  importConfirm: 'この端末のすべてのデータをこのファイルの内容で置き換えますか?',
  imported: (n: number) => `${n} 件のレコードをインポートしました。`,
  importFailed: 'ファイルはインポートされませんでした。何も変更されていません。',
  importIssue: (path: string, reason: string) => `${path}: ${reason}`,
  importProgress: 'インポートの進み具合',
  importReading: 'ファイルを読み込んでいます…',
  importChecking: 'ファイルを確認しています…',
  importWriting: 'レコードを書き込んでいます…',
  importReport: '組織のユーザー一覧とスキル レポートを準備しています…',
  importRows: (done: string, total: string) => `${total} 件中 ${done} 件を書き込みました`,
  importRules: asCalls<[date: string], InvariantCode>({
    EMAIL_NOT_OFFICIAL: 'メール アドレスが組織の公式ドメインではありません',
    CREATOR_NOT_ADMIN:
      'このアカウントは組織のグローバル管理者またはアカウント管理者が作成したものではありません',
    FIRST_ADMIN_INVALID: '作成者なしでよいのは組織の最初のグローバル管理者だけです',
    MCID_SHARED: 'この MCID は別の人のプロファイルにもあります。MCID は本人 1 人だけのものです',
    NOT_OWN_PROFILE: 'プロファイルが職場アカウントとは別の人のものです',
    NOT_SIGNED_IN: 'この関連付けの開始時点で、職場アカウントはまだサインインしていませんでした',
    ACCOUNT_DELETED:
      '職場アカウントは削除されています。関連付けを開始することも続けることもできません',
    PROFILE_INCOMPLETE: 'MCID のない Microsoft ラーニング アカウントはリンクできません',
    ENDS_BEFORE_START: '関連付けの終了日が開始日より前です',
    PROFILE_LINKED_TWICE:
      'このプロファイルには有効な関連付けがすでにあります。関連付けできる組織は一度に 1 つです',
    ACCOUNT_HAS_OTHER_PROFILE: 'この職場アカウントには同じ種類の有効なプロファイルがすでにあります',
    COOL_OFF: (date) =>
      `この人の前回の関連付けの開始からクール オフ期間内に開始しています（${date} から可能）`,
    YEARLY_LIMIT: (date) =>
      `この人の期間内の関連付けの開始が上限を超えています（${date} から可能）`,
  }),
  importSee: (path: string) => `（${path} を参照）`,
  importMore: (n: number) => `ほかに ${n} 件の問題があります。`,
  reset: 'リセット: この端末のすべてのデータを削除',
  resetConfirm:
    '未同期の操作を含め、この端末のすべてのデータを削除しますか? 必要な場合は先にエクスポートしてください。',
  resetDone: 'この端末のすべてのデータを削除しました。',
  storageSection: 'ストレージ',
  storageUse: (used: string, quota: string) => `${quota} のうち ${used} を使用しています。`,
  storageUnknown: 'このブラウザーはストレージの使用量を報告しません。',
  persist: 'データを保持する（ブラウザーに削除しないよう依頼）',
  persistGranted: 'このデータは、消去しない限りブラウザーに保持されます。',
  persistDenied: 'ブラウザーはデータの保持に同意しませんでした。定期的にエクスポートしてください。',
  persistUnsupported:
    'このブラウザーはデータの保持を約束できません。定期的にエクスポートしてください。',
  privacySection: 'プライバシー',
  eraseAll: 'この端末の自分のデータをすべて消去',
  eraseHelp:
    'このブラウザーからすべてのデータベース、キャッシュされたファイル、オフライン アプリを削除します。未同期の操作は失われます。',
  eraseConfirm: 'MCID Link がこの端末に保存しているものをすべて消去しますか? 元に戻せません。',
  erased: 'すべて消去しました。このタブを閉じるか、再読み込みして最初から始めてください。',
  working: '処理中…',
};

export const settings = { en, ja };
