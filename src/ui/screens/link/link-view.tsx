import { useState } from 'preact/hooks';
import { normalizeMcid, validateMcid, validatePuName } from '../../../rules';
import { Notice } from '../../components/notice';
import { refusalText } from '../../components/refusal';
import { useWords } from '../../components/use-words';
import type { ActionResult, LinkCheck, LinkChoice, LinkView } from '../individual';
import { ChoiceForm, type Picked, type TypedProblem } from './choice-form';

interface LinkScreenViewProps {
  view: LinkView;
  online: boolean;
  onCheck: (choice: LinkChoice) => Promise<LinkCheck>;
  onLink: (choice: LinkChoice) => Promise<ActionResult>;
}

type Stage =
  | { name: 'choosing' }
  | { name: 'checked'; check: LinkCheck }
  | { name: 'done'; result: ActionResult };

/**
 * Link a profile in two steps: the rules check first and say what would
 * happen (or why not), and only "Link now" queues anything.
 */
export function LinkScreenView({ view, online, onCheck, onLink }: LinkScreenViewProps) {
  const words = useWords();
  const { t } = words;
  const date = (iso: string) => words.from(iso, 'long');
  const learn = view.kind === 'learn';
  const [picked, setPicked] = useState<Picked>(firstPick(view));
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<TypedProblem | null>(null);
  // Learn: "Enter an MCID"; Partner University with no account here: sign up.
  const typing = learn ? picked === '' : view.profiles.length === 0;
  const validate = (value: string): TypedProblem | null =>
    learn ? validateMcid(normalizeMcid(value)) : validatePuName(value);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>({ name: 'choosing' });

  const reset = () => {
    if (stage.name !== 'choosing') setStage({ name: 'choosing' });
  };

  const submit = async () => {
    let choice: LinkChoice;
    if (typing) {
      const found = validate(typed);
      setProblem(found);
      if (found) {
        document.getElementById(learn ? 'mcid' : 'pu-name')?.focus();
        return;
      }
      choice = learn ? { mcid: normalizeMcid(typed) } : { puName: typed.trim() };
    } else {
      choice = { profileId: picked };
    }
    setBusy(true);
    const check = await onCheck(choice);
    setBusy(false);
    setStage({ name: 'checked', check });
  };

  const link = async (choice: LinkChoice) => {
    setBusy(true);
    const result = await onLink(choice);
    setBusy(false);
    setStage({ name: 'done', result });
  };

  const title = learn ? t.link.learnTitle : t.link.puTitle;
  return (
    <section aria-labelledby="screen-title" class="link-screen">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <p>{t.link.intro(view.account.email, view.account.orgName)}</p>
      {stage.name === 'done' ? null : (
        <ChoiceForm
          kind={view.kind}
          profiles={view.profiles}
          picked={picked}
          onPick={(p) => {
            setPicked(p);
            setProblem(null);
            reset();
          }}
          typing={typing}
          typed={typed}
          onTyped={(v) => {
            setTyped(v);
            if (problem) setProblem(validate(v));
            reset();
          }}
          problem={problem}
          busy={busy && stage.name === 'choosing'}
          onSubmit={() => void submit()}
        />
      )}
      {stage.name === 'checked' && !stage.check.ok ? (
        <Notice tone="error" heading={t.link.refusedHeading} testId="link-refusal">
          <p>{refusalText(words, stage.check.code, stage.check.nextAllowedOn)}</p>
        </Notice>
      ) : null}
      {stage.name === 'checked' && stage.check.ok ? (
        <Notice tone="info" heading={t.link.canLink} testId="link-check">
          {stage.check.ends.map((end) => (
            <p key={end.orgName} class="will-end">
              {t.link.willEnd(end.orgName, date(end.removalOn))}
            </p>
          ))}
          {stage.check.creditFrom ? (
            <p>{t.link.creditFrom(view.account.orgName, date(stage.check.creditFrom))}</p>
          ) : null}
          <p>{t.link.usesStart(stage.check.startNumber, words.policy)}</p>
          {'puName' in stage.check.choice ? <p>{t.link.signUpOnLink}</p> : null}
          <button
            type="button"
            class="primary"
            disabled={busy}
            aria-busy={busy ? 'true' : undefined}
            onClick={() => {
              if (stage.check.ok) void link(stage.check.choice);
            }}
          >
            {busy ? t.link.linking : t.link.confirm}
          </button>
        </Notice>
      ) : null}
      {stage.name === 'done' ? (
        stage.result.ok ? (
          <Notice tone="ok" testId="link-done">
            <p>{t.link.queued}</p>
            {online ? null : <p>{t.link.queuedOffline}</p>}
          </Notice>
        ) : (
          <Notice tone="error" heading={t.link.refusedHeading} testId="link-refusal">
            <p>{refusalText(words, stage.result.code, stage.result.nextAllowedOn)}</p>
          </Notice>
        )
      ) : null}
      <p>
        <a href="#/">{t.link.back}</a>
      </p>
    </section>
  );
}

/** The linked or first profile; for Learn with none (or none complete), typing an MCID. */
function firstPick(view: LinkView): Picked {
  if (view.kind === 'learn') return view.profiles.find((p) => p.mcid !== null)?.id ?? '';
  return view.profiles[0]?.id ?? '';
}
