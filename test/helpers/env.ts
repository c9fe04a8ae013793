/** Test settings shared by the global setup and the test files. */
export const TEST_SECRET = 'fremdrift-test-secret-0123456789';
export const pgAdminUrl = () => process.env.FREMDRIFT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export function pgDbUrl(name: string) {
  const u = new URL(pgAdminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}
/**
 * The day the test run pretends it is (YYYY-MM-DD), or null for the real day. The demo's current
 * project draws its women up to the day it is seeded, so a test that passes today can fail on a
 * later day's CI; `FREMDRIFT_TEST_TODAY=2027-01-01 npm test` seeds the test templates for that day
 * (test/global-setup.ts) and sets each test file's clock to it (test/test-today-setup.ts). Test
 * runs only: the server and the CLI never read it.
 */
export function testToday(): string | null {
  const day = process.env.FREMDRIFT_TEST_TODAY;
  if (!day) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new Error(`FREMDRIFT_TEST_TODAY must be a date YYYY-MM-DD, not ${day}`);
  }
  return day;
}
