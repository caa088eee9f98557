/**
 * A plain static host for the benchmarks, on 127.0.0.1, like
 * test/e2e/support/static-server.ts (which a .mjs cannot import): no
 * rewrites, immutable caching for hashed assets, the security headers the
 * README asks a host to send, and gzip for text when the browser accepts it
 * (as every static host does: Lighthouse's simulated slow 4G would
 * otherwise time three times the bytes a phone receives). Several builds can share one origin under
 * different paths (the app and the benchmark harness must, to share
 * IndexedDB).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
// The headers README.md asks a host to send (scripts/security-headers.ts reads the same file).
import SECURITY_HEADERS from '../scripts/security-headers.json' with { type: 'json' };

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * @param {{ path: string, dir: string, headers?: boolean }[]} mounts
 *   `path` ends in `/`; `headers: false` leaves out the CSP (the bare build
 *   registers its worker with a plain string, which Trusted Types refuse).
 * @returns {Promise<{ origin: string, url: (path: string) => string, close: () => Promise<void> }>}
 */
export async function serve(mounts) {
  const roots = mounts.map((m) => ({ ...m, root: resolve(m.dir) }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const mount = roots.find((m) => url.pathname.startsWith(m.path));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(mount.path.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(mount.root, rel));
    if (!file.startsWith(mount.root)) {
      res.writeHead(403).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    void send(file, mount.headers !== false, gzip, res);
  });

  async function send(file, withHeaders, gzip, res) {
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const raw = await readFile(file);
      const cache = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const compress = gzip && !type.startsWith('image/png');
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': cache,
        Vary: 'Accept-Encoding',
        ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
        ...(withHeaders ? SECURITY_HEADERS : {}),
      });
      res.end(compress ? gzipSync(raw, { level: 9 }) : raw);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  }

  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}
