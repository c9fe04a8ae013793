import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run test:mutation): the unit tests of the
// mutated areas and the pure suppression and reader property tests; no database, no browser.
export default defineConfig({
  test: {
    include: [
      'src/monitoring/**/*.test.ts',
      'src/register/**/*.test.ts',
      'src/web/**/*.test.ts',
      'test/reports-suppress.test.ts',
      'test/suppress-pass.test.ts',
      'test/fuzz/readers.test.ts',
    ],
    testTimeout: 120_000,
    setupFiles: ['test/fast-check-setup.ts'],
    // A fixed seed, so that a mutant is judged on the same cases as the dry run.
    env: { FC_SEED: process.env.FC_SEED || '20191101' },
  },
});
