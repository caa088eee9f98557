/**
 * The planner's timeline against dates worked out by hand from the policy
 * (3 starts per 12 months, 30 days of cool-off, 10 days of credit lag,
 * removal at the refresh on the 10th of the next month). Today: 2026-11-25.
 */
import { describe, expect, it } from 'vitest';
import { RulesInputError } from '../../../src/rules';
import { simulatePlan } from '../../../src/rules/planner/simulate';
import type { PlanOutcome, TimelineEvent } from '../../../src/rules/planner/types';
import { TODAY, anaData, assoc } from './fixtures';

function kinds(outcome: PlanOutcome, kind: TimelineEvent['kind']) {
  return outcome.timeline.filter((e) => e.kind === kind);
}

describe('a move inside the cool-off (A since 2026-11-10)', () => {
  const data = anaData([assoc('ana-a', '2026-11-10')]);

  it('is refused on 2026-11-30 with the day the 30 days end', () => {
    const out = simulatePlan(data, [{ kind: 'link', on: '2026-11-30', accountId: 'ana-b' }]);
    const [step] = out.steps;
    expect(step?.decision).toEqual({ ok: false, code: 'COOL_OFF', nextAllowedOn: '2026-12-10' });
    expect(step?.firstAllowedOn).toBe('2026-12-10');
    expect(out.nextAssociationOn).toBe('2026-12-10');
    // Refused: A keeps the link, so no credit moves.
    expect(kinds(out, 'credit-leaves')).toEqual([]);
    expect(kinds(out, 'link-starts')).toEqual([]);
    expect(out.timeline[0]).toEqual({
      kind: 'refused',
      on: '2026-11-30',
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-10',
    });
  });

  it('on 2026-12-10: A ends, B receives AZ-900 on 12-20, A loses it on 2027-01-10', () => {
    const out = simulatePlan(data, [{ kind: 'link', on: '2026-12-10', accountId: 'ana-b' }]);
    const [step] = out.steps;
    expect(step?.decision).toEqual({
      ok: true,
      ends: [{ profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-11-10' }],
    });
    expect(step?.afterStart).toEqual({
      coolOffEndsOn: '2027-01-09',
      remaining: 1,
      returnsOn: ['2027-11-10', '2027-12-10'],
      nextAllowedOn: '2027-01-09',
    });
    expect(out.timeline).toEqual([
      { kind: 'link-ends', on: '2026-12-10', accountId: 'ana-a', orgId: 'org-a', reason: 'moved' },
      { kind: 'link-starts', on: '2026-12-10', accountId: 'ana-b', orgId: 'org-b' },
      {
        kind: 'credit-arrives',
        on: '2026-12-20',
        orgId: 'org-b',
        accountId: 'ana-b',
        achievementId: 'az-900',
        title: 'AZ-900',
      },
      { kind: 'cool-off-ends', on: '2027-01-09' },
      { kind: 'next-association', on: '2027-01-09' },
      {
        kind: 'credit-leaves',
        on: '2027-01-10',
        orgId: 'org-a',
        accountId: 'ana-a',
        achievementId: 'az-900',
        title: 'AZ-900',
      },
      { kind: 'slot-returns', on: '2027-11-10', available: 2 },
      { kind: 'slot-returns', on: '2027-12-10', available: 3 },
    ]);
  });

  it('with no plan, shows today’s situation: cool-off and next association on 12-10', () => {
    const out = simulatePlan(data, []);
    expect(out.nextAssociationOn).toBe('2026-12-10');
    expect(out.coolOffEndsOn).toBe('2026-12-10');
    expect(out.remainingInWindow).toBe(2);
    expect(kinds(out, 'slot-returns')).toEqual([
      { kind: 'slot-returns', on: '2027-11-10', available: 3 },
    ]);
  });
});

describe('a fourth association inside the 12-month window', () => {
  // Starts on 2026-01-15 (A), 2026-03-01 (B), 2026-06-20 (A, active).
  const data = anaData([
    assoc('ana-a', '2026-01-15', '2026-03-01'),
    assoc('ana-b', '2026-03-01', '2026-06-20'),
    assoc('ana-a', '2026-06-20'),
  ]);

  it('is refused until the first start leaves the window on 2027-01-15', () => {
    const out = simulatePlan(data, [{ kind: 'link', on: '2026-12-01', accountId: 'ana-b' }]);
    expect(out.steps[0]?.decision).toEqual({
      ok: false,
      code: 'YEARLY_LIMIT',
      nextAllowedOn: '2027-01-15',
    });
    expect(out.remainingInWindow).toBe(0);
  });

  it('on 2027-01-15 uses the last free start; the next comes back on 2027-03-01', () => {
    const out = simulatePlan(data, [{ kind: 'link', on: '2027-01-15', accountId: 'ana-b' }]);
    expect(out.steps[0]?.decision.ok).toBe(true);
    expect(out.steps[0]?.afterStart).toEqual({
      coolOffEndsOn: '2027-02-14',
      remaining: 0,
      returnsOn: ['2027-03-01', '2027-06-20', '2028-01-15'],
      nextAllowedOn: '2027-03-01',
    });
    expect(out.nextAssociationOn).toBe('2027-03-01');
    expect(kinds(out, 'slot-returns').map((e) => [e.on, 'available' in e && e.available])).toEqual([
      ['2027-03-01', 1],
      ['2027-06-20', 2],
      ['2028-01-15', 3],
    ]);
    // A held AZ-900 since 2026-06-30; it leaves at the refresh after the move.
    expect(kinds(out, 'credit-leaves').map((e) => e.on)).toEqual(['2027-02-10']);
    expect(kinds(out, 'credit-arrives').map((e) => e.on)).toEqual(['2027-01-25']);
  });
});

describe('a certification completed before and after a link', () => {
  // Linked to A since 2026-01-05: the only start in the window.
  const data = anaData([assoc('ana-a', '2026-01-05')], []);

  it('before the move: A counts it from completion + 10 days, B from the link + 10 days', () => {
    const out = simulatePlan(data, [
      { kind: 'link', on: '2026-12-15', accountId: 'ana-b' },
      { kind: 'certify', on: '2026-12-01', title: 'AI-102' },
      { kind: 'certify', on: '2027-01-20', title: 'AZ-204' },
    ]);
    const credits = out.timeline
      .filter((e) => e.kind === 'credit-arrives' || e.kind === 'credit-leaves')
      .map((e) => [e.kind, e.on, 'orgId' in e ? e.orgId : '', 'title' in e ? e.title : '']);
    expect(credits).toEqual([
      ['credit-arrives', '2026-12-11', 'org-a', 'AI-102'],
      ['credit-arrives', '2026-12-25', 'org-b', 'AI-102'],
      ['credit-leaves', '2027-01-10', 'org-a', 'AI-102'],
      // After the move it counts for B only, 10 days after completion.
      ['credit-arrives', '2027-01-30', 'org-b', 'AZ-204'],
    ]);
    // Outcomes come back in the order the steps were given.
    expect(out.steps.map((s) => s.step.kind)).toEqual(['link', 'certify', 'certify']);
  });

  it('completed 5 days before the move, its credit date falls after A ended: A never gets it', () => {
    const out = simulatePlan(data, [
      { kind: 'certify', on: '2026-12-10', title: 'AI-102' },
      { kind: 'link', on: '2026-12-15', accountId: 'ana-b' },
    ]);
    const credits = out.timeline
      .filter((e) => e.kind === 'credit-arrives' || e.kind === 'credit-leaves')
      .map((e) => [e.kind, e.on, 'orgId' in e ? e.orgId : '']);
    expect(credits).toEqual([['credit-arrives', '2026-12-25', 'org-b']]);
  });
});

describe('unlinking', () => {
  const data = anaData([assoc('ana-a', '2026-01-05')]);

  it('ends the link and schedules the removal; it gives no start back', () => {
    const out = simulatePlan(data, [{ kind: 'unlink', on: '2026-12-20' }]);
    expect(out.steps[0]?.decision.ok).toBe(true);
    expect(kinds(out, 'link-ends')).toEqual([
      {
        kind: 'link-ends',
        on: '2026-12-20',
        accountId: 'ana-a',
        orgId: 'org-a',
        reason: 'unlinked',
      },
    ]);
    expect(kinds(out, 'credit-leaves').map((e) => e.on)).toEqual(['2027-01-10']);
    expect(out.remainingInWindow).toBe(2);
  });

  it('twice: the second is refused as NOT_LINKED', () => {
    const out = simulatePlan(data, [
      { kind: 'unlink', on: '2026-12-20' },
      { kind: 'unlink', on: '2026-12-21' },
    ]);
    expect(out.steps[1]?.decision).toEqual({ ok: false, code: 'NOT_LINKED' });
    expect(out.steps[1]?.firstAllowedOn).toBeNull();
  });

  it('then linking again still waits for the cool-off of the last start, not of the unlink', () => {
    const recent = anaData([assoc('ana-a', '2026-11-20')]);
    const out = simulatePlan(recent, [
      { kind: 'unlink', on: '2026-11-26' },
      { kind: 'link', on: '2026-12-01', accountId: 'ana-b' },
    ]);
    expect(out.steps[1]?.decision).toEqual({
      ok: false,
      code: 'COOL_OFF',
      nextAllowedOn: '2026-12-20',
    });
  });
});

describe('other refusals and bad input', () => {
  it('linking again to the account it is linked to is ALREADY_LINKED, with no date', () => {
    const out = simulatePlan(anaData([assoc('ana-a', '2026-01-05')]), [
      { kind: 'link', on: '2026-12-01', accountId: 'ana-a' },
    ]);
    expect(out.steps[0]?.decision).toEqual({ ok: false, code: 'ALREADY_LINKED' });
    expect(out.steps[0]?.firstAllowedOn).toBeNull();
  });

  it('an account deleted before the planned day has no access', () => {
    const data = anaData([]);
    data.accounts = data.accounts.map((a) =>
      a.id === 'ana-b' ? { ...a, deletedOn: '2026-12-01' } : a,
    );
    const out = simulatePlan(data, [{ kind: 'link', on: '2026-12-05', accountId: 'ana-b' }]);
    expect(out.steps[0]?.decision).toEqual({ ok: false, code: 'NO_ACCESS' });
  });

  it('a step in the past throws (the form must refuse it first)', () => {
    expect(() => simulatePlan(anaData([]), [{ kind: 'unlink', on: '2026-11-24' }])).toThrow(
      RulesInputError,
    );
  });

  it('does not change the data it was given', () => {
    const data = anaData([assoc('ana-a', '2026-01-05')]);
    const before = JSON.stringify(data);
    simulatePlan(data, [
      { kind: 'link', on: '2026-12-15', accountId: 'ana-b' },
      { kind: 'certify', on: '2026-12-16', title: 'X' },
    ]);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('works from today for the first step', () => {
    const out = simulatePlan(anaData([]), [{ kind: 'link', on: TODAY, accountId: 'ana-a' }]);
    expect(out.steps[0]?.decision.ok).toBe(true);
    expect(out.steps[0]?.afterStart?.remaining).toBe(2);
  });
});

describe('more starts in the window than the limit (imported data)', () => {
  it('counts the returns from the real number of starts', () => {
    const data = anaData([
      assoc('ana-a', '2026-01-10', '2026-03-01'),
      assoc('ana-b', '2026-03-01', '2026-05-01'),
      assoc('ana-a', '2026-05-01', '2026-07-01'),
      assoc('ana-b', '2026-07-01'),
    ]);
    const out = simulatePlan(data, []);
    expect(out.remainingInWindow).toBe(0);
    expect(
      out.timeline
        .filter((e) => e.kind === 'slot-returns')
        .map((e) => [e.on, 'available' in e && e.available]),
    ).toEqual([
      ['2027-01-10', 0],
      ['2027-03-01', 1],
      ['2027-05-01', 2],
      ['2027-07-01', 3],
    ]);
    expect(out.nextAssociationOn).toBe('2027-03-01');
  });
});
