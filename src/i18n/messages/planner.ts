/**
 * Words of the planner, the calendar file and the reminders. Dates and
 * organization names arrive already formatted; numbers of the policy arrive
 * as arguments, so a change of policy needs no change of words.
 */
type D = string;

export type PlannerMessages = typeof en;

const en = {
  title: 'Planner',
  intro:
    'Try a change before you make it: see whether it is allowed on that day and every date it leads to. Nothing is changed until you act.',
  noProfile:
    'Add your Microsoft Learn profile first: the planner works out the dates for the profile you link.',
  form: {
    legend: 'Add a step',
    action: 'What',
    kinds: {
      link: 'Link my MCID to a work account',
      unlink: 'Remove the link',
      certify: 'Complete a certification',
    },
    date: 'On',
    dateHint: 'From today, up to 5 years ahead. A day is a UTC day, as Partner Center decides.',
    account: 'Work account',
    accountOption: (org: string, email: string) => `${org} (${email})`,
    certTitle: 'Certification (optional)',
    defaultCertTitle: 'New certification',
    add: 'Add to plan',
    maxSteps: (n: number) => `A plan holds up to ${n} steps.`,
  },
  problems: {
    missing: 'Enter a date.',
    malformed: 'Enter a real date, such as 2027-01-15.',
    past: (today: D) => `Pick today (${today}) or a later day: the planner looks ahead.`,
    'too-far': 'Pick a day within the next 5 years.',
    accountMissing: 'Choose a work account.',
    accountUnknown: 'Choose one of your own work accounts.',
    titleTooLong: (n: number) => `Keep the name under ${n} characters.`,
    kindUnknown: 'Choose what to plan.',
  },
  plan: {
    heading: 'Your plan',
    empty: 'No steps yet. Add one above to see its timeline.',
    remove: 'Remove step',
    clear: 'Clear plan',
    stepLink: (org: string, on: D) => `Link to ${org} on ${on}`,
    stepUnlink: (on: D) => `Remove the link on ${on}`,
    stepCertify: (title: string, on: D) => `Complete ${title} on ${on}`,
  },
  result: {
    heading: 'What happens',
    allowed: 'Allowed on that day.',
    refused: 'Not allowed on that day.',
    firstAllowed: (on: D) => `The first day it is allowed: ${on}.`,
    neverAllowed: 'Changing the date does not help: fix the reason first.',
    useDate: (on: D) => `Plan it on ${on} instead`,
    coolOffEnds: (on: D) => `Cool-off ends: ${on}.`,
    remaining: (left: number, limit: number) =>
      `Associations left in the rolling window after this one: ${left} of ${limit}.`,
    returns: 'Each used association comes back on:',
    nextAfter: (on: D) => `The next association after this one is possible from ${on}.`,
    unlinked: 'The link ends that day. It does not give an association back.',
    certified: 'Credit follows the link you have on that day.',
    summaryNext: (on: D) => `After this plan, a new association is possible from ${on}.`,
    summaryRemaining: (left: number, limit: number) =>
      `Associations free in the window: ${left} of ${limit}.`,
    doIt: 'Go to the link screen',
    doItNote: 'The planner changed nothing. Linking happens only on the link screen.',
    error: 'These dates could not be worked out. Check the dates and try again.',
  },
  timeline: {
    heading: 'Timeline',
    empty: 'Nothing ahead.',
    'link-starts': (org: string) => `Linked to ${org}`,
    'link-ends-moved': (org: string) => `Link to ${org} ends (moved)`,
    'link-ends-unlinked': (org: string) => `Link to ${org} ends (removed)`,
    refused: 'Not allowed on this day',
    certified: (title: string) => `${title} completed`,
    'cool-off-ends': 'Cool-off ends',
    'slot-returns': (available: number, limit: number) =>
      `An association comes back (${available} of ${limit} free)`,
    'next-association': 'A new association is possible',
    'credit-arrives': (title: string, org: string) => `${org} receives credit for ${title}`,
    'credit-leaves': (title: string, org: string) => `${org} loses credit for ${title}`,
  },
  calendar: {
    heading: 'Calendar',
    intro:
      'Put the coming dates in your phone calendar: the next association, credits arriving and leaving, and the end of the cool-off.',
    download: 'Download calendar (.ics)',
    fileName: 'mcid-link-dates.ics',
    name: 'MCID Link dates',
    count: (n: number) => (n === 1 ? '1 date' : `${n} dates`),
    none: 'No coming dates to export.',
    nextAssociation: 'MCID Link: a new association is possible',
    nextAssociationAlarm: 'You can link your MCID to a work account again from today.',
    coolOffEnds: 'MCID Link: cool-off ends',
    creditArrives: (title: string, org: string) => `MCID Link: ${org} receives credit for ${title}`,
    creditLeaves: (title: string, org: string) => `MCID Link: ${org} loses credit for ${title}`,
    description:
      'Dates from MCID Link, worked out with the Partner Center rules on the day of export. Partner Center decides on UTC days: each event starts when its UTC day starts, at that moment on your clock.',
  },
  reminders: {
    heading: 'Reminder',
    intro:
      'Get a notification on the day a new association becomes possible. It works while MCID Link is open on this device; the calendar file works always.',
    enable: 'Remind me',
    disable: 'Stop reminding me',
    on: (on: D) => `On: you will be reminded on ${on}.`,
    onNoDate: 'On.',
    off: 'Off.',
    denied:
      'Notifications are blocked for this site. Allow them in the browser settings to get reminders, or use the calendar file.',
    unsupported: 'This browser cannot show notifications. Use the calendar file to be reminded.',
    asking: 'Waiting for your answer…',
    notificationTitle: 'MCID Link',
    notificationBody: 'From today you can link your MCID to a work account again.',
  },
};

