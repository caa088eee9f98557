import { useState } from 'preact/hooks';
import { BusyButton } from '../../components/busy-button';
import { Notice } from '../../components/notice';
import { SkeletonLines } from '../../components/skeleton';
import { useBusy } from '../../components/use-busy';
import type { ActionResult, WelcomeAccount, WelcomeView } from '../individual';
import { useWelcomeWords, type WelcomeWords } from './welcome-words';

type RefusalText = (
  words: WelcomeWords,
  code: string,
  nextAllowedOn: string | null | undefined,
) => string;

/** What the last action answered; a refusal brings its words, loaded only when one happens. */
type Outcome =
  | { ok: true }
  | { ok: false; code: string; nextAllowedOn?: string | null | undefined; text: RefusalText };

async function outcomeOf(result: ActionResult): Promise<Outcome> {
  if (result.ok) return { ok: true };
  // With its date's formatting (ui/area-words), which nothing else here needs.
  const [{ refusalText }, { dayWords }] = await Promise.all([
    import('../../components/refusal'),
    import('../../area-words'),
  ]);
  const text: RefusalText = (words, code, nextAllowedOn) =>
    refusalText({ ...words, ...dayWords(words.lang, words.timeZone) }, code, nextAllowedOn);
  return { ...result, text };
}

/** Until the accounts are read there is nothing to act on: the heading and the text need no data, so they show at once. */
type WelcomeScreenViewProps =
  | { view: null }
  | {
      view: WelcomeView;
      onChoose: (accountId: string) => Promise<ActionResult>;
      onLoadDemo: () => Promise<ActionResult>;
    };

/** Who am I: the app acts only as the work account chosen here. */
export function WelcomeScreenView(props: WelcomeScreenViewProps) {
  const words = useWelcomeWords();
  const { t } = words;
  return (
    <section
      aria-labelledby="screen-title"
      class="welcome"
      aria-busy={props.view ? undefined : 'true'}
    >
      <h1 id="screen-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p>{t.intro}</p>
      <p class="trust" data-testid="device-trust">
        {t.trust}
      </p>
      {props.view ? (
        <Choices {...props} view={props.view} words={words} />
      ) : (
        <SkeletonLines label={words.m.common.loading} lines={4} />
      )}
    </section>
  );
}

type ChoicesProps = Extract<WelcomeScreenViewProps, { view: WelcomeView }> & {
  words: WelcomeWords;
};

/** The accounts to continue as, and the demo data. */
function Choices({ view, onChoose, onLoadDemo, words }: ChoicesProps) {
  const { t } = words;
  const { busy, run } = useBusy();
  const [result, setResult] = useState<Outcome | null>(null);

  const loadDemo = async () => {
    setResult(null);
    setResult(await run(async () => outcomeOf(await onLoadDemo())));
  };

  return (
    <>
      {result ? (
        <Notice tone={result.ok ? 'ok' : 'error'} testId="welcome-result">
          <p>{result.ok ? t.demoLoaded : result.text(words, result.code, result.nextAllowedOn)}</p>
        </Notice>
      ) : null}
      <section class="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t.accountsHeading}</h2>
        {view.accounts.length === 0 ? (
          <p>{t.noAccounts}</p>
        ) : (
          <div data-testid="accounts">
            {byOrganization(view.accounts).map(([orgName, accounts]) => (
              <section key={orgName} aria-label={orgName}>
                <h3 class="org-name">{orgName}</h3>
                <ul class="account-list">
                  {accounts.map((a) => (
                    <li key={a.id}>
                      <button
                        type="button"
                        class="account-choice"
                        aria-current={a.id === view.currentAccountId ? 'true' : undefined}
                        onClick={() => {
                          setResult(null);
                          void onChoose(a.id)
                            .then(outcomeOf)
                            .then((answer) => {
                              if (!answer.ok) setResult(answer);
                            });
                        }}
                      >
                        <span class="account-name">{t.choose(a.displayName)}</span>
                        <span class="account-detail break">{a.email}</span>
                        {a.deleted || a.id === view.currentAccountId ? (
                          <span class="account-detail">
                            {[
                              a.deleted ? t.deleted : null,
                              a.id === view.currentAccountId ? t.current : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </span>
                        ) : null}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="demo-title">
        <h2 id="demo-title">{t.demoHeading}</h2>
        <p>{t.demoIntro}</p>
        <BusyButton busy={busy} onClick={() => void loadDemo()}>
          {busy ? t.loadingDemo : t.loadDemo}
        </BusyButton>
      </section>
    </>
  );
}

/** The accounts under their organization, in the order given (the store sorts by organization). */
function byOrganization(accounts: readonly WelcomeAccount[]): [string, WelcomeAccount[]][] {
  const groups = new Map<string, WelcomeAccount[]>();
  for (const a of accounts) {
    const group = groups.get(a.orgName);
    if (group) group.push(a);
    else groups.set(a.orgName, [a]);
  }
  return [...groups];
}
