import type { Reminders } from '../../../state/planner/reminders';
import type { PlannerWords } from './use-planner-words';

interface RemindersPanelProps {
  words: PlannerWords;
  reminders: Reminders;
}

/** Opt-in reminders, with the browser's answer shown as it is. */
export function RemindersPanel({ words, reminders }: RemindersPanelProps) {
  const { t, from } = words;
  const r = t.reminders;
  const permission = reminders.permission.value;
  const on = reminders.optedIn.value && permission === 'granted';
  const pending = reminders.pendingFor.value;
  const status = reminders.asking.value
    ? r.asking
    : permission === 'unsupported'
      ? r.unsupported
      : permission === 'denied'
        ? r.denied
        : on
          ? pending
            ? r.on(from(pending))
            : r.onNoDate
          : r.off;
  return (
    <section class="card planner-reminders" aria-labelledby="plan-reminders-title">
      <h2 id="plan-reminders-title">{r.heading}</h2>
      <p>{r.intro}</p>
      <p role="status" data-testid="reminder-status" data-permission={permission}>
        {status}
      </p>
      {on ? (
        <button
          type="button"
          class="button"
          onClick={() => {
            reminders.disable();
          }}
        >
          {r.disable}
        </button>
      ) : permission === 'default' || permission === 'granted' ? (
        <button
          type="button"
          class="button"
          disabled={reminders.asking.value}
          onClick={() => {
            void reminders.enable();
          }}
        >
          {r.enable}
        </button>
      ) : null}
    </section>
  );
}
