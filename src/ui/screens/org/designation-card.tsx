import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Designation } from '../../../rules/org/catalog';
import type { DesignationProgress } from '../../../rules/org/points';
import { useOrgWords } from './org-words';

interface DesignationCardProps {
  designation: Designation;
  progress: DesignationProgress;
  onPoints: (code: string, points: number) => Promise<string | null>;
  onRemove: (code: string) => void;
}

/** One designation: points now, the coming changes, and its exams with editable points. */
export function DesignationCard({
  designation: d,
  progress,
  onPoints,
  onRemove,
}: DesignationCardProps) {
  const { t, date, num } = useOrgWords();
  const w = t.designations;
  const titleId = `des-${d.id}`;
  const max = d.maxPoints === null ? null : num(d.maxPoints);
  // Only the days on which this designation's own total changes.
  const changes = progress.changes.filter((c, i, all) => {
    const before = i === 0 ? progress.now[d.id] : all[i - 1]?.points[d.id];
    return c.points[d.id] !== before;
  });
  return (
    <section class="card designation" aria-labelledby={titleId} data-testid="designation">
      <h2 id={titleId}>{d.name}</h2>
      <p class="muted small">{w.kinds[d.kind]}</p>
      <p class="points-now">
        {w.pointsNow}:{' '}
        <strong data-testid="points-now">{w.points(num(progress.now[d.id] ?? 0), max)}</strong>
      </p>
      <h3>{w.coming}</h3>
      {changes.length === 0 ? (
        <p class="muted">{w.noChanges}</p>
      ) : (
        <ul class="changes">
          {changes.slice(0, 12).map((c) => (
            <li key={c.on}>
              <time dateTime={c.on}>{date(c.on)}</time>: {w.points(num(c.points[d.id] ?? 0), max)}
            </li>
          ))}
        </ul>
      )}
      <div class="table-scroll">
        <table class="exam-table">
          <thead>
            <tr>
              <th scope="col">{w.colExam}</th>
              <th scope="col">{w.colPoints}</th>
              <th scope="col">{w.colPeople}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {d.certifications.map((e) => (
              <tr key={e.code}>
                <th scope="row" class="mono">
                  {e.code}
                </th>
                <td>
                  <PointsInput
                    id={`${d.id}-${e.code}`}
                    label={w.pointsLabel(e.code)}
                    value={e.points}
                    onCommit={(n) => onPoints(e.code, n)}
                  />
                </td>
                <td>{num(progress.peopleNow[d.id]?.[e.code] ?? 0)}</td>
                <td>
                  <button
                    type="button"
                    class="small"
                    aria-label={w.removeLabel(e.code, d.name)}
                    onClick={() => {
                      onRemove(e.code);
                    }}
                  >
                    {w.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A points field saved on change (Enter or leaving it); a refused value shows why. */
function PointsInput(props: {
  id: string;
  label: string;
  value: number;
  onCommit: (points: number) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <input
        id={props.id}
        class="points-input"
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        step={1}
        value={String(props.value)}
        aria-label={props.label}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
        onChange={(e: TargetedEvent<HTMLInputElement>) => {
          const raw = e.currentTarget.value;
          void props.onCommit(raw.trim() === '' ? Number.NaN : Number(raw)).then(setError);
        }}
      />
      {error ? (
        <span id={`${props.id}-error`} class="field-error block">
          {error}
        </span>
      ) : null}
    </>
  );
}
