import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

/** Where the screenshots of the screens go (kept out of git). */
export const SHOTS = 'screenshots';

export interface ServedApp {
  browser: Browser;
  server: StaticServer;
}

/**
 * Chromium and the built app (`dist`) on a loopback server for the file's
 * tests: started before them (with the screenshots folder), closed after.
 */
export function servedApp(): ServedApp {
  const app = {} as ServedApp;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app.browser = await launch();
    app.server = await startStaticServer('dist', '/');
  });
  afterAll(async () => {
    await app.server.close();
    await app.browser.close();
  });
  return app;
}
