/**
 * The response headers a static host should send for MCID Link (README.md,
 * "Hosting"). `npm start`'s preview server and the browser tests' server send
 * exactly these, so what is documented is what is tested. They live in
 * security-headers.json so that the benchmark's host (bench/serve.mjs, plain
 * Node) sends the very same ones.
 */
import headers from './security-headers.json';
export const SECURITY_HEADERS: Readonly<Record<string, string>> = headers;

/** The worker and the page are revalidated, so a deploy is seen; hashed assets are immutable. */
export function cacheControlFor(path: string): string {
  return /\/assets\/[^/]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
