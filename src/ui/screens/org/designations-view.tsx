import type { TargetedEvent } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { describeCode } from '../../../i18n/describe';
import { editCatalog, type Catalog, type CatalogEdit } from '../../../rules/org/catalog';
import { designationProgress } from '../../../rules/org/points';
import { Notice } from '../../components/notice';
import { TextField } from '../../components/text-field';
import { DesignationCard } from './designation-card';
import { useOrgWords } from './org-words';
import type { CatalogActions, CatalogState, DesignationsData } from './view-model';

interface DesignationsViewProps {
  data: DesignationsData;
  catalog: CatalogState;
  actions: CatalogActions;
}

/** Points toward each designation now and on each coming day, and the editable catalog. */
export function DesignationsView({ data, catalog, actions }: DesignationsViewProps) {
  const { t, m } = useOrgWords();
  if (catalog.status === 'loading') return <p aria-busy="true">{m.common.loading}</p>;
  if (catalog.status === 'error') {
    return (
      <Notice tone="error" focus={false} testId="catalog-error">
        <p>{t.designations.loadFailed}</p>
        <p class="small mono">{catalog.problem}</p>
        <button
          type="button"
          onClick={() => {
            void actions.resetCatalog();
          }}
        >
          {t.designations.reset}
        </button>
      </Notice>
    );
  }
  return <Ready data={data} catalog={catalog.catalog} actions={actions} />;
}

function Ready({
  data,
  catalog,
  actions,
}: {
  data: DesignationsData;
  catalog: Catalog;
  actions: CatalogActions;
}) {
  const { t, m, policy } = useOrgWords();
  const w = t.designations;
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [code, setCode] = useState('');
  const [points, setPoints] = useState('');
  const [target, setTarget] = useState(catalog.designations[0]?.id ?? '');
  const [addError, setAddError] = useState<{ field: 'code' | 'points'; text: string } | null>(null);
  const progress = useMemo(
    () => designationProgress(data.report, catalog, data.today),
    [data.report, data.today, catalog],
  );

  /** Applies an edit and stores it; answers the problem in words, or null when saved. */
  const apply = async (edit: CatalogEdit): Promise<string | null> => {
    const next = editCatalog(catalog, edit);
    if (!next.ok) return w.problems[next.problem];
    const saved = await actions.saveCatalog(next.catalog);
    if (!saved.ok) {
      const text = describeCode(m, saved.code, null, policy);
      setNotice({ ok: false, text });
      return text;
    }
    setNotice({ ok: true, text: w.saved });
    return null;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const n = points.trim() === '' ? Number.NaN : Number(points);
    const edit: CatalogEdit = { type: 'add', designationId: target, code, points: n };
    const check = editCatalog(catalog, edit);
    if (!check.ok) {
      const field = check.problem === 'POINTS_INVALID' ? 'points' : 'code';
      setAddError({ field, text: w.problems[check.problem] });
      document.getElementById(field === 'code' ? 'add-exam-code' : 'add-exam-points')?.focus();
      return;
    }
    setAddError(null);
    if ((await apply(edit)) === null) {
      setCode('');
      setPoints('');
    }
  };

  return (
    <>
      {catalog.sample ? (
        <Notice tone="info" focus={false} testId="sample-warning">
          <p>{w.sampleWarning}</p>
        </Notice>
      ) : null}
      <div class="field field-check">
        <input
          id="catalog-checked"
          type="checkbox"
          checked={!catalog.sample}
          onChange={(e: TargetedEvent<HTMLInputElement>) => {
            void apply({ type: 'mark-checked', checked: e.currentTarget.checked });
          }}
        />
        <label for="catalog-checked">{w.checked}</label>
      </div>
      {notice ? (
        <Notice tone={notice.ok ? 'ok' : 'error'} focus={false} testId="catalog-result">
          <p>{notice.text}</p>
        </Notice>
      ) : null}
      {catalog.designations.map((d) => (
        <DesignationCard
          key={d.id}
          designation={d}
          progress={progress}
          onPoints={(c, n) =>
            apply({ type: 'set-points', designationId: d.id, code: c, points: n })
          }
          onRemove={(c) => void apply({ type: 'remove', designationId: d.id, code: c })}
        />
      ))}
      <section class="card" aria-labelledby="add-exam-title">
        <h2 id="add-exam-title">{w.addHeading}</h2>
        <form class="add-exam" noValidate onSubmit={(e) => void add(e)}>
          <div class="field">
            <label for="add-exam-designation">{w.designation}</label>
            <select
              id="add-exam-designation"
              value={target}
              onChange={(e: TargetedEvent<HTMLSelectElement>) => {
                setTarget(e.currentTarget.value);
              }}
            >
              {catalog.designations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="add-exam-code"
            label={w.code}
            hint={w.codeHint}
            value={code}
            onInput={setCode}
            error={addError?.field === 'code' ? addError.text : null}
            autoComplete="off"
          />
          <TextField
            id="add-exam-points"
            label={w.pointsField}
            value={points}
            onInput={setPoints}
            error={addError?.field === 'points' ? addError.text : null}
            inputMode="numeric"
            autoComplete="off"
          />
          <button type="submit">{w.add}</button>
        </form>
      </section>
      <p>
        <button
          type="button"
          onClick={() => {
            void actions.resetCatalog().then((r) => {
              setNotice(
                r.ok
                  ? { ok: true, text: w.resetDone }
                  : { ok: false, text: describeCode(m, r.code, null, policy) },
              );
            });
          }}
        >
          {w.reset}
        </button>
      </p>
    </>
  );
}
