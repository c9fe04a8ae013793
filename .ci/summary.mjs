// The closing line of a CI run, from Vitest's JSON report: passed and failed tests, and failed
// suites, because a file that fails to load (a collection error, a failing hook) has no failed
// test of its own. It never says "0 failed" for a run that did not succeed.
import { readFileSync } from 'node:fs';

export function summary(r) {
  const suites = r.numFailedTestSuites ?? 0;
  let line = `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
  if (suites) line += `, ${suites} failed ${suites === 1 ? 'suite' : 'suites'}`;
  if (r.numPendingTests) line += `, ${r.numPendingTests} skipped`;
  if (r.success === false && !r.numFailedTests && !suites) line += ' — but the run did not succeed';
  return line;
}

if (process.argv[2]) console.log(summary(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
