import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // UI tests opt in to happy-dom with a `// @vitest-environment happy-dom` line.
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // The property tests over generated worlds take seconds on a 2-core CI
    // machine; 5 s (the default) times them out when the machine is busy.
    testTimeout: 20_000,
  },
});
