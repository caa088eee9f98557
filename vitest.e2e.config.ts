import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the production build on 127.0.0.1. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine: files run one after another.
    fileParallelism: false,
  },
});
