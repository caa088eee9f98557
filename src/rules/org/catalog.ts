/**
 * The designation catalog: which certifications count toward which solutions
 * partner designation or specialization, and the points each gives. It comes
 * from outside (the shipped sample file, or what an admin typed and saved),
 * so every read goes through the valibot schema; edits are pure functions
 * that return a new catalog, validated again before it is stored.
 */
import * as v from 'valibot';

/** Where the sample ships, relative to the app's base URL. */
export const SAMPLE_CATALOG_PATH = 'catalog/sample-designations.json';

const MAX_POINTS = 1000;
// Exam codes look like AZ-104, PL-300, SC-300 (letters, a dash, digits).
const CODE = /^[A-Z]{2,3}-\d{2,4}$/;

const PointsSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_POINTS));

const EntrySchema = v.object({
  code: v.pipe(v.string(), v.regex(CODE, 'code')),
  points: PointsSchema,
});

const DesignationSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'id')),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  kind: v.picklist(['designation', 'specialization']),
  /** The most points this catalog lets the designation earn from skilling; null: no cap. */
  maxPoints: v.nullable(PointsSchema),
  certifications: v.pipe(
    v.array(EntrySchema),
    v.maxLength(200),
    v.check((list) => new Set(list.map((e) => e.code)).size === list.length, 'duplicate code'),
  ),
});

export const CatalogSchema = v.object({
  $comment: v.optional(v.string()),
  version: v.literal(1),
  /** True while it is the shipped sample, not checked against Partner Center. */
  sample: v.boolean(),
  designations: v.pipe(
    v.array(DesignationSchema),
    v.maxLength(100),
    v.check((list) => new Set(list.map((d) => d.id)).size === list.length, 'duplicate id'),
  ),
});

export type Catalog = v.InferOutput<typeof CatalogSchema>;
export type Designation = Catalog['designations'][number];
export type CatalogEntry = Designation['certifications'][number];

export type CatalogParse = { ok: true; catalog: Catalog } | { ok: false; problem: string };

/** Validates a catalog from outside (already JSON-parsed). */
export function checkCatalog(value: unknown): CatalogParse {
  const result = v.safeParse(CatalogSchema, value);
  if (result.success) return { ok: true, catalog: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(catalog)';
  return { ok: false, problem: `${path}: ${issue.message}` };
}

/** Parses and validates catalog text (a stored record, a file). */
export function parseCatalog(json: string): CatalogParse {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: '(catalog): not JSON' };
  }
  return checkCatalog(value);
}

export function serializeCatalog(catalog: Catalog): string {
  return JSON.stringify(catalog, null, 2);
}

/** An exam code as the catalog keeps it: trimmed, upper case ("az-104 " → "AZ-104"). */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

export function isPoints(value: number): boolean {
  return v.is(PointsSchema, value);
}

export type CatalogEdit =
  | { type: 'set-points'; designationId: string; code: string; points: number }
  | { type: 'add'; designationId: string; code: string; points: number }
  | { type: 'remove'; designationId: string; code: string }
  | { type: 'mark-checked'; checked: boolean };

export type EditProblem = 'CODE_INVALID' | 'POINTS_INVALID' | 'CODE_EXISTS' | 'NOT_FOUND';

/** Applies one edit; the result is validated as a whole, so a bad edit never reaches storage. */
export function editCatalog(
  catalog: Catalog,
  edit: CatalogEdit,
): { ok: true; catalog: Catalog } | { ok: false; problem: EditProblem } {
  if (edit.type === 'mark-checked') {
    return { ok: true, catalog: { ...catalog, sample: !edit.checked } };
  }
  const code = normalizeCode(edit.code);
  if (!CODE.test(code)) return { ok: false, problem: 'CODE_INVALID' };
  if (edit.type !== 'remove' && !isPoints(edit.points)) {
    return { ok: false, problem: 'POINTS_INVALID' };
  }
  const target = catalog.designations.find((d) => d.id === edit.designationId);
  if (!target) return { ok: false, problem: 'NOT_FOUND' };
  const has = target.certifications.some((e) => e.code === code);
  let certifications: CatalogEntry[];
  switch (edit.type) {
    case 'add':
      if (has) return { ok: false, problem: 'CODE_EXISTS' };
      certifications = [...target.certifications, { code, points: edit.points }];
      break;
    case 'set-points':
      if (!has) return { ok: false, problem: 'NOT_FOUND' };
      certifications = target.certifications.map((e) =>
        e.code === code ? { code, points: edit.points } : e,
      );
      break;
    case 'remove':
      if (!has) return { ok: false, problem: 'NOT_FOUND' };
      certifications = target.certifications.filter((e) => e.code !== code);
      break;
  }
  const next: Catalog = {
    ...catalog,
    designations: catalog.designations.map((d) =>
      d.id === target.id ? { ...d, certifications } : d,
    ),
  };
  const checked = checkCatalog(next);
  return checked.ok ? checked : { ok: false, problem: 'POINTS_INVALID' };
}
