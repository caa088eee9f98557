/**
 * Words of "who am I", the screen a first visit lands on. Apart from the
 * rest of the individual's words so a first visit loads only these.
 */
export type WelcomeMessages = typeof en;

const en = {
  title: 'Who are you?',
  intro:
    'MCID Link acts only as you: it links and unlinks your own profiles, never anyone else’s. Choose your work account on this device.',
  trust:
    'This device trusts whoever holds it: anyone using it can choose any account listed here, and there is no password. Choose only your own. Choosing records nothing for that person: their first sign-in is recorded when they link, remove access or say “I am …” on their page.',
  accountsHeading: 'Work accounts on this device',
  noAccounts: 'There are no work accounts on this device yet.',
  demoHeading: 'Try it with demo data',
  demoIntro:
    'Load companies A and B with a few people, so you can try linking offline. Nothing leaves this device.',
  loadDemo: 'Load demo data',
  loadingDemo: 'Loading demo data…',
  demoLoaded: 'Demo data loaded. Choose who you are.',
  choose: (name: string) => `Continue as ${name}`,
  deleted: 'deleted',
  current: 'current',
  chosen: (name: string) => `You are now ${name}.`,
};

const ja: WelcomeMessages = {
  title: 'あなたはどなたですか？',
  intro:
    'MCID Link はあなた本人としてだけ動作します。リンクとリンク解除はあなた自身のプロファイルだけで、他の人の代わりには行いません。この端末であなたの職場アカウントを選んでください。',
  trust:
    'この端末は、端末を持っている人を信頼します。パスワードはなく、使っている人はここにあるどのアカウントでも選べます。ご自身のアカウントだけを選んでください。選ぶだけでは、その人について何も記録されません。最初のサインインは、本人がリンク、アクセス権の削除、またはページで「私は … です」を選んだときに記録されます。',
  accountsHeading: 'この端末の職場アカウント',
  noAccounts: 'この端末にはまだ職場アカウントがありません。',
  demoHeading: 'デモ データで試す',
  demoIntro:
    '会社 A と会社 B と数人のデータを読み込み、オフラインでリンクを試せます。データはこの端末から出ません。',
  loadDemo: 'デモ データを読み込む',
  loadingDemo: 'デモ データを読み込み中…',
  demoLoaded: 'デモ データを読み込みました。あなたを選んでください。',
  choose: (name: string) => `${name} として続ける`,
  deleted: '削除済み',
  current: '現在',
  chosen: (name: string) => `${name} として使用しています。`,
};

export const welcome = { en, ja };
