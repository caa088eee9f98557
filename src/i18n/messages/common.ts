/** Words of the app shell, shared by every screen. */
import { LANG_NAMES } from '../lang';

export type CommonMessages = typeof en;

const en = {
  appName: 'MCID Link',
  tagline: 'Your Microsoft Learn profile, linked to your work account',
  skipToContent: 'Skip to content',
  nav: {
    label: 'Main',
    me: 'My Learn profile',
    planner: 'Planner',
    org: 'Organization',
    settings: 'Settings',
  },
  language: 'Language',
  languageNames: LANG_NAMES,
  online: 'Online',
  offline: 'Offline — changes wait and sync later',
  queued: (n: number) => (n === 1 ? '1 action waiting to sync' : `${n} actions waiting to sync`),
  updateAvailable: 'A new version of MCID Link is available.',
  updateReload: 'Reload to update',
  updateLater: 'Later',
  dbBlocked: 'MCID Link was updated in another tab. Reload this tab to continue.',
  reload: 'Reload',
  notFound: 'This page does not exist.',
  goHome: 'Go to My Learn profile',
  loading: 'Loading…',
  loadFailed: 'This screen could not be loaded. Check the connection and reload.',
  version: (v: string) => `Version ${v}`,
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  dismiss: 'Dismiss',
  save: 'Save',
};

const ja: CommonMessages = {
  appName: 'MCID Link',
  tagline: 'Microsoft ラーニング アカウントを職場アカウントに関連付ける',
  skipToContent: '本文へ移動',
  nav: {
    label: 'メイン',
    me: 'My Learn プロファイル',
    planner: 'プランナー',
    org: '組織',
    settings: '設定',
  },
  language: '言語',
  languageNames: LANG_NAMES,
  online: 'オンライン',
  offline: 'オフライン — 変更は同期待ちになり、後で同期されます',
  queued: (n: number) => `同期待ちの操作: ${n} 件`,
  updateAvailable: 'MCID Link の新しいバージョンがあります。',
  updateReload: '再読み込みして更新',
  updateLater: '後で',
  dbBlocked: '別のタブで MCID Link が更新されました。続けるにはこのタブを再読み込みしてください。',
  reload: '再読み込み',
  notFound: 'このページは存在しません。',
  goHome: 'My Learn プロファイルへ',
  loading: '読み込み中…',
  loadFailed: 'この画面を読み込めませんでした。接続を確認して再読み込みしてください。',
  version: (v: string) => `バージョン ${v}`,
  close: '閉じる',
  cancel: 'キャンセル',
  confirm: '確認',
  dismiss: '閉じる',
  save: '保存',
};

export const common = { en, ja };
