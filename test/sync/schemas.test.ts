import { describe, expect, it } from 'vitest';
import { parseAccountState, parseBatchResponse } from '../../src/sync/schemas';
import { wireAction } from './fixtures';

const actions = ['a1', 'a2'].map(wireAction);

function malformed(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ name: 'RemoteError', kind: 'malformed' });
    return (error as Error).message;
  }
  throw new Error('expected a malformed answer');
}

describe('batch answer schema', () => {
  it('accepts results for the same ids in order, dropping unknown fields', () => {
    const results = parseBatchResponse(
      {
        results: [
          {
            id: 'a1',
            status: 'applied',
            association: { profileId: 'p', accountId: 'acc', startedOn: '2026-11-25' },
            extra: 1,
          },
          { id: 'a2', status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
        ],
        server: 'v2',
      },
      actions,
    );
    expect(results).toEqual([
      {
        id: 'a1',
        status: 'applied',
        association: { profileId: 'p', accountId: 'acc', startedOn: '2026-11-25' },
      },
      { id: 'a2', status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-12-25' },
    ]);
  });

  it.each([
    ['not an object', 'nope'],
    ['no results', {}],
    ['one result missing', { results: [{ id: 'a1', status: 'applied' }] }],
    [
      'ids swapped',
      {
        results: [
          { id: 'a2', status: 'applied' },
          { id: 'a1', status: 'applied' },
        ],
      },
    ],
    [
      'unknown status',
      {
        results: [
          { id: 'a1', status: 'ok' },
          { id: 'a2', status: 'applied' },
        ],
      },
    ],
    [
      'a refusal without code',
      {
        results: [
          { id: 'a1', status: 'rejected' },
          { id: 'a2', status: 'applied' },
        ],
      },
    ],
    [
      'an impossible date',
      {
        results: [
          { id: 'a1', status: 'rejected', code: 'COOL_OFF', nextAllowedOn: '2026-02-30' },
          { id: 'a2', status: 'applied' },
        ],
      },
    ],
    [
      'a date with a time',
      {
        results: [
          {
            id: 'a1',
            status: 'applied',
            association: { profileId: 'p', accountId: 'acc', startedOn: '2026-11-25T00:00' },
          },
          { id: 'a2', status: 'applied' },
        ],
      },
    ],
  ])('refuses %s', (_label, body) => {
    malformed(() => parseBatchResponse(body, actions));
  });
});

describe('account state schema', () => {
  const good = {
    accountId: 'acc',
    asOf: '2026-11-25T09:00:00Z',
    associations: [
      {
        profileId: 'p',
        accountId: 'acc',
        startedOn: '2026-01-01',
        endedOn: '2026-02-01',
        endReason: 'moved',
      },
    ],
    nextAssociationOn: { p: '2026-11-25' },
  };

  it('accepts the contract’s shape', () => {
    expect(parseAccountState(good, 'acc')).toEqual(good);
  });

  it('refuses another account, a bad end reason, a bad date in the map', () => {
    expect(malformed(() => parseAccountState(good, 'other'))).toContain('another account');
    malformed(() =>
      parseAccountState(
        { ...good, associations: [{ ...good.associations[0], endReason: 'gone' }] },
        'acc',
      ),
    );
    malformed(() => parseAccountState({ ...good, nextAssociationOn: { p: 'soon' } }, 'acc'));
    malformed(() => parseAccountState({ ...good, asOf: 'yesterday' }, 'acc'));
  });
});
