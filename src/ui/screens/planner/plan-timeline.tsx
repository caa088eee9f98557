import type { TimelineEvent } from '../../../rules/planner/types';
import { DateText } from '../../components/date-text';
import type { PlannerWords } from './use-planner-words';

interface PlanTimelineProps {
  words: PlannerWords;
  events: readonly TimelineEvent[];
  orgName: (orgId: string) => string;
  limit: number;
}

export function eventText(
  { t }: PlannerWords,
  e: TimelineEvent,
  orgName: (id: string) => string,
  limit: number,
) {
  const tl = t.timeline;
  switch (e.kind) {
    case 'link-starts':
      return tl['link-starts'](orgName(e.orgId));
    case 'link-ends':
      return e.reason === 'moved'
        ? tl['link-ends-moved'](orgName(e.orgId))
        : tl['link-ends-unlinked'](orgName(e.orgId));
    case 'refused':
      return tl.refused;
    case 'certified':
      return tl.certified(e.title);
    case 'cool-off-ends':
      return tl['cool-off-ends'];
    case 'slot-returns':
      return tl['slot-returns'](e.available, limit);
    case 'next-association':
      return tl['next-association'];
    case 'credit-arrives':
      return tl['credit-arrives'](e.title, orgName(e.orgId));
    case 'credit-leaves':
      return tl['credit-leaves'](e.title, orgName(e.orgId));
  }
}

/** Every dated consequence of the plan, in date order. */
export function PlanTimeline({ words, events, orgName, limit }: PlanTimelineProps) {
  const { t } = words;
  return (
    <section class="card planner-timeline" aria-labelledby="plan-timeline-title">
      <h2 id="plan-timeline-title">{t.timeline.heading}</h2>
      {events.length === 0 ? (
        <p>{t.timeline.empty}</p>
      ) : (
        <ol class="planner-events">
          {events.map((e, i) => (
            <li
              key={`${e.kind}-${e.on}-${String(i)}`}
              class={`planner-event planner-event-${e.kind}`}
              data-kind={e.kind}
            >
              <DateText iso={e.on} />
              <span>{eventText(words, e, orgName, limit)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
