import { defineConfig } from 'vitest/config';

/**
 * Two projects: unit and integration tests run in parallel; the end-to-end tests each start
 * the host and a Chromium, so they run one file at a time.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/e2e/**', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', fileParallelism: false },
      },
    ],
  },
});
