// Stryker over a narrower test set (stryker.unit.vitest.ts: UNIT_TESTS, SKIP_TESTS), for files
// whose mutants the full mutation config reaches only through slow reader tests. Example:
// UNIT_TESTS=src/register/csv.test.ts npx stryker run stryker.unit.mjs --ignoreStatic --mutate src/register/csv.ts
import base from './stryker.config.mjs';

export default { ...base, vitest: { configFile: 'stryker.unit.vitest.ts' } };
