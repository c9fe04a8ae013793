import { defineConfig } from 'vitest/config';

// One fast-check seed per run, new each run unless FC_SEED is given; printed so that any
// failure can be replayed from the log (test/fast-check-setup.ts reads it).
// (The config may be read more than once; the first reading fixes the seed for the rest.)
if (!process.env.FC_SEED) {
  process.env.FC_SEED = String(Math.floor(Math.random() * 2 ** 31));
  console.log(`[fast-check] seed ${process.env.FC_SEED} — replay with FC_SEED=${process.env.FC_SEED}`);
}
const fcSeed = process.env.FC_SEED;

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
    env: { FC_SEED: fcSeed },
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/test-today-setup.ts'],
        },
      },
    ],
  },
});
