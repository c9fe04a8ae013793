/** The closing line of `.ci/run` counts failed suites: a collection error never reads "0 failed". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { summary } from '../.ci/summary.mjs';

// A real Vitest JSON report: one file that throws while being collected, one passing test.
const collectionError = JSON.parse(readFileSync(new URL('./fixtures/ci/collection-error.json', import.meta.url), 'utf8'));

describe('CI closing line', () => {
  it('counts a suite that failed to load, though no test failed', () => {
    expect(collectionError.numFailedTests).toBe(0);
    expect(collectionError.testResults.find((t: { status: string }) => t.status === 'failed').message).toContain('collection fails');
    expect(summary(collectionError)).toBe('1 passed, 0 failed, 1 failed suite');
  });

  it('says a run did not succeed even when the report counts nothing as failed', () => {
    expect(summary({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0, success: false })).toMatch(/did not succeed/);
    expect(summary({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0, success: true })).toBe(
      '3 passed, 0 failed',
    );
    expect(summary({ numPassedTests: 3, numFailedTests: 2, numFailedTestSuites: 3, numPendingTests: 1, success: false })).toBe(
      '3 passed, 2 failed, 3 failed suites, 1 skipped',
    );
  });
});
