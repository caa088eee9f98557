/** The planner form's raw values are checked before they reach the rules. */
import { describe, expect, it } from 'vitest';
import { checkPlanDate, parseStepForm } from '../../../src/rules/planner/form';

const TODAY = '2026-11-25';
const ACCOUNTS = ['ana-a', 'ana-b'];
const parse = (raw: unknown) => parseStepForm(raw, TODAY, ACCOUNTS, 'New certification');

describe('checkPlanDate', () => {
  it.each([
    ['', 'missing'],
    ['   ', 'missing'],
    ['2026-13-01', 'malformed'],
    ['2027-02-29', 'malformed'],
    ['27-01-15', 'malformed'],
    ['2026/12/01', 'malformed'],
    ['2026-11-24', 'past'],
    ['2031-11-26', 'too-far'],
  ])('%j → %s', (on, problem) => {
    expect(checkPlanDate(on, TODAY)).toBe(problem);
  });

  it('an empty value from a half-typed date input is malformed, not missing', () => {
    expect(checkPlanDate('', TODAY, true)).toBe('malformed');
    expect(parse({ kind: 'unlink', on: '', dateBadInput: true })).toEqual({
      ok: false,
      problems: { on: 'malformed' },
    });
  });

  it.each(['2026-11-25', '2028-02-29', '2031-11-25'])('%s is fine', (on) => {
    expect(checkPlanDate(on, TODAY)).toBeNull();
  });
});

describe('parseStepForm', () => {
  it('makes a link step to one of the person’s accounts', () => {
    expect(parse({ kind: 'link', on: ' 2026-12-10 ', accountId: 'ana-b' })).toEqual({
      ok: true,
      step: { kind: 'link', on: '2026-12-10', accountId: 'ana-b' },
    });
  });

  it('refuses a link without an account, or to someone else’s', () => {
    expect(parse({ kind: 'link', on: '2026-12-10', accountId: '' })).toEqual({
      ok: false,
      problems: { accountId: 'missing' },
    });
    expect(parse({ kind: 'link', on: '2026-12-10', accountId: 'bob-a' })).toEqual({
      ok: false,
      problems: { accountId: 'unknown' },
    });
  });

  it('reports every problem at once', () => {
    expect(parse({ kind: 'link', on: '2026-01-01' })).toEqual({
      ok: false,
      problems: { on: 'past', accountId: 'missing' },
    });
  });

  it('an unlink ignores the account field', () => {
    expect(parse({ kind: 'unlink', on: '2026-12-10', accountId: 'whatever' })).toEqual({
      ok: true,
      step: { kind: 'unlink', on: '2026-12-10' },
    });
  });

  it('a certification gets a tidy title, or the default one', () => {
    expect(parse({ kind: 'certify', on: '2026-12-10', title: '  AI-102 \n  Azure ' })).toEqual({
      ok: true,
      step: { kind: 'certify', on: '2026-12-10', title: 'AI-102 Azure' },
    });
    expect(parse({ kind: 'certify', on: '2026-12-10', title: '' })).toEqual({
      ok: true,
      step: { kind: 'certify', on: '2026-12-10', title: 'New certification' },
    });
    expect(parse({ kind: 'certify', on: '2026-12-10', title: '認'.repeat(121) })).toEqual({
      ok: false,
      problems: { title: 'too-long' },
    });
  });

  it.each([null, 'link', { kind: 'delete', on: '2026-12-10' }, { kind: 'link', on: 20261210 }])(
    'refuses a shape that is not the form’s: %j',
    (raw) => {
      expect(parse(raw)).toEqual({ ok: false, problems: { kind: 'unknown' } });
    },
  );
});
