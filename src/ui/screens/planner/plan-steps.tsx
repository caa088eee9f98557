import { describeCode } from '../../../i18n/describe';
import type { PlanStep, StepOutcome } from '../../../rules/planner/types';
import { DateText } from '../../components/date-text';
import type { PlannerWords } from './use-planner-words';

interface PlanStepsProps {
  words: PlannerWords;
  outcomes: readonly StepOutcome[];
  orgName: (accountId: string) => string;
  limit: number;
  onRemove: (index: number) => void;
  onMove: (index: number, on: string) => void;
  onClear: () => void;
}

export function stepLabel(
  { t, date }: PlannerWords,
  step: PlanStep,
  orgName: (id: string) => string,
) {
  switch (step.kind) {
    case 'link':
      return t.plan.stepLink(orgName(step.accountId), date(step.on));
    case 'unlink':
      return t.plan.stepUnlink(date(step.on));
    case 'certify':
      return t.plan.stepCertify(step.title, date(step.on));
  }
}

/** The plan's steps in the order given, each with what the rules say about it. */
export function PlanSteps(props: PlanStepsProps) {
  const { words, outcomes, orgName } = props;
  const { t } = words;
  return (
    <section class="card planner-steps" aria-labelledby="plan-steps-title">
      <h2 id="plan-steps-title">{t.plan.heading}</h2>
      {outcomes.length === 0 ? <p>{t.plan.empty}</p> : null}
      <ol class="planner-step-list">
        {outcomes.map((outcome, index) => {
          const label = stepLabel(words, outcome.step, orgName);
          return (
            <li
              key={`${String(index)}-${outcome.step.on}`}
              class="planner-step"
              data-testid="plan-step"
            >
              <p class="planner-step-title">{label}</p>
              <StepVerdict {...props} outcome={outcome} index={index} />
              <button
                type="button"
                class="button"
                aria-label={`${t.plan.remove}: ${label}`}
                onClick={() => {
                  props.onRemove(index);
                }}
              >
                {t.plan.remove}
              </button>
            </li>
          );
        })}
      </ol>
      {outcomes.length > 0 ? (
        <button type="button" class="button" onClick={props.onClear}>
          {t.plan.clear}
        </button>
      ) : null}
    </section>
  );
}

function StepVerdict(props: PlanStepsProps & { outcome: StepOutcome; index: number }) {
  const { words, outcome, index, limit } = props;
  const { t, m, from, policy } = words;
  const { decision, step, afterStart } = outcome;
  if (!decision.ok) {
    const next = outcome.firstAllowedOn;
    return (
      <div class="planner-verdict planner-refused" data-testid="plan-verdict">
        <p class="planner-verdict-head">{t.result.refused}</p>
        <p>{describeCode(m, decision.code, next ? from(next) : null, policy)}</p>
        {next && next !== step.on ? (
          <>
            <p>{t.result.firstAllowed(from(next))}</p>
            <button
              type="button"
              class="button"
              onClick={() => {
                props.onMove(index, next);
              }}
            >
              {t.result.useDate(from(next))}
            </button>
          </>
        ) : step.kind === 'link' ? (
          <p>{t.result.neverAllowed}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div class="planner-verdict planner-allowed" data-testid="plan-verdict">
      <p class="planner-verdict-head">{t.result.allowed}</p>
      {step.kind === 'unlink' ? <p>{t.result.unlinked}</p> : null}
      {step.kind === 'certify' ? <p>{t.result.certified}</p> : null}
      {afterStart ? (
        <ul class="planner-facts">
          {afterStart.coolOffEndsOn ? (
            <li>{t.result.coolOffEnds(from(afterStart.coolOffEndsOn))}</li>
          ) : null}
          <li>{t.result.remaining(afterStart.remaining, limit)}</li>
          <li>
            {t.result.returns}{' '}
            {afterStart.returnsOn.map((on, i) => (
              <span key={on + String(i)}>
                {i > 0 ? ', ' : null}
                <DateText iso={on} />
              </span>
            ))}
          </li>
          <li>{t.result.nextAfter(from(afterStart.nextAllowedOn))}</li>
        </ul>
      ) : null}
    </div>
  );
}
