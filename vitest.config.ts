import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and integration/browser tests that share a
// migrated, demo-seeded database template built once per run (test/global-setup.ts).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // expect.poll waits this long by default (not 1 s): the CI machine has two busy cores.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    setupFiles: ['test/fast-check-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
