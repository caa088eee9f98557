import type { TargetedEvent } from 'preact';
import {
  MCID_MAX_DIGITS,
  MCID_MIN_DIGITS,
  PU_NAME_MAX,
  type McidProblem,
  type PuNameProblem,
} from '../../../rules';
import { TextField } from '../../components/text-field';
import { useWords } from '../../components/use-words';
import type { ProfileView } from '../individual';

/** `''` means "type it" (an MCID, or a sign-up); otherwise the id of one of the person's profiles. */
export type Picked = string;

/** What is wrong with what was typed: an MCID (Learn), or a Partner University account's name. */
export type TypedProblem = McidProblem | PuNameProblem;

interface ChoiceFormProps {
  kind: ProfileView['kind'];
  profiles: readonly ProfileView[];
  picked: Picked;
  onPick: (picked: Picked) => void;
  /** Learn: an MCID is typed; Partner University: the person signs up (none on this device). */
  typing: boolean;
  typed: string;
  onTyped: (value: string) => void;
  problem: TypedProblem | null;
  busy: boolean;
  onSubmit: () => void;
}

/**
 * Pick one of my profiles, or type one: an MCID (Learn), or, with no Partner
 * University account on the device, sign up for one. Then ask the rules first.
 */
export function ChoiceForm(props: ChoiceFormProps) {
  const { t } = useWords();
  const { kind, profiles, picked, busy, typing } = props;
  const learn = kind === 'learn';
  const onChange = (e: TargetedEvent<HTMLInputElement>) => {
    props.onPick(e.currentTarget.value);
  };
  const error = problemText(t.link, props.problem);
  return (
    <form
      class="card link-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {profiles.length > 0 ? (
        <fieldset>
          <legend>{learn ? t.link.pickLegend : t.link.pickPuLegend}</legend>
          {profiles.map((p) => (
            <label key={p.id} class="choice">
              <input
                type="radio"
                name="profile"
                value={p.id}
                checked={picked === p.id}
                onChange={onChange}
              />
              <span>
                {learn ? (
                  <>
                    <span class="mono">{p.mcid ?? '—'}</span>
                    <br />
                  </>
                ) : null}
                <span class="break muted">{p.label}</span>
              </span>
            </label>
          ))}
          {learn ? (
            <label class="choice">
              <input type="radio" name="profile" value="" checked={typing} onChange={onChange} />
              <span>{t.link.enterOther}</span>
            </label>
          ) : null}
        </fieldset>
      ) : null}
      {typing && learn ? (
        <TextField
          id="mcid"
          label={t.link.mcidLabel}
          hint={t.link.mcidHint}
          value={props.typed}
          onInput={props.onTyped}
          error={error}
          inputMode="numeric"
          autoComplete="off"
          required
        />
      ) : null}
      {typing && !learn ? (
        <fieldset>
          <legend>{t.link.signUpLegend}</legend>
          <p>{t.link.noPu}</p>
          <p>{t.link.signUpIntro}</p>
          <TextField
            id="pu-name"
            label={t.link.puNameLabel}
            hint={t.link.puNameHint(PU_NAME_MAX)}
            value={props.typed}
            onInput={props.onTyped}
            error={error}
            autoComplete="off"
            required
          />
        </fieldset>
      ) : null}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
        {busy ? t.link.checking : t.link.check}
      </button>
    </form>
  );
}

function problemText(
  words: ReturnType<typeof useWords>['t']['link'],
  problem: TypedProblem | null,
): string | null {
  switch (problem) {
    case null:
      return null;
    case 'MCID_EMPTY':
      return words.mcidEmpty;
    case 'MCID_NOT_DIGITS':
      return words.mcidNotDigits;
    case 'MCID_LENGTH':
      return words.mcidLength(MCID_MIN_DIGITS, MCID_MAX_DIGITS);
    case 'PU_NAME_EMPTY':
      return words.puNameEmpty;
    case 'PU_NAME_LENGTH':
      return words.puNameLength(PU_NAME_MAX);
  }
}
