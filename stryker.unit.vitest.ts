import { defineConfig } from 'vitest/config';

// A narrower test set for one Stryker run (`stryker.unit.mjs`, see test/README.md "Mutation
// testing"): only the test files in UNIT_TESTS (comma-separated), and without the tests whose
// names match SKIP_TESTS (a regular expression), e.g. the readers' big property tests. A mutant
// such a run kills, the full set kills too: its score is a lower bound of the full run's.
export default defineConfig({
  test: {
    include: (process.env.UNIT_TESTS ?? '').split(','),
    testNamePattern: process.env.SKIP_TESTS ? new RegExp(`^(?!.*(${process.env.SKIP_TESTS}))`) : undefined,
    testTimeout: 120_000,
    setupFiles: ['test/fast-check-setup.ts'],
    env: { FC_SEED: process.env.FC_SEED || '20191101' },
  },
});
