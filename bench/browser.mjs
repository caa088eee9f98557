/**
 * Debian's Chromium through playwright-core, with the browser tests' flags. No tool downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import flags from '../test/e2e/support/chromium-flags.json' with { type: 'json' };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless as root on a machine with no network (test/e2e/support/chromium-flags.json). */
export const CHROMIUM_FLAGS = flags;

function checkChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
}

export async function launch() {
  checkChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A browser context with a profile on disk (a temporary folder, removed on
 * close), as a person's browser has: what IndexedDB costs is measured here.
 * A `browser.newContext()` is an incognito profile whose IndexedDB lives in
 * memory, and there a bulk write of the large file took about 8× as long as
 * on disk (82 s vs 11 s for the raw write), which is no one's real case.
 * Each such context is a browser of its own.
 */
export async function diskContext(options = {}) {
  checkChromium();
  const dir = await mkdtemp(join(tmpdir(), 'mcid-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    ...options,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  };
  return context;
}

/** Waits until a service worker controls the page (the warm, offline-capable state). */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}