const ja: PlannerMessages = {
  title: 'プランナー',
  intro:
    '変更する前に試せます。その日に可能かどうかと、その結果決まる日付をすべて表示します。実際に操作するまで何も変わりません。',
  noProfile:
    '先に Microsoft ラーニング アカウントを追加してください。プランナーは関連付けるプロファイルの日付を計算します。',
  form: {
    legend: 'ステップを追加',
    action: '内容',
    kinds: {
      link: 'MCID を職場アカウントに関連付ける',
      unlink: '関連付けを解除する',
      certify: '認定資格を取得する',
    },
    date: '日付',
    dateHint: '今日から 5 年先まで。日付はパートナー センターと同じく UTC の日付です。',
    account: '職場アカウント',
    accountOption: (org: string, email: string) => `${org}（${email}）`,
    certTitle: '認定資格（任意）',
    defaultCertTitle: '新しい認定資格',
    add: 'プランに追加',
    maxSteps: (n: number) => `プランには最大 ${n} ステップまで追加できます。`,
  },
  problems: {
    missing: '日付を入力してください。',
    malformed: '正しい日付を入力してください（例: 2027-01-15）。',
    past: (today: D) =>
      `今日（${today}）以降の日付を選んでください。プランナーは先の予定を扱います。`,
    'too-far': '5 年以内の日付を選んでください。',
    accountMissing: '職場アカウントを選んでください。',
    accountUnknown: 'ご自身の職場アカウントを選んでください。',
    titleTooLong: (n: number) => `名前は ${n} 文字以内にしてください。`,
    kindUnknown: '内容を選んでください。',
  },
  plan: {
    heading: 'プラン',
    empty: 'ステップはまだありません。上で追加するとタイムラインが表示されます。',
    remove: 'ステップを削除',
    clear: 'プランをクリア',
    stepLink: (org: string, on: D) => `${on} に ${org} へ関連付け`,
    stepUnlink: (on: D) => `${on} に関連付けを解除`,
    stepCertify: (title: string, on: D) => `${on} に ${title} を取得`,
  },
  result: {
    heading: '結果',
    allowed: 'この日に可能です。',
    refused: 'この日にはできません。',
    firstAllowed: (on: D) => `可能になる最初の日: ${on}。`,
    neverAllowed: '日付を変えても解決しません。先に理由を解消してください。',
    useDate: (on: D) => `${on} に変更する`,
    coolOffEnds: (on: D) => `クール オフ期間の終了: ${on}。`,
    remaining: (left: number, limit: number) =>
      `この関連付けの後、期間内に残る関連付け: ${limit} 回中 ${left} 回。`,
    returns: '使用済みの関連付けが戻る日:',
    nextAfter: (on: D) => `この次の関連付けは ${on} から可能です。`,
    unlinked: 'その日に関連付けが終了します。関連付けの回数は戻りません。',
    certified: 'クレジットはその日に関連付けている組織に付与されます。',
    summaryNext: (on: D) => `このプランの後、新しい関連付けは ${on} から可能です。`,
    summaryRemaining: (left: number, limit: number) =>
      `期間内に使える関連付け: ${limit} 回中 ${left} 回。`,
    doIt: '関連付け画面へ',
    doItNote: 'プランナーは何も変更していません。関連付けは関連付け画面でのみ行われます。',
    error: '日付を計算できませんでした。日付を確認して、もう一度お試しください。',
  },
  timeline: {
    heading: 'タイムライン',
    empty: '今後の予定はありません。',
    'link-starts': (org: string) => `${org} に関連付け`,
    'link-ends-moved': (org: string) => `${org} との関連付けが終了（移動）`,
    'link-ends-unlinked': (org: string) => `${org} との関連付けが終了（解除）`,
    refused: 'この日にはできません',
    certified: (title: string) => `${title} を取得`,
    'cool-off-ends': 'クール オフ期間の終了',
    'slot-returns': (available: number, limit: number) =>
      `関連付けが 1 回戻る（${limit} 回中 ${available} 回使用可能）`,
    'next-association': '新しい関連付けが可能に',
    'credit-arrives': (title: string, org: string) => `${org} に ${title} のクレジットが付与`,
    'credit-leaves': (title: string, org: string) => `${org} から ${title} のクレジットが削除`,
  },
  calendar: {
    heading: 'カレンダー',
    intro:
      '今後の日付をスマートフォンのカレンダーに追加できます: 次の関連付け、クレジットの付与と削除、クール オフ期間の終了。',
    download: 'カレンダーをダウンロード (.ics)',
    fileName: 'mcid-link-dates.ics',
    name: 'MCID Link の日付',
    count: (n: number) => `${n} 件の日付`,
    none: 'エクスポートする今後の日付はありません。',
    nextAssociation: 'MCID Link: 新しい関連付けが可能',
    nextAssociationAlarm: '今日から MCID を職場アカウントに再び関連付けられます。',
    coolOffEnds: 'MCID Link: クール オフ期間の終了',
    creditArrives: (title: string, org: string) =>
      `MCID Link: ${org} に ${title} のクレジットが付与`,
    creditLeaves: (title: string, org: string) =>
      `MCID Link: ${org} から ${title} のクレジットが削除`,
    description:
      'MCID Link の日付です。エクスポートした日にパートナー センターのルールで計算しました。パートナー センターは UTC の日付で判断します。各予定は、その UTC の日が始まる時刻（あなたの時計での時刻）に始まります。',
  },
  reminders: {
    heading: 'リマインダー',
    intro:
      '新しい関連付けが可能になる日に通知します。この端末で MCID Link を開いている間に動作します。カレンダーファイルはいつでも使えます。',
    enable: '通知する',
    disable: '通知をやめる',
    on: (on: D) => `オン: ${on} に通知します。`,
    onNoDate: 'オン。',
    off: 'オフ。',
    denied:
      'このサイトの通知はブロックされています。通知を受け取るにはブラウザの設定で許可するか、カレンダーファイルを使ってください。',
    unsupported: 'このブラウザは通知を表示できません。カレンダーファイルをお使いください。',
    asking: '応答を待っています…',
    notificationTitle: 'MCID Link',
    notificationBody: '今日から MCID を職場アカウントに再び関連付けられます。',
  },
};

export const planner = { en, ja };
