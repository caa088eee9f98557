import type { TargetedEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { addMonths } from '../../../rules';
import {
  PLAN_HORIZON_MONTHS,
  STEP_KINDS,
  TITLE_MAX,
  parseStepForm,
  type FormProblems,
  type StepKind,
} from '../../../rules/planner/form';
import type { PlanStep } from '../../../rules/planner/types';
import { Field } from '../../components/field';
import { OptionsSelect } from '../../components/options-select';
import type { PlannerWords } from './use-planner-words';

export interface AccountOption {
  id: string;
  label: string;
}

interface StepFormProps {
  words: PlannerWords;
  today: string;
  accounts: readonly AccountOption[];
  /** The account a link most likely goes to (not the one linked now). */
  defaultAccountId: string;
  full: boolean;
  maxSteps: number;
  onAdd: (step: PlanStep) => void;
}

/** Adds one step to the plan. Nothing is written: the step only feeds the what-if. */
export function StepForm(props: StepFormProps) {
  const { words, today, accounts, full, onAdd } = props;
  const { t } = words;
  const [kind, setKind] = useState<StepKind>('link');
  const [on, setOn] = useState('');
  // Read at submit: a half-typed date fires no input event, and reads as ''.
  const dateInput = useRef<HTMLInputElement>(null);
  const [accountId, setAccountId] = useState(props.defaultAccountId);
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<FormProblems>({});

  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ids = accounts.map((a) => a.id);
    const parsed = parseStepForm(
      { kind, on, accountId, title, dateBadInput: dateInput.current?.validity.badInput ?? false },
      today,
      ids,
      t.form.defaultCertTitle,
    );
    if (!parsed.ok) {
      setProblems(parsed.problems);
      const first = (['on', 'accountId', 'title'] as const).find((f) => parsed.problems[f]);
      if (first) document.getElementById(`plan-${first}`)?.focus();
      return;
    }
    setProblems({});
    setTitle('');
    onAdd(parsed.step);
  };

  return (
    <form class="card planner-form" noValidate onSubmit={submit} aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{t.form.legend}</h2>
      <Field
        id="plan-kind"
        label={t.form.action}
        error={problems.kind ? t.problems.kindUnknown : null}
      >
        {(describedBy) => (
          <OptionsSelect
            id="plan-kind"
            value={kind}
            options={STEP_KINDS}
            labelOf={(k) => t.form.kinds[k]}
            onChange={setKind}
            describedBy={describedBy}
          />
        )}
      </Field>
      <Field
        id="plan-on"
        label={t.form.date}
        hint={t.form.dateHint}
        error={dateError(words, problems, today)}
      >
        {(describedBy) => (
          <input
            id="plan-on"
            ref={dateInput}
            type="date"
            value={on}
            min={today}
            max={addMonths(today, PLAN_HORIZON_MONTHS)}
            required
            aria-invalid={problems.on ? 'true' : undefined}
            aria-describedby={describedBy}
            onInput={(e: TargetedEvent<HTMLInputElement>) => {
              setOn(e.currentTarget.value);
            }}
          />
        )}
      </Field>
      {kind === 'link' ? (
        <Field id="plan-accountId" label={t.form.account} error={accountError(words, problems)}>
          {(describedBy) => (
            <select
              id="plan-accountId"
              value={accountId}
              aria-invalid={problems.accountId ? 'true' : undefined}
              aria-describedby={describedBy}
              onChange={(e: TargetedEvent<HTMLSelectElement>) => {
                setAccountId(e.currentTarget.value);
              }}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {kind === 'certify' ? (
        <Field
          id="plan-title"
          label={t.form.certTitle}
          error={problems.title ? t.problems.titleTooLong(TITLE_MAX) : null}
        >
          {(describedBy) => (
            <input
              id="plan-title"
              type="text"
              value={title}
              maxLength={TITLE_MAX * 2}
              aria-invalid={problems.title ? 'true' : undefined}
              aria-describedby={describedBy}
              onInput={(e: TargetedEvent<HTMLInputElement>) => {
                setTitle(e.currentTarget.value);
              }}
            />
          )}
        </Field>
      ) : null}
      {full ? <p class="field-hint">{t.form.maxSteps(props.maxSteps)}</p> : null}
      <button type="submit" class="button primary" disabled={full}>
        {t.form.add}
      </button>
    </form>
  );
}

function dateError(
  { t, date }: PlannerWords,
  problems: FormProblems,
  today: string,
): string | null {
  switch (problems.on) {
    case undefined:
      return null;
    case 'past':
      return t.problems.past(date(today));
    case 'malformed':
      return t.problems.malformed;
    case 'too-far':
      return t.problems['too-far'];
    default:
      return t.problems.missing;
  }
}

function accountError({ t }: PlannerWords, problems: FormProblems): string | null {
  if (!problems.accountId) return null;
  return problems.accountId === 'missing' ? t.problems.accountMissing : t.problems.accountUnknown;
}
