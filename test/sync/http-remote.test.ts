import { describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../src/rules';
import { createHttpRemote, validateBaseUrl, validateToken, type FetchLike } from '../../src/sync';
import { batchKey, parseRetryAfter } from '../../src/sync/http-remote';
import { wireAction } from './fixtures';

interface Seen {
  url: string;
  init: RequestInit;
}

function fetchAnswering(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: Seen[] = [];
  const fetch: FetchLike = (url, init) => {
    seen.push({ url, init });
    return Promise.resolve(new Response(body, { status, headers }));
  };
  return { fetch, seen };
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { kind?: string }).kind ?? String(error);
  }
  return 'no error';
}

describe('validateBaseUrl', () => {
  it('accepts http and https and drops the trailing slash', () => {
    expect(validateBaseUrl(' https://pc.example/api/ ')).toBe('https://pc.example/api');
    expect(validateBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
  it.each([
    'ftp://pc.example',
    'javascript:alert(1)',
    'not a url',
    'https://u:p@pc.example',
    'https://pc.example/?x=1',
  ])('refuses %s', (url) => {
    expect(() => validateBaseUrl(url)).toThrow(TypeError);
  });
});

describe('validateToken', () => {
  it('accepts a Bearer token and refuses one that could break the header', () => {
    expect(validateToken('abc.DEF-123_~+/==')).toBe('abc.DEF-123_~+/==');
    for (const bad of ['two words', 'line\nX-Evil: 1', 'tab\t', 'ü', '']) {
      expect(() => validateToken(bad)).toThrow(TypeError);
    }
    expect(() => createHttpRemote({ baseUrl: 'https://pc.example', token: 'a b' })).toThrow(
      TypeError,
    );
  });
});

describe('HTTP remote', () => {
  it('POSTs the batch with the token, an idempotency key and JSON', async () => {
    const { fetch, seen } = fetchAnswering(
      200,
      JSON.stringify({ results: [{ id: 'a1', status: 'applied' }] }),
    );
    const remote = createHttpRemote({ baseUrl: 'https://pc.example/api/', token: 'tok', fetch });
    expect(await remote.send([wireAction('a1')])).toEqual([{ id: 'a1', status: 'applied' }]);
    const [call] = seen;
    expect(call?.url).toBe('https://pc.example/api/link-actions');
    expect(call?.init.method).toBe('POST');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get('idempotency-key')).toBe(batchKey([wireAction('a1')]));
    expect(headers.get('content-type')).toBe('application/json');
    expect(call?.init.redirect).toBe('error');
    expect(JSON.parse(call?.init.body as string)).toEqual({ actions: [wireAction('a1')] });
  });

  it('sends no Authorization header without a token, and GETs the state by account', async () => {
    const state = {
      accountId: 'a/b',
      asOf: '2026-11-25T09:00:00Z',
      associations: [],
      nextAssociationOn: {},
    };
    const { fetch, seen } = fetchAnswering(200, JSON.stringify(state));
    const remote = createHttpRemote({ baseUrl: 'https://pc.example', fetch });
    expect(await remote.state('a/b')).toEqual(state);
    expect(seen[0]?.url).toBe('https://pc.example/accounts/a%2Fb/state');
    expect(new Headers(seen[0]?.init.headers).has('authorization')).toBe(false);
  });

  it('gives different batches different keys, and the same batch the same key', () => {
    expect(batchKey([wireAction('a1'), wireAction('a2')])).toBe(
      batchKey([wireAction('a1'), wireAction('a2')]),
    );
    expect(batchKey([wireAction('a1'), wireAction('a2')])).not.toBe(
      batchKey([wireAction('a2'), wireAction('a1')]),
    );
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [400, 'bad-request'],
    [422, 'bad-request'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
    [404, 'server'],
    [408, 'timeout'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    const { fetch } = fetchAnswering(status, 'nope');
    const remote = createHttpRemote({ baseUrl: 'https://pc.example', fetch });
    expect(await kindOf(remote.send([wireAction('a1')]))).toBe(kind);
  });

  it('reads Retry-After as seconds or as a date', async () => {
    const { fetch } = fetchAnswering(429, '', { 'Retry-After': '12' });
    const remote = createHttpRemote({ baseUrl: 'https://pc.example', fetch });
    await expect(remote.send([wireAction('a1')])).rejects.toMatchObject({ retryAfterMs: 12_000 });
    const now = Date.parse('2026-11-25T09:00:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('calls a non-JSON 200 malformed, and a thrown fetch a network error', async () => {
    const { fetch } = fetchAnswering(200, '{"results": [');
    expect(
      await kindOf(
        createHttpRemote({ baseUrl: 'https://pc.example', fetch }).send([wireAction('a1')]),
      ),
    ).toBe('malformed');
    const failing: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(
      await kindOf(
        createHttpRemote({ baseUrl: 'https://pc.example', fetch: failing }).send([
          wireAction('a1'),
        ]),
      ),
    ).toBe('network');
  });

  it('gives up after the timeout', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const remote = createHttpRemote({
      baseUrl: 'https://pc.example',
      fetch: hanging,
      timeoutMs: 20,
    });
    expect(await kindOf(remote.send([wireAction('a1')]))).toBe('timeout');
  });

  it('refuses a batch over MAX_BATCH before sending anything', async () => {
    const { fetch, seen } = fetchAnswering(200, '{}');
    const remote = createHttpRemote({ baseUrl: 'https://pc.example', fetch });
    const many = Array.from({ length: MAX_BATCH + 1 }, (_, i) => wireAction(`a${i}`));
    await expect(remote.send(many)).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });
});
