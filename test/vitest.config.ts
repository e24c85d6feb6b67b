import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['test/**/*.test.ts', 'test/e2e/**/*.e2e.ts'],
    exclude: ['test/bench/**', 'test/soak/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: run files in parallel but keep browser and crash suites from starving each other.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
