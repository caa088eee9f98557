/**
 * Debian's Chromium through playwright-core, with the browser tests' flags. No tool downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import flags from '../test/e2e/support/chromium-flags.json' with { type: 'json' };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless as root on a machine with no network (test/e2e/support/chromium-flags.json). */
export const CHROMIUM_FLAGS = flags;

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** Waits until a service worker controls the page (the warm, offline-capable state). */
export async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}
