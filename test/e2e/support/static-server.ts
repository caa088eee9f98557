/**
 * A static host for the production build, on 127.0.0.1, like any plain
 * file host: no rewrites. It can serve the build under a sub-path, switch
 * to another build (a deploy), and go "down" (every connection is dropped)
 * so that a test cuts the network for the page AND its service worker.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS, cacheControlFor } from '../../../scripts/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export { SECURITY_HEADERS };

export interface StaticServer {
  /** The app's URL, ending in the base path. */
  url: string;
  origin: string;
  /** Serve another build directory from now on (a deploy). */
  deploy(dir: string): void;
  /** true: drop every connection, as if the network were cut. */
  setDown(down: boolean): void;
  /** Paths requested since start (for asserting the worker served offline). */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(dir: string, basePath = '/'): Promise<StaticServer> {
  let root = resolve(dir);
  let down = false;
  const requests: string[] = [];
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;

  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    void serveFile(file, res);
  });

  async function serveFile(file: string, res: import('node:http').ServerResponse) {
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The worker script and the page are revalidated, so a deploy is seen.
      const cache = cacheControlFor(file);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...SECURITY_HEADERS });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    requests,
    deploy: (next) => {
      root = resolve(next);
    },
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          ok();
        });
      }),
  };
}
