import { defineConfig } from 'vitest/config';

/** Each test file's temporary files in a directory of its own, removed after it (test/support/own-tmpdir.ts). */
const OWN_TMPDIR = 'test/support/own-tmpdir.ts';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: [OWN_TMPDIR], testTimeout: 20_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: [OWN_TMPDIR, 'test/support/openapi-fetch.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], setupFiles: [OWN_TMPDIR], testTimeout: 300_000, hookTimeout: 300_000 } },
      // The console in Debian's chromium (playwright-core) against an office started as `npm start` does.
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], setupFiles: [OWN_TMPDIR], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], setupFiles: [OWN_TMPDIR, 'test/support/openapi-fetch.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
