// Mutation testing (npm run test:mutation; slow, not in CI): Stryker mutates the code below and
// runs the unit tests against each mutant; a mutant no test notices "survives". Scores and the
// survivors judged harmless are in test/README.md. Override the files with --mutate.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/monitoring/**/*.ts',
    '!src/monitoring/**/*.test.ts',
    '!src/monitoring/test-support.ts',
    '!src/monitoring/index.ts',
    'src/register/**/*.ts',
    '!src/register/**/*.test.ts',
    '!src/register/test-files.ts',
    'src/web/html.ts',
    'src/monitoring/suppress-joint.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1), // the machine is shared
  timeoutMS: 60_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
