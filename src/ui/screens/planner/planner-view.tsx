import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_POLICY, compareDates } from '../../../rules';
import { calendarEntries, orgNamer } from '../../../rules/planner/calendar';
import type { Reminders } from '../../../state/planner/reminders';
import { simulatePlan } from '../../../rules/planner/simulate';
import type { PlanOutcome, PlanStep, PlannerData } from '../../../rules/planner/types';
import { Notice } from '../../components/notice';
import { CalendarPanel } from './calendar-panel';
import { PlanSteps, stepLabel } from './plan-steps';
import { PlanTimeline } from './plan-timeline';
import { RemindersPanel } from './reminders-panel';
import { StepForm, type AccountOption } from './step-form';
import type { PlannerWords } from './use-planner-words';

export const MAX_STEPS = 6;

interface PlannerViewProps {
  words: PlannerWords;
  data: PlannerData;
  reminders: Reminders;
  now: () => Date;
  /** Steps to start with (tests; a future deep link). */
  initialSteps?: readonly PlanStep[];
}

function run(data: PlannerData, steps: readonly PlanStep[]): PlanOutcome | null {
  try {
    return simulatePlan(data, steps, DEFAULT_POLICY);
  } catch {
    // Corrupt rows or a date the rules refuse: say so, never guess.
    return null;
  }
}

/** What if: the person's plan, what the rules say about each step, and the dates it leads to. */
export function PlannerView({ words, data, reminders, now, initialSteps = [] }: PlannerViewProps) {
  const { t } = words;
  const [allSteps, setSteps] = useState<readonly PlanStep[]>(initialSteps);
  // What the last change did, said to screen readers (the focus stays on the control used).
  const [announced, setAnnounced] = useState<number | null>(null);
  // A step whose day has passed (the app stayed open past midnight) is history, not a plan.
  const steps = useMemo(
    () => allSteps.filter((s) => compareDates(s.on, data.today) >= 0),
    [allSteps, data.today],
  );
  const orgOfAccount = useMemo(() => {
    const orgs = new Map(data.accounts.map((a) => [a.id, a.orgId]));
    const name = orgNamer(data);
    return (accountId: string) => name(orgs.get(accountId) ?? '');
  }, [data]);
  const baseline = useMemo(() => run(data, []), [data]);
  const outcome = useMemo(() => run(data, steps), [data, steps]);
  const calendarCount = useMemo(
    () => (baseline ? calendarEntries(baseline, data, t).length : 0),
    [baseline, data, t],
  );
  const nextOn = baseline?.nextAssociationOn ?? null;
  useEffect(() => {
    reminders.watch(nextOn);
  }, [reminders, nextOn]);

  const active = data.associations.find(
    (a) => a.profileId === data.profileId && a.endedOn === null,
  );
  const accounts: AccountOption[] = data.accounts
    .filter((a) => a.deletedOn === null)
    .map((a) => ({ id: a.id, label: t.form.accountOption(orgOfAccount(a.id), a.email) }));
  const defaultAccountId =
    accounts.find((a) => a.id !== active?.accountId)?.id ?? accounts[0]?.id ?? '';
  const limit = DEFAULT_POLICY.yearlyLimit;
  const linkAllowed = outcome?.steps.some((s) => s.step.kind === 'link' && s.decision.ok) ?? false;

  return (
    <section aria-labelledby="screen-title" class="planner">
      <h1 id="screen-title" tabIndex={-1}>
        {t.title}
      </h1>
      <p>{t.intro}</p>
      <StepForm
        words={words}
        today={data.today}
        accounts={accounts}
        defaultAccountId={defaultAccountId}
        full={steps.length >= MAX_STEPS}
        maxSteps={MAX_STEPS}
        onAdd={(step) => {
          setSteps([...steps, step]);
          setAnnounced(steps.length);
        }}
      />
      <p class="visually-hidden" role="status" data-testid="plan-announce">
        {announcement(words, outcome, announced, orgOfAccount)}
      </p>
      {outcome ? (
        <>
          <PlanSteps
            words={words}
            outcomes={outcome.steps}
            orgName={orgOfAccount}
            limit={limit}
            onRemove={(index) => {
              setSteps(steps.filter((_, i) => i !== index));
              setAnnounced(null);
            }}
            onMove={(index, on) => {
              setSteps(steps.map((s, i) => (i === index ? { ...s, on } : s)));
              setAnnounced(index);
            }}
            onClear={() => {
              setSteps([]);
            }}
          />
          <section class="card planner-summary" aria-labelledby="plan-summary-title">
            <h2 id="plan-summary-title">{t.result.heading}</h2>
            <p data-testid="plan-next">
              {t.result.summaryNext(words.from(outcome.nextAssociationOn))}
            </p>
            <p>{t.result.summaryRemaining(outcome.remainingInWindow, limit)}</p>
            {linkAllowed ? (
              <p>
                <a class="button primary" href="#/link/learn">
                  {t.result.doIt}
                </a>{' '}
                <span class="field-hint">{t.result.doItNote}</span>
              </p>
            ) : null}
          </section>
          <PlanTimeline
            words={words}
            events={outcome.timeline}
            orgName={orgNamer(data)}
            limit={limit}
          />
        </>
      ) : (
        <Notice tone="error" focus={false}>
          <p>{t.result.error}</p>
        </Notice>
      )}
      <CalendarPanel words={words} data={data} count={calendarCount} now={now} />
      <RemindersPanel words={words} reminders={reminders} />
    </section>
  );
}

function announcement(
  words: PlannerWords,
  outcome: PlanOutcome | null,
  index: number | null,
  orgName: (accountId: string) => string,
): string {
  const step = index === null ? undefined : outcome?.steps[index];
  if (!step) return '';
  const verdict = step.decision.ok ? words.t.result.allowed : words.t.result.refused;
  return `${stepLabel(words, step.step, orgName)}: ${verdict}`;
}
