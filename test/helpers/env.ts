/** Test settings shared by the global setup and the test files. */
export const TEST_SECRET = 'fremdrift-test-secret-0123456789';
export const pgAdminUrl = () => process.env.FREMDRIFT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export function pgDbUrl(name: string) {
  const u = new URL(pgAdminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}
