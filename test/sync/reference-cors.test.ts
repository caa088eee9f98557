/** The reference server's strict CORS set-up (docs/sync-contract.md), as a browser would probe it. */
import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from './server/reference-server';

const APP = 'http://127.0.0.1:4173';
const empty = { organizations: [], accounts: [], profiles: [], associations: [] };
let server: ReferenceServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const preflight = (url: string, origin: string, headers: string) =>
  fetch(`${url}/link-actions`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': headers,
    },
  });

describe('reference server CORS', () => {
  it('allows only the app origin and the three headers, with a cached preflight', async () => {
    server = await startReferenceServer({ world: empty, tokens: {}, cors: { origin: APP } });
    const ok = await preflight(server.url, APP, 'authorization,content-type,idempotency-key');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(ok.headers.get('access-control-max-age')).toBe('600');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight(server.url, 'https://evil.example', 'content-type')).status).toBe(403);
    expect((await preflight(server.url, APP, 'content-type,x-other')).status).toBe(403);
    const answer = await fetch(`${server.url}/nowhere`, { headers: { Origin: APP } });
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it("'refuse' refuses every preflight; linkActionsStatus answers link-actions so", async () => {
    server = await startReferenceServer({ world: empty, tokens: {}, cors: 'refuse' });
    expect((await preflight(server.url, APP, 'content-type')).status).toBe(403);
    await server.close();
    server = await startReferenceServer({ world: empty, tokens: {}, linkActionsStatus: 404 });
    const answer = await fetch(`${server.url}/link-actions`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(404);
  });
});
