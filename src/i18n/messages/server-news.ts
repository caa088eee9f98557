/**
 * The words of "last checked", "what changed" and "what is wrong with the
 * server" (issue 16). Dates and times arrive already formatted; `server` is
 * the remote's URL, or null for the embedded Partner Center.
 */
const HEADERS = '`Authorization`, `Content-Type` and `Idempotency-Key`';

export type SyncMessages = typeof en;

const en = {
  heading: 'From the server',
  lastChecked: (time: string) => `Last checked with the server at ${time}.`,
  notChecked: 'Not checked with the server yet.',
  learn: 'Microsoft Learn',
  pu: 'Partner University',
  removed: (kind: string, org: string, date: string) =>
    `Your ${kind} link to ${org} was removed on another device on ${date}.`,
  moved: (kind: string, org: string, date: string) =>
    `Your ${kind} link to ${org} ended on ${date}: it was linked to another company.`,
  deleted: (kind: string, org: string, date: string) =>
    `Your ${kind} link to ${org} ended on ${date}: the work account was deleted.`,
  linked: (kind: string, org: string, date: string) =>
    `Your ${kind} profile was linked to ${org} on another device on ${date}.`,
  someOrg: 'a company',
  dismiss: 'Dismiss',
  dismissLabel: (text: string) => `Dismiss: ${text}`,
  dismissAll: 'Dismiss all',
  orgSummary: (n: number) =>
    n === 1
      ? '1 link in your organization changed on another device or by the server.'
      : `${n} links in your organization changed on other devices or by the server.`,
  embedded: 'the embedded Partner Center',
  problem: {
    refused: (server: string, origin: string) =>
      `The server at ${server} does not accept requests from this app: check its URL and that it allows the ${HEADERS} headers from this origin (${origin}).`,
    noAnswer: (server: string) =>
      `The server at ${server} does not answer: its name may not resolve, its certificate may be refused, or it may not accept requests from this app (CORS). Check its URL and its settings.`,
    unreachable: (server: string) =>
      `The server at ${server} cannot be reached: check its URL (name, https, port), that it is running, and that its certificate is valid.`,
    notFound: (server: string) =>
      `There is no sync service at ${server} (not found): check the URL. It must be the base under which /link-actions answers.`,
    serverError: (server: string, status: string) =>
      `The server at ${server} fails every time (${status}): ask its administrator.`,
    timeout: (server: string) => `The server at ${server} does not answer in time, every time.`,
    malformed: (server: string) =>
      `The answers of the server at ${server} do not follow the sync contract: ask its administrator.`,
    kept: (n: number) =>
      `Your ${n === 1 ? 'action is' : `${n} actions are`} kept and will be sent once it works; the app keeps trying every few minutes.`,
    retrying: 'The app keeps trying every few minutes.',
  },
};

const ja: SyncMessages = {
  heading: 'サーバーから',
  lastChecked: (time: string) => `${time} にサーバーで確認しました。`,
  notChecked: 'まだサーバーで確認していません。',
  learn: 'Microsoft Learn',
  pu: 'Partner University',
  removed: (kind: string, org: string, date: string) =>
    `${kind} の ${org} へのリンクは、${date} に別のデバイスで削除されました。`,
  moved: (kind: string, org: string, date: string) =>
    `${kind} の ${org} へのリンクは ${date} に終了しました。別の会社にリンクされたためです。`,
  deleted: (kind: string, org: string, date: string) =>
    `${kind} の ${org} へのリンクは ${date} に終了しました。職場アカウントが削除されたためです。`,
  linked: (kind: string, org: string, date: string) =>
    `${kind} プロファイルは、${date} に別のデバイスで ${org} にリンクされました。`,
  someOrg: '会社',
  dismiss: '閉じる',
  dismissLabel: (text: string) => `閉じる: ${text}`,
  dismissAll: 'すべて閉じる',
  orgSummary: (n: number) => `組織のリンク ${n} 件が、別のデバイスまたはサーバーで変更されました。`,
  embedded: '組み込みの Partner Center',
  problem: {
    refused: (server: string, origin: string) =>
      `${server} のサーバーはこのアプリからの要求を受け付けていません。URL と、このオリジン (${origin}) からの ${HEADERS} ヘッダーを許可しているかを確認してください。`,
    noAnswer: (server: string) =>
      `${server} のサーバーから応答がありません。名前が解決できない、証明書が拒否された、またはこのアプリからの要求 (CORS) を受け付けていない可能性があります。URL と設定を確認してください。`,
    unreachable: (server: string) =>
      `${server} のサーバーに接続できません。URL (名前、https、ポート)、サーバーが動いていること、証明書が有効であることを確認してください。`,
    notFound: (server: string) =>
      `${server} に同期サービスが見つかりません。URL を確認してください。/link-actions が応答するベース URL である必要があります。`,
    serverError: (server: string, status: string) =>
      `${server} のサーバーが毎回失敗しています (${status})。管理者に問い合わせてください。`,
    timeout: (server: string) => `${server} のサーバーが毎回時間内に応答しません。`,
    malformed: (server: string) =>
      `${server} のサーバーの応答が同期の取り決めに従っていません。管理者に問い合わせてください。`,
    kept: (n: number) =>
      `操作 ${n} 件は保持され、つながり次第送信されます。アプリは数分ごとに再試行します。`,
    retrying: 'アプリは数分ごとに再試行します。',
  },
};

export const serverNews = { en, ja };
