/**
 * Before any browser test: Chromium must be there (a clear stop, never a
 * silent skip), the production build must exist, and a second build (the
 * "new deploy" of the update test) is made beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { assertChromium } from './browser';

export const DIST = 'dist';
export const DIST_V2 = 'dist-e2e-v2';

export default function setup(): void {
  assertChromium();
  if (!existsSync(`${DIST}/index.html`)) {
    throw new Error(
      'No production build in dist/: run `npm run build` first (npm run test:browser does).',
    );
  }
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', DIST_V2, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: { ...process.env, MCID_BUILD_ID: 'e2e-v2' },
    },
  );
}
