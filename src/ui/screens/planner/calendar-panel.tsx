import { plannerCalendar } from '../../../rules/planner/calendar';
import type { PlannerData } from '../../../rules/planner/types';
import { downloadText } from '../../components/download';
import type { PlannerWords } from './use-planner-words';

interface CalendarPanelProps {
  words: PlannerWords;
  data: PlannerData;
  /** How many dates the file will hold (from the same timeline the screen shows). */
  count: number;
  now: () => Date;
  download?: typeof downloadText;
}

/** The coming dates as an .ics file for the phone's calendar, in the reader's language. */
export function CalendarPanel({
  words,
  data,
  count,
  now,
  download = downloadText,
}: CalendarPanelProps) {
  const { t, lang } = words;
  const save = () => {
    const file = plannerCalendar(data, t, lang, now());
    download(file.ics, file.fileName, 'text/calendar;charset=utf-8');
  };
  return (
    <section class="card planner-calendar" aria-labelledby="plan-calendar-title">
      <h2 id="plan-calendar-title">{t.calendar.heading}</h2>
      <p>{t.calendar.intro}</p>
      {count === 0 ? (
        <p>{t.calendar.none}</p>
      ) : (
        <p>
          <button type="button" class="button primary" onClick={save}>
            {t.calendar.download}
          </button>{' '}
          <span class="field-hint">{t.calendar.count(count)}</span>
        </p>
      )}
    </section>
  );
}
