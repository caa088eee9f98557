import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkCatalog,
  editCatalog,
  parseCatalog,
  serializeCatalog,
  type Catalog,
} from '../../../src/rules/org/catalog';

const sampleText = readFileSync('public/catalog/sample-designations.json', 'utf8');

function sample(): Catalog {
  const parsed = parseCatalog(sampleText);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.catalog;
}

describe('the shipped sample catalog', () => {
  it('is valid, marked as a sample, and names the exams the brief lists', () => {
    const catalog = sample();
    expect(catalog.sample).toBe(true);
    expect(catalog.$comment).toMatch(/SAMPLE.*Partner Center/s);
    const codes = new Set(catalog.designations.flatMap((d) => d.certifications.map((e) => e.code)));
    for (const code of ['AZ-104', 'AZ-305', 'AI-102', 'MS-102', 'SC-300', 'PL-300']) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it('survives a round trip through storage text', () => {
    expect(parseCatalog(serializeCatalog(sample()))).toEqual({ ok: true, catalog: sample() });
  });
});

describe('validation of catalog text from outside', () => {
  it('refuses text that is not JSON, and says where a value is wrong', () => {
    expect(parseCatalog('{')).toEqual({ ok: false, problem: '(catalog): not JSON' });
    const bad = JSON.parse(sampleText) as {
      designations: { certifications: { points: number }[] }[];
    };
    const first = bad.designations[0]?.certifications[0];
    if (first) first.points = -1;
    const result = checkCatalog(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/^designations\.0\.certifications\.0\.points/);
  });

  it('refuses a duplicate exam in one designation and a duplicate designation id', () => {
    const c = sample();
    const d = c.designations[0];
    if (!d) throw new Error('empty sample');
    const dupCode = {
      ...c,
      designations: [{ ...d, certifications: [...d.certifications, d.certifications[0]] }],
    };
    expect(checkCatalog(dupCode).ok).toBe(false);
    expect(checkCatalog({ ...c, designations: [d, d] }).ok).toBe(false);
  });
});

describe('editing the catalog', () => {
  it('sets points, adds and removes an exam, normalizing the code', () => {
    let c = sample();
    const step = (edit: Parameters<typeof editCatalog>[1]) => {
      const r = editCatalog(c, edit);
      if (!r.ok) throw new Error(r.problem);
      c = r.catalog;
    };
    step({ type: 'set-points', designationId: 'infra-azure', code: 'AZ-104', points: 7 });
    step({ type: 'add', designationId: 'infra-azure', code: ' az-800 ', points: 3 });
    step({ type: 'remove', designationId: 'infra-azure', code: 'AZ-305' });
    const infra = c.designations.find((d) => d.id === 'infra-azure');
    expect(infra?.certifications).toEqual([
      { code: 'AZ-104', points: 7 },
      { code: 'AZ-700', points: 4 },
      { code: 'AZ-800', points: 3 },
    ]);
  });

  it('refuses a bad code, bad points, a duplicate, and an unknown target', () => {
    const c = sample();
    const base = { designationId: 'infra-azure' } as const;
    expect(editCatalog(c, { ...base, type: 'add', code: 'hello', points: 1 })).toEqual({
      ok: false,
      problem: 'CODE_INVALID',
    });
    expect(editCatalog(c, { ...base, type: 'add', code: 'AZ-900', points: 1.5 })).toEqual({
      ok: false,
      problem: 'POINTS_INVALID',
    });
    expect(editCatalog(c, { ...base, type: 'set-points', code: 'AZ-104', points: -3 })).toEqual({
      ok: false,
      problem: 'POINTS_INVALID',
    });
    expect(editCatalog(c, { ...base, type: 'add', code: 'AZ-104', points: 1 })).toEqual({
      ok: false,
      problem: 'CODE_EXISTS',
    });
    expect(editCatalog(c, { ...base, type: 'remove', code: 'AZ-900' })).toEqual({
      ok: false,
      problem: 'NOT_FOUND',
    });
    expect(editCatalog(c, { type: 'remove', designationId: 'nope', code: 'AZ-104' })).toEqual({
      ok: false,
      problem: 'NOT_FOUND',
    });
  });

  it('marks the catalog as checked against Partner Center', () => {
    const r = editCatalog(sample(), { type: 'mark-checked', checked: true });
    expect(r.ok && r.catalog.sample).toBe(false);
  });
});
