import type { TargetedEvent } from 'preact';
import { MCID_MAX_DIGITS, MCID_MIN_DIGITS, type McidProblem } from '../../../rules';
import { TextField } from '../../components/text-field';
import { useWords } from '../../components/use-words';
import type { ProfileView } from '../individual';

/** `''` means "type an MCID"; otherwise the id of one of the person's profiles. */
export type Picked = string;

interface ChoiceFormProps {
  kind: ProfileView['kind'];
  profiles: readonly ProfileView[];
  picked: Picked;
  onPick: (picked: Picked) => void;
  mcid: string;
  onMcid: (value: string) => void;
  mcidProblem: McidProblem | null;
  busy: boolean;
  onSubmit: () => void;
}

/** Pick one of my profiles, or (Learn) type an MCID; then ask the rules first. */
export function ChoiceForm(props: ChoiceFormProps) {
  const { t } = useWords();
  const { kind, profiles, picked, busy } = props;
  const learn = kind === 'learn';
  const typing = learn && picked === '';
  const onChange = (e: TargetedEvent<HTMLInputElement>) => {
    props.onPick(e.currentTarget.value);
  };
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
      {typing ? (
        <TextField
          id="mcid"
          label={t.link.mcidLabel}
          hint={t.link.mcidHint}
          value={props.mcid}
          onInput={props.onMcid}
          error={problemText(t.link, props.mcidProblem)}
          inputMode="numeric"
          autoComplete="off"
          required
        />
      ) : null}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
        {busy ? t.link.checking : t.link.check}
      </button>
    </form>
  );
}

function problemText(
  words: ReturnType<typeof useWords>['t']['link'],
  problem: McidProblem | null,
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
  }
}
