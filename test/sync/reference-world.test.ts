/**
 * The reference server decides from its own records, as a real Partner
 * Center does: the tests of the contract must not pass because the server
 * believed what an action said about its profile.
 */
import { describe, expect, it } from 'vitest';
import type { WireAction } from '../../src/rules';
import { ANY_ACTOR, handleAction, type ServerWorld } from './server/world';

const TODAY = '2026-11-25';

function world(): ServerWorld {
  return {
    organizations: [{ id: 'org', domains: ['a.example'] }],
    accounts: [
      { id: 'ann', orgId: 'org', personId: 'p-ann', email: 'ann@a.example', deletedOn: null },
      { id: 'bob', orgId: 'org', personId: 'p-bob', email: 'bob@a.example', deletedOn: null },
    ],
    profiles: [
      { id: 'ann-learn', personId: 'p-ann', kind: 'learn', mcid: '1234567' },
      { id: 'ann-empty', personId: 'p-ann', kind: 'learn', mcid: null },
      { id: 'bob-learn', personId: 'p-bob', kind: 'learn', mcid: '7654321' },
    ],
    associations: [],
  };
}

function linkOf(profile: WireAction['profile'], accountId = 'ann'): WireAction {
  return {
    id: crypto.randomUUID(),
    type: 'link',
    actorAccountId: accountId,
    accountId,
    profile,
    requestedAt: `${TODAY}T09:00:00Z`,
  };
}

describe('reference server: decides from its own records', () => {
  it.each([
    [
      'a Learn profile sent as Partner University',
      { kind: 'partner-university', id: 'ann-learn' },
      'PROFILE_MISMATCH',
    ],
    [
      'another MCID than its record',
      { kind: 'learn', id: 'ann-learn', mcid: '1111111' },
      'PROFILE_MISMATCH',
    ],
    [
      'a profile it has no record of',
      { kind: 'learn', id: 'ghost', mcid: '1111111' },
      'PROFILE_MISMATCH',
    ],
    [
      'an incomplete profile with an invented MCID',
      { kind: 'learn', id: 'ann-empty', mcid: '1111111' },
      'PROFILE_INCOMPLETE',
    ],
    ['another person’s profile', { kind: 'learn', id: 'bob-learn', mcid: '7654321' }, 'NOT_SELF'],
  ] as const)('refuses %s', (_, profile, code) => {
    const w = world();
    expect(handleAction(w, linkOf(profile), ANY_ACTOR, TODAY)).toMatchObject({
      status: 'rejected',
      code,
    });
    expect(w.associations).toEqual([]);
  });

  it('applies the action that matches its record', () => {
    const w = world();
    const result = handleAction(
      w,
      linkOf({ kind: 'learn', id: 'ann-learn', mcid: '1234567' }),
      'ann',
      TODAY,
    );
    expect(result).toMatchObject({ status: 'applied' });
    expect(w.associations).toHaveLength(1);
  });
});
