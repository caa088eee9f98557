/**
 * Words of the organization view (admins): users, departures, the skills
 * report and designation progress. Loaded with the org screens only, not in
 * the first-paint bundle. Dates and numbers arrive already formatted; the
 * policy's numbers arrive as `Policy`.
 */
import type { Policy } from '../../rules';

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

type UserState =
  'never-signed-in' | 'signed-in' | 'learn-linked' | 'partner-university-linked' | 'deleted';
type Status = 'counted' | 'pending' | 'scheduled-removal' | 'removed';
type Reason = 'unlinked' | 'moved' | 'account-deleted';

export type OrgMessages = typeof en;

const en = {
  title: 'Organization',
  tabsLabel: 'Organization sections',
  tabs: { users: 'Users', report: 'Skills report', designations: 'Designations' },
  orgOf: (name: string) => `Organization: ${name}`,
  adminsOnly: 'Admins only',
  adminsOnlyText:
    'The organization view is for the global admins and account admins of your organization. Ask one of them if you need to see it.',
  noAccount: 'Choose your work account first.',
  chooseAccount: 'Choose account',
  privacyNote:
    'Admins manage work accounts. For privacy, only each person can link or unlink their own learning profile: there is no way to do it for someone else.',
  users: {
    addHeading: 'Add a user',
    addIntro: (domains: string) =>
      `Create a work account with the person’s official email (${domains}). No role is needed to link.`,
    name: 'Name',
    email: 'Official email',
    add: 'Add user',
    adding: 'Adding…',
    added: (name: string, email: string) =>
      `${name} was added. Give them the sign-in details for ${email}.`,
    nameRequired: 'Enter the person’s name.',
    listHeading: 'Users',
    filter: 'Filter by name or email',
    show: 'Show',
    stateFilter: {
      active: 'Active users',
      all: 'All users',
      'never-signed-in': 'Never signed in',
      'signed-in': 'Signed in',
      'learn-linked': 'Learn profile linked',
      'partner-university-linked': 'Partner University linked',
      deleted: 'Deleted',
    } satisfies Record<UserState | 'active' | 'all', string>,
    states: {
      'never-signed-in': 'Never signed in',
      'signed-in': 'Signed in',
      'learn-linked': 'Learn profile linked',
      'partner-university-linked': 'Partner University linked',
      deleted: 'Deleted',
    } satisfies Record<UserState, string>,
    roles: { 'global-admin': 'Global admin', 'account-admin': 'Account admin' },
    you: 'you',
    createdOn: 'Added',
    noResponseHeading: 'No response yet',
    noResponse: (email: string) =>
      `This user has never signed in. Check the email address that was used — ${email} — then contact the person with their sign-in details.`,
    ended: (reason: string, date: string) => `Learning profile link ended (${reason}) on ${date}.`,
    leavesReport: (date: string) => `Their achievements leave the skills report on ${date}.`,
    deletedOn: (date: string) => `Deleted on ${date}.`,
    delete: 'Delete account',
    deleteLabel: (name: string) => `Delete account: ${name}`,
    deleteTitle: (name: string) => `Delete ${name}’s work account?`,
    deleteBody:
      'Do this when the person has left the organization. They can no longer sign in or link, and their active links end today.',
    deleteWhen: (date: string) =>
      `Their achievements stay in the skills report until the data refresh: they leave it on ${date}.`,
    deleteConfirm: 'Delete account',
    deleted: (name: string, date: string) =>
      `${name}’s work account was deleted. Their achievements leave the skills report on ${date}; until then they are listed as scheduled removals.`,
    none: 'No users match.',
    count: (shown: string, total: string) => `${shown} of ${total} users`,
  },
  report: {
    heading: 'Skills report',
    intro: (p: Policy) =>
      `Which achievements count for the organization, whose they are and since when; credits arrive ${p.creditLagDays} days after completion or linking, and a departure leaves the report at the refresh around the ${ordinal(p.reportRefreshDay)} of the next month.`,
    summary: 'Summary',
    tableLabel: 'Report rows (scrolls sideways on small screens)',
    filter: 'Filter by name, email or exam',
    status: 'Status',
    statusFilter: {
      current: 'Counted, pending and leaving',
      counted: 'Counted',
      pending: 'Pending',
      'scheduled-removal': 'Scheduled removal',
      removed: 'Removed',
      all: 'All, with history',
    },
    statuses: {
      counted: 'Counted',
      pending: 'Pending',
      'scheduled-removal': 'Scheduled removal',
      removed: 'Removed',
    } satisfies Record<Status, string>,
    reasons: {
      unlinked: 'unlinked',
      moved: 'moved to another organization',
      'account-deleted': 'account deleted',
    } satisfies Record<Reason, string>,
    cols: {
      person: 'Person',
      achievement: 'Achievement',
      completedOn: 'Completed',
      countsFrom: 'Counts from',
      countsUntil: 'Counts until',
      status: 'Status',
    },
    sortBy: (col: string) => `Sort by ${col}`,
    arrives: (date: string) => `arrives ${date}`,
    leaves: (date: string) => `leaves ${date}`,
    stillCounts: '—',
    linkEnded: (reason: string, date: string) => `Link ended ${date} (${reason})`,
    export: 'Export CSV',
    exported: (n: string) => `Exported ${n} rows as CSV.`,
    exporting: (done: string, total: string) => `Exporting: ${done} of ${total} rows…`,
    exportProgress: 'Export progress',
    cancelExport: 'Cancel export',
    exportCancelled: 'Export cancelled. Nothing was downloaded.',
    results: (n: string) => `${n} rows`,
    none: 'No rows match.',
    csvHeader: [
      'Name',
      'Email',
      'Exam',
      'Title',
      'Completed',
      'Linked on',
      'Counts from',
      'Counts until',
      'Status',
      'Link ended',
      'Why it ended',
    ],
    fileName: (date: string) => `skills-report-${date}.csv`,
  },
  designations: {
    heading: 'Designation progress',
    sampleWarning:
      'This catalog is a SAMPLE. Which certifications count toward each designation, and their points, are set by Microsoft: check every entry against Partner Center before you rely on it.',
    checked: 'I have checked this catalog against Partner Center',
    loadFailed: 'The designation catalog could not be read.',
    kinds: { designation: 'Solutions partner designation', specialization: 'Specialization' },
    pointsNow: 'Points now',
    points: (n: string, max: string | null) =>
      max === null ? `${n} points` : `${n} of ${max} points`,
    coming: 'Coming changes',
    noChanges: 'No changes scheduled.',
    on: 'Date',
    colExam: 'Exam',
    colPoints: 'Points each',
    colPeople: 'People counted',
    pointsLabel: (code: string) => `Points for ${code}`,
    remove: 'Remove',
    removeLabel: (code: string, name: string) => `Remove ${code} from ${name}`,
    addHeading: 'Add an exam',
    designation: 'Designation',
    code: 'Exam code',
    codeHint: 'For example AZ-104',
    pointsField: 'Points',
    add: 'Add',
    saved: 'Catalog saved on this device.',
    problems: {
      CODE_INVALID: 'Enter an exam code such as AZ-104.',
      POINTS_INVALID: 'Points are a whole number from 0 to 1000.',
      CODE_EXISTS: 'This exam is already in that designation.',
      NOT_FOUND: 'That entry no longer exists.',
    },
    reset: 'Restore the sample catalog',
    resetDone: 'The sample catalog was restored.',
  },
  pager: {
    label: 'Pages',
    range: (from: string, to: string, total: string) => `${from}–${to} of ${total}`,
    previous: 'Previous page',
    next: 'Next page',
    pageSize: 'Rows per page',
  },
};

