import { describe, it, expect } from 'vitest';
import { applyEnds, decideLink, decideUnlink } from '../../src/rules';
import { demoWorld, self } from './fixtures';

const TODAY = '2026-11-25';

interface Row {
  id: string;
  profileId: string;
  accountId: string;
  startedOn: string;
  endedOn: string | null;
  endReason: 'unlinked' | 'moved' | 'account-deleted' | null;
}

function row(id: string, accountId: string, startedOn: string, endedOn: string | null = null): Row {
  return {
    id,
    profileId: 'learn-ana',
    accountId,
    startedOn,
    endedOn,
    endReason: endedOn === null ? null : 'unlinked',
  };
}

describe('applyEnds', () => {
  it('ends the link a move ends, keeping the row’s other fields, and leaves the input alone', () => {
    const rows = [row('old', 'ana-a', '2025-01-10', '2025-02-01'), row('a', 'ana-a', '2026-01-10')];
    const before = structuredClone(rows);
    const decision = decideLink({ ...demoWorld(), associations: rows }, self('ana-b'), TODAY);
    if (!decision.ok) throw new Error('the move is allowed');
    const { associations, ended } = applyEnds(rows, decision.ends, TODAY, 'moved');
    const closed = { ...row('a', 'ana-a', '2026-01-10'), endedOn: TODAY, endReason: 'moved' };
    expect(ended).toEqual([closed]);
    expect(associations).toEqual([rows[0], closed]);
    expect(associations).not.toBe(rows);
    expect(rows).toEqual(before);
  });

  it('ends the unlinked row with the reason given', () => {
    const rows = [row('a', 'ana-a', '2026-01-10')];
    const decision = decideUnlink({ ...demoWorld(), associations: rows }, self('ana-a'), TODAY);
    if (!decision.ok) throw new Error('the unlink is allowed');
    expect(applyEnds(rows, decision.ends, TODAY, 'unlinked').ended).toEqual([
      { ...rows[0], endedOn: TODAY, endReason: 'unlinked' },
    ]);
  });

  it('passes over an end that names no open row (already ended, or unknown)', () => {
    const rows = [row('old', 'ana-a', '2026-01-10', '2026-02-01')];
    const ends = [
      { profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-01-10' },
      { profileId: 'learn-ana', accountId: 'ana-b', startedOn: '2026-03-01' },
    ];
    expect(applyEnds(rows, ends, TODAY, 'moved')).toEqual({ associations: rows, ended: [] });
  });

  it('ends each named row once: two ends of twin rows end both, in the order of the ends', () => {
    const rows = [row('x', 'ana-a', '2026-01-10'), row('y', 'ana-a', '2026-01-10')];
    const end = { profileId: 'learn-ana', accountId: 'ana-a', startedOn: '2026-01-10' };
    const { associations, ended } = applyEnds(rows, [end, end], TODAY, 'unlinked');
    expect(ended.map((r) => r.id)).toEqual(['x', 'y']);
    expect(associations.every((r) => r.endedOn === TODAY && r.endReason === 'unlinked')).toBe(true);
  });
});
