/**
 * The page ↔ worker messages: what each side accepts from a message event
 * (whose data anyone could have posted) and what it drops.
 */
import { describe, expect, it } from 'vitest';
import { readAnswer, readRequest } from '../../src/sync/messages';
import { emptyReport } from '../../src/sync/report';

describe('readRequest (the worker side)', () => {
  it('reads the two requests the page sends', () => {
    expect(readRequest({ type: 'SKIP_WAITING' })).toEqual({ type: 'SKIP_WAITING' });
    expect(readRequest({ type: 'DRAIN', reason: 'wake' })).toEqual({
      type: 'DRAIN',
      reason: 'wake',
      ignoreBackoff: false,
    });
    expect(
      readRequest({ type: 'DRAIN', reason: 'sync-now', ignoreBackoff: true, pull: 'org' }),
    ).toEqual({ type: 'DRAIN', reason: 'sync-now', ignoreBackoff: true, pull: 'org' });
  });

  it('keeps at most 40 characters of a reason', () => {
    const read = readRequest({ type: 'DRAIN', reason: 'x'.repeat(500) });
    expect(read?.type === 'DRAIN' && read.reason).toBe('x'.repeat(40));
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'DRAIN'],
    ['null', null],
    ['an unknown type', { type: 'ERASE_EVERYTHING' }],
    ['no type', { reason: 'wake' }],
    ['a reason that is not text', { type: 'DRAIN', reason: { toString: 'x' } }],
    ['no reason', { type: 'DRAIN' }],
    ['a backoff flag that is not a boolean', { type: 'DRAIN', reason: 'r', ignoreBackoff: 'yes' }],
    ['a pull scope that does not exist', { type: 'DRAIN', reason: 'r', pull: 'everyone' }],
  ])('drops %s', (_what, data) => {
    expect(readRequest(data)).toBeNull();
  });
});

describe('readAnswer (the page side)', () => {
  const report = { ...emptyReport('page:wake'), sent: 2, applied: 2 };

  it('reads a report and a failure', () => {
    expect(readAnswer({ ok: true, report })).toEqual({ ok: true, report });
    expect(readAnswer({ ok: false, error: 'Error: boom' })).toEqual({
      ok: false,
      error: 'Error: boom',
    });
  });

  it.each([
    ['nothing', null],
    ['ok without a report', { ok: true }],
    ['a report with an unknown outcome', { ok: true, report: { ...report, outcome: 'done' } }],
    ['a report with a count that is not a number', { ok: true, report: { ...report, sent: '2' } }],
    ['a report with no error field', { ok: true, report: { ...report, error: undefined } }],
    ['a failure without its error', { ok: false }],
    ['a truthy ok that is not true', { ok: 1, report }],
  ])('drops %s', (_what, data) => {
    expect(readAnswer(data)).toBeNull();
  });
});