const ja: OrgMessages = {
  title: '組織',
  tabsLabel: '組織のセクション',
  tabs: { users: 'ユーザー', report: 'スキル レポート', designations: '指定' },
  orgOf: (name: string) => `組織: ${name}`,
  adminsOnly: '管理者専用',
  adminsOnlyText:
    '組織ビューは、組織のグローバル管理者とアカウント管理者のためのものです。必要な場合は管理者に依頼してください。',
  noAccount: '先に職場アカウントを選んでください。',
  chooseAccount: 'アカウントを選ぶ',
  privacyNote:
    '管理者は職場アカウントを管理します。プライバシーのため、学習プロファイルのリンクとリンク解除は本人だけが行えます。他の人の代わりに行う方法はありません。',
  users: {
    addHeading: 'ユーザーを追加',
    addIntro: (domains: string) =>
      `本人の公式メール アドレス（${domains}）で職場アカウントを作成します。リンクに特定のロールは必要ありません。`,
    name: '名前',
    email: '公式メール アドレス',
    add: 'ユーザーを追加',
    adding: '追加中…',
    added: (name: string, email: string) =>
      `${name} さんを追加しました。${email} のサインイン情報を本人に伝えてください。`,
    nameRequired: '名前を入力してください。',
    listHeading: 'ユーザー',
    filter: '名前またはメールで絞り込み',
    show: '表示',
    stateFilter: {
      active: '有効なユーザー',
      all: 'すべてのユーザー',
      'never-signed-in': '未サインイン',
      'signed-in': 'サインイン済み',
      'learn-linked': 'Microsoft ラーニング アカウントをリンク済み',
      'partner-university-linked': 'パートナー大学アカウントをリンク済み',
      deleted: '削除済み',
    },
    states: {
      'never-signed-in': '未サインイン',
      'signed-in': 'サインイン済み',
      'learn-linked': 'Microsoft ラーニング アカウントをリンク済み',
      'partner-university-linked': 'パートナー大学アカウントをリンク済み',
      deleted: '削除済み',
    },
    roles: { 'global-admin': 'グローバル管理者', 'account-admin': 'アカウント管理者' },
    you: 'あなた',
    createdOn: '追加日',
    noResponseHeading: 'まだ応答がありません',
    noResponse: (email: string) =>
      `このユーザーは一度もサインインしていません。最初に使用したメール アドレス（${email}）を確認してから、アカウント情報を伝えた本人に連絡してください。`,
    ended: (reason: string, date: string) =>
      `学習プロファイルのリンクが ${date} に終了しました（${reason}）。`,
    leavesReport: (date: string) => `実績は ${date} にスキル レポートから削除されます。`,
    deletedOn: (date: string) => `${date} に削除されました。`,
    delete: 'アカウントを削除',
    deleteLabel: (name: string) => `アカウントを削除: ${name}`,
    deleteTitle: (name: string) => `${name} さんの職場アカウントを削除しますか?`,
    deleteBody:
      '本人が組織を退職したときに行います。本人はサインインもリンクもできなくなり、有効なリンクは今日で終了します。',
    deleteWhen: (date: string) =>
      `実績はデータ更新日までスキル レポートに残り、${date} に削除されます。`,
    deleteConfirm: 'アカウントを削除',
    deleted: (name: string, date: string) =>
      `${name} さんの職場アカウントを削除しました。実績は ${date} にスキル レポートから削除されます。それまでは削除予定として表示されます。`,
    none: '該当するユーザーはいません。',
    count: (shown: string, total: string) => `${total} 人中 ${shown} 人`,
  },
  report: {
    heading: 'スキル レポート',
    intro: (p: Policy) =>
      `組織のクレジットになる実績、その持ち主と開始日です。クレジットは完了またはリンクの ${p.creditLagDays} 日後に反映され、退職者の実績は翌月 ${p.reportRefreshDay} 日前後のデータ更新でレポートから削除されます。`,
    summary: '概要',
    tableLabel: 'レポートの行（小さい画面では横にスクロール）',
    filter: '名前、メール、試験で絞り込み',
    status: '状態',
    statusFilter: {
      current: '反映済み、反映待ち、削除予定',
      counted: '反映済み',
      pending: '反映待ち',
      'scheduled-removal': '削除予定',
      removed: '削除済み',
      all: 'すべて（履歴を含む）',
    },
    statuses: {
      counted: '反映済み',
      pending: '反映待ち',
      'scheduled-removal': '削除予定',
      removed: '削除済み',
    },
    reasons: {
      unlinked: 'リンク解除',
      moved: '別の組織へ移動',
      'account-deleted': 'アカウント削除',
    },
    cols: {
      person: 'ユーザー',
      achievement: '実績',
      completedOn: '完了日',
      countsFrom: '反映開始日',
      countsUntil: '反映終了日',
      status: '状態',
    },
    sortBy: (col: string) => `${col}で並べ替え`,
    arrives: (date: string) => `${date} に反映`,
    leaves: (date: string) => `${date} に削除`,
    stillCounts: '—',
    linkEnded: (reason: string, date: string) => `${date} にリンク終了（${reason}）`,
    export: 'CSV をエクスポート',
    exported: (n: string) => `${n} 行を CSV にエクスポートしました。`,
    exporting: (done: string, total: string) => `エクスポート中: ${total} 行中 ${done} 行…`,
    exportProgress: 'エクスポートの進行状況',
    cancelExport: 'エクスポートを中止',
    exportCancelled: 'エクスポートを中止しました。ファイルは保存されていません。',
    results: (n: string) => `${n} 行`,
    none: '該当する行はありません。',
    csvHeader: [
      '名前',
      'メール',
      '試験',
      'タイトル',
      '完了日',
      'リンク日',
      '反映開始日',
      '反映終了日',
      '状態',
      'リンク終了日',
      '終了理由',
    ],
    fileName: (date: string) => `skills-report-${date}.csv`,
  },
  designations: {
    heading: '指定の進捗',
    sampleWarning:
      'このカタログはサンプルです。各指定の対象となる認定とポイントは Microsoft が定めます。使う前に、すべての項目をパートナー センターで確認してください。',
    checked: 'このカタログをパートナー センターで確認しました',
    loadFailed: '指定カタログを読み込めませんでした。',
    kinds: { designation: 'ソリューション パートナー指定', specialization: '特殊化' },
    pointsNow: '現在のポイント',
    points: (n, max) => (max === null ? `${n} ポイント` : `${n} / ${max} ポイント`),
    coming: '今後の変化',
    noChanges: '予定されている変化はありません。',
    on: '日付',
    colExam: '試験',
    colPoints: '1 人あたりのポイント',
    colPeople: '対象人数',
    pointsLabel: (code: string) => `${code} のポイント`,
    remove: '削除',
    removeLabel: (code: string, name: string) => `${name} から ${code} を削除`,
    addHeading: '試験を追加',
    designation: '指定',
    code: '試験コード',
    codeHint: '例: AZ-104',
    pointsField: 'ポイント',
    add: '追加',
    saved: 'カタログをこの端末に保存しました。',
    problems: {
      CODE_INVALID: 'AZ-104 のような試験コードを入力してください。',
      POINTS_INVALID: 'ポイントは 0 から 1000 までの整数です。',
      CODE_EXISTS: 'この試験はすでにその指定にあります。',
      NOT_FOUND: 'その項目はもう存在しません。',
    },
    reset: 'サンプル カタログに戻す',
    resetDone: 'サンプル カタログに戻しました。',
  },
  pager: {
    label: 'ページ',
    range: (from: string, to: string, total: string) => `${total} 件中 ${from}–${to} 件`,
    previous: '前のページ',
    next: '次のページ',
    pageSize: '1 ページの行数',
  },
};

export const org = { en, ja };
