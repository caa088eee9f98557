import { DateText } from '../../components/date-text';
import { Fact } from '../../components/fact';
import { useWords } from '../../components/use-words';
import type { AchievementView } from './view-model';

/** Each achievement with the day its credit reaches the organization, pending or counted. */
export function AchievementList({
  items,
  orgName,
}: {
  items: readonly AchievementView[];
  orgName: string;
}) {
  const { t, policy } = useWords();
  return (
    <section class="card" aria-labelledby="achievements-title">
      <h2 id="achievements-title">{t.me.achievementsHeading}</h2>
      <p class="muted">{t.me.achievementsIntro(orgName, policy)}</p>
      {items.length === 0 ? (
        <p>{t.me.noAchievements}</p>
      ) : (
        <ul class="achievements" data-testid="achievements">
          {items.map((a) => (
            <li key={a.id} class="achievement" data-counted={a.counted ? 'true' : 'false'}>
              <p class="achievement-title">{a.title}</p>
              <p class="muted small">
                {t.me.kinds[a.kind]} · <span class="mono">{a.code}</span>
              </p>
              <dl class="facts facts-inline">
                <Fact term={t.me.completedOn}>
                  <DateText iso={a.completedOn} />
                </Fact>
                <Fact term={t.me.creditOn}>
                  <DateText iso={a.creditOn} from />{' '}
                  <span class={`pill ${a.counted ? 'pill-ok' : 'pill-pending'}`}>
                    {a.counted ? t.me.counted : t.me.pending}
                  </span>
                </Fact>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
