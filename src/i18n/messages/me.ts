/**
 * Words of the individual's app: My Learn profile, the link flows,
 * the sync queue and the shared dialogs. Dates arrive already formatted;
 * the policy's numbers arrive as `Policy` (never written here).
 */
import type { Policy } from '../../rules';

export type MeMessages = typeof en;

const en = {
  me: {
    title: 'My Learn profile',
    signedInAs: 'You are',
    switchAccount: 'Switch account',
    notSignedInHeading: 'Is this you?',
    notSignedIn: (name: string) =>
      `This device acts as ${name}, but ${name} has not signed in yet: their admin still sees “no response”. Nothing is recorded for ${name} until they link, remove access or confirm here.`,
    thisIsMe: (name: string) => `I am ${name}`,
    learnHeading: 'Microsoft Learn profile',
    puHeading: 'Partner University account',
    linkedTo: (org: string) => `Linked to ${org}`,
    notLinked: 'Not linked to this work account.',
    linkedElsewhere: (org: string) => `Linked to ${org} through another of your work accounts.`,
    noProfile: 'No profile of this kind on this device.',
    mcid: 'MCID',
    account: 'Account',
    linkedSince: 'Linked since',
    pendingSync: 'Waiting to sync',
    usedInWindow: (p: Policy) => `Associations in the last ${p.windowMonths} months`,
    nOfLimit: (n: number, limit: number) => `${n} of ${limit}`,
    nextStart: 'A new association can start on',
    nextStartToday: (date: string) => `${date} (today)`,
    linkLearn: 'Link Microsoft Learn profile',
    linkPu: 'Link Partner University account',
    removeAccess: 'Remove access',
    removeAccessOf: (what: string) => `Remove access: ${what}`,
    notMine: 'This is not my MCID',
    notMineOf: (mcid: string) => `This is not my MCID: ${mcid}`,
    achievementsHeading: 'Achievements and credit',
    achievementsIntro: (org: string, p: Policy) =>
      `An achievement counts for ${org} ${p.creditLagDays} days after the later of its completion and the link.`,
    noAchievements: 'No achievements on a linked profile yet.',
    completedOn: 'Completed',
    creditOn: 'Credit reaches the organization',
    counted: 'Counted',
    pending: 'Pending',
    kinds: { certification: 'Certification', assessment: 'Assessment', training: 'Training' },
    queueHeading: 'Waiting to sync',
    queueEmpty: 'Nothing is waiting: every change has reached Partner Center.',
    removed: (what: string) => `Access removed: ${what}. It will sync with Partner Center.`,
    noAccount: 'Choose who you are first.',
    chooseAccount: 'Choose your work account',
  },
  link: {
    learnTitle: 'Link Microsoft Learn profile',
    puTitle: 'Link Partner University account',
    intro: (account: string, org: string) =>
      `This links your own profile to your work account ${account} at ${org}. Only you can do this.`,
    pickLegend: 'Your Microsoft Learn profile',
    pickPuLegend: 'Your Partner University account',
    enterOther: 'Enter an MCID',
    mcidLabel: 'MCID (Microsoft certification ID)',
    mcidHint:
      'Digits only, as shown on your Microsoft Learn certification dashboard, for example 987654321.',
    mcidEmpty: 'Enter your MCID.',
    mcidNotDigits: 'An MCID has digits only: no letters, spaces or symbols.',
    mcidLength: (min: number, max: number) => `An MCID has ${min} to ${max} digits.`,
    noPu: 'There is no Partner University account on this device for you.',
    signUpIntro:
      'Sign in or sign up with your personal account: create your Partner University account here, and it is linked in the same step.',
    signUpLegend: 'Create a Partner University account',
    puNameLabel: 'Your personal account (name or email address)',
    puNameHint: (max: number) =>
      `What you sign in to Partner University with, for example aiko@outlook.example. At most ${max} characters.`,
    puNameEmpty: 'Enter the name or email address of your personal account.',
    puNameLength: (max: number) => `At most ${max} characters: shorten the name.`,
    signUpOnLink: 'The account is created only by “Link now”: checking creates nothing.',
    check: 'Check',
    checking: 'Checking…',
    canLink: 'You can link this profile.',
    willEnd: (org: string, date: string) =>
      `Your current link to ${org} ends today. Your achievements leave ${org}’s skills report at its refresh on ${date}.`,
    creditFrom: (org: string, date: string) =>
      `Achievements you already have count for ${org} from ${date}.`,
    usesStart: (n: number, p: Policy) =>
      `This is association ${n} of ${p.yearlyLimit} in ${p.windowMonths} months, and the next one needs ${p.coolOffDays} days.`,
    confirm: 'Link now',
    linking: 'Linking…',
    queued: 'Linked on this device. It is waiting to sync with Partner Center.',
    queuedOffline: 'You are offline: the link waits and syncs when you are back online.',
    back: 'Back to My Learn profile',
    refusedHeading: 'This link is not possible',
  },
  notMine: {
    title: (mcid: string) => `Remove the MCID ${mcid} from you?`,
    body: (mcid: string) =>
      `${mcid} will no longer be one of your profiles on this device. If it is linked to your work account, the link ends and Partner Center is told.`,
    countStays: (p: Policy) =>
      `The associations it started stay counted for you: the ${p.windowMonths}-month limit and the cool-off do not start again.`,
    confirm: 'Remove this MCID',
    done: (mcid: string) =>
      `${mcid} was removed from your profiles. You can now enter your own MCID.`,
  },
  remove: {
    title: (what: string) => `Remove access of ${what}?`,
    body: (org: string, date: string) =>
      `The link to ${org} ends today. Your achievements stop counting for ${org}: they leave its skills report at the next refresh, on ${date}.`,
    countStays: (p: Policy) =>
      `Removing does not give back an association: the ${p.windowMonths}-month count stays as it is.`,
    confirm: 'Remove access',
  },
  queue: {
    link: 'Link',
    unlink: 'Remove access',
    learn: 'Microsoft Learn',
    pu: 'Partner University',
    states: {
      queued: 'Queued',
      sending: 'Sending…',
      retry: (time: string, attempt: number) => `Retry at ${time} (attempt ${attempt})`,
      rejected: 'Refused',
      failed: 'Failed',
      applied: 'Done',
    },
    requestedAt: 'Requested',
    dismissLabel: (what: string) => `Dismiss: ${what}`,
  },
};

