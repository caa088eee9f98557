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
  },
});