const ja: MeMessages = {
  me: {
    title: 'My Learn プロファイル',
    signedInAs: 'あなた',
    switchAccount: 'アカウントを切り替える',
    notSignedInHeading: 'ご本人ですか？',
    notSignedIn: (name: string) =>
      `この端末は ${name} さんとして動作していますが、${name} さんはまだサインインしていません。管理者には「応答がありません」と表示されたままです。${name} さん本人がリンク、アクセス権の削除、またはここでの確認を行うまで、何も記録されません。`,
    thisIsMe: (name: string) => `私は ${name} です`,
    learnHeading: 'Microsoft ラーニング アカウント',
    puHeading: 'パートナー大学アカウント',
    linkedTo: (org: string) => `${org} にリンク済み`,
    notLinked: 'この職場アカウントにはリンクされていません。',
    linkedElsewhere: (org: string) =>
      `あなたの別の職場アカウントを通じて ${org} にリンクされています。`,
    noProfile: 'この種類のプロファイルはこの端末にありません。',
    mcid: 'MCID',
    account: 'アカウント',
    linkedSince: 'リンク開始日',
    pendingSync: '同期待ち',
    usedInWindow: (p: Policy) => `過去 ${p.windowMonths} か月の関連付け`,
    nOfLimit: (n: number, limit: number) => `${limit} 回中 ${n} 回`,
    nextStart: '次に関連付けできる日',
    nextStartToday: (date: string) => `${date}（今日）`,
    linkLearn: 'Microsoft ラーニング アカウントの関連付け',
    linkPu: 'パートナー大学へのアクセスを取得',
    removeAccess: 'アクセス権の削除',
    removeAccessOf: (what: string) => `アクセス権の削除: ${what}`,
    notMine: '自分の MCID ではない',
    notMineOf: (mcid: string) => `自分の MCID ではない: ${mcid}`,
    achievementsHeading: '実績とクレジット',
    achievementsIntro: (org: string, p: Policy) =>
      `実績は、完了日とリンク日の遅いほうから ${p.creditLagDays} 日後に ${org} のクレジットになります。`,
    noAchievements: 'リンクされたプロファイルの実績はまだありません。',
    completedOn: '完了日',
    creditOn: '組織のクレジットになる日',
    counted: '反映済み',
    pending: '反映待ち',
    kinds: { certification: '認定資格', assessment: '評価', training: 'トレーニング' },
    queueHeading: '同期待ちの操作',
    queueEmpty: '同期待ちの操作はありません。すべての変更がパートナー センターに届いています。',
    removed: (what: string) =>
      `アクセス権を削除しました: ${what}。パートナー センターと同期されます。`,
    noAccount: '先にあなたを選んでください。',
    chooseAccount: '職場アカウントを選ぶ',
  },
  link: {
    learnTitle: 'Microsoft ラーニング アカウントの関連付け',
    puTitle: 'パートナー大学へのアクセスを取得',
    intro: (account: string, org: string) =>
      `あなた自身のプロファイルを、${org} の職場アカウント ${account} にリンクします。この操作は本人だけが行えます。`,
    pickLegend: 'あなたの Microsoft ラーニング アカウント',
    pickPuLegend: 'あなたのパートナー大学アカウント',
    enterOther: 'MCID を入力する',
    mcidLabel: 'MCID（Microsoft 認定 ID）',
    mcidHint:
      'Microsoft Learn の認定ダッシュボードに表示される数字だけを入力します（例: 987654321）。',
    mcidEmpty: 'MCID を入力してください。',
    mcidNotDigits: 'MCID は数字だけです。文字、空白、記号は使えません。',
    mcidLength: (min: number, max: number) => `MCID は ${min}〜${max} 桁の数字です。`,
    noPu: 'この端末には、あなたのパートナー大学アカウントがありません。',
    signUpIntro:
      '個人用アカウント資格情報を使用してサインインまたはサインアップします。ここでパートナー大学アカウントを作成すると、同時にリンクされます。',
    signUpLegend: 'パートナー大学アカウントを作成する',
    puNameLabel: '個人用アカウント（名前またはメール アドレス）',
    puNameHint: (max: number) =>
      `パートナー大学へのサインインに使うもの（例: aiko@outlook.example）。${max} 文字以内です。`,
    puNameEmpty: '個人用アカウントの名前またはメール アドレスを入力してください。',
    puNameLength: (max: number) => `${max} 文字以内で入力してください。`,
    signUpOnLink:
      'アカウントは「今すぐリンク」を選んだときにだけ作成されます。確認だけでは何も作成されません。',
    check: '確認する',
    checking: '確認中…',
    canLink: 'このプロファイルはリンクできます。',
    willEnd: (org: string, date: string) =>
      `現在の ${org} へのリンクは今日終了します。あなたの実績は ${date} の更新で ${org} のスキル レポートから外れます。`,
    creditFrom: (org: string, date: string) =>
      `すでにある実績は ${date} から ${org} のクレジットになります。`,
    usesStart: (n: number, p: Policy) =>
      `これは ${p.windowMonths} か月で ${p.yearlyLimit} 回中 ${n} 回目の関連付けです。次の関連付けには ${p.coolOffDays} 日のクール オフ期間が必要です。`,
    confirm: '今すぐリンク',
    linking: 'リンク中…',
    queued: 'この端末でリンクしました。パートナー センターとの同期を待っています。',
    queuedOffline: 'オフラインです。リンクは同期待ちになり、オンラインに戻ると同期されます。',
    back: 'My Learn プロファイルに戻る',
    refusedHeading: 'このリンクはできません',
  },
  notMine: {
    title: (mcid: string) => `MCID ${mcid} をあなたから削除しますか？`,
    body: (mcid: string) =>
      `${mcid} は、この端末であなたのプロファイルではなくなります。職場アカウントにリンクされている場合は、リンクが終了し、パートナー センターに通知されます。`,
    countStays: (p: Policy) =>
      `この MCID で始めた関連付けは、引き続きあなたの回数として数えられます。${p.windowMonths} か月の上限とクール オフはやり直しになりません。`,
    confirm: 'この MCID を削除',
    done: (mcid: string) =>
      `${mcid} をあなたのプロファイルから削除しました。自分の MCID を入力できます。`,
  },
  remove: {
    title: (what: string) => `${what} のアクセス権を削除しますか？`,
    body: (org: string, date: string) =>
      `${org} へのリンクは今日終了します。あなたの実績は ${org} のクレジットではなくなり、次の更新日 ${date} にスキル レポートから外れます。`,
    countStays: (p: Policy) =>
      `削除しても関連付けの回数は戻りません。過去 ${p.windowMonths} か月の回数はそのままです。`,
    confirm: 'アクセス権の削除',
  },
  queue: {
    link: 'リンク',
    unlink: 'アクセス権の削除',
    learn: 'Microsoft ラーニング',
    pu: 'パートナー大学',
    states: {
      queued: '待機中',
      sending: '送信中…',
      retry: (time: string, attempt: number) => `${time} に再試行（${attempt} 回目）`,
      rejected: '拒否されました',
      failed: '失敗しました',
      applied: '完了',
    },
    requestedAt: '依頼日時',
    dismissLabel: (what: string) => `閉じる: ${what}`,
  },
};

export const me = { en, ja };
