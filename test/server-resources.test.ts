/**
 * Two servers in one process keep their own worker threads and caches (core/resources.ts): the
 * national results one server parsed and cached are never served by another over another
 * database, and closing a server closes (forgets) only its own. Likewise their register import
 * jobs and their metrics: a job or a count of one server is never seen through the other. (The OpenID Connect configuration is
 * covered in oidc.test.ts, the register source and sections in casework-timeline.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../src/core/deps.ts';
import { nationalResults } from '../src/app/register/national-results.ts';
import { CALIBRATION_MONTHS } from '../src/demo/monitor-demo.ts';
import { buildServer } from '../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs, uploadRegister } from './helpers/http.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The metrics text of a server (both have the same token). */
async function metricsOf(app: FastifyInstance): Promise<string> {
  const m = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(m.statusCode).toBe(200);
  return m.body;
}

const cacheLines = (metrics: string) => metrics.split('\n').filter((l) => l.startsWith('fremdrift_results_cache_total{'));
const auditWrites = (metrics: string) => Number(/^fremdrift_audit_writes_total (\d+)$/m.exec(metrics)?.[1]);

describe.each(backends())('server resources on %s', (backend) => {
  let one: TestDb;
  let two: TestDb;
  let depsOne: AppDeps;
  let depsTwo: AppDeps;
  let appOne: FastifyInstance;
  let appTwo: FastifyInstance;
  const opts = { ...CALIBRATION_MONTHS, suppress: 0 };

  beforeAll(async () => {
    [one, two] = await Promise.all([openTestDb(backend), openTestDb(backend)]);
    depsOne = testDeps(one.db, { databaseUrl: one.url, metricsToken: TOKEN });
    depsTwo = testDeps(two.db, { databaseUrl: two.url, metricsToken: TOKEN });
    appOne = await buildServer(depsOne);
    appTwo = await buildServer(depsTwo);
  });
  afterAll(async () => {
    await appTwo?.close();
    await appOne?.close();
    await Promise.all([one?.cleanup(), two?.cleanup()]);
  });

  it('never serves one server’s cached national results to another over another database', async () => {
    const first = await nationalResults(depsOne.resources, depsOne.db, one.url, opts);
    // The second database: every Aalborg woman enrolled later than the report month, at the same
    // data version as the first and with nothing stored, so only a shared memory could answer.
    await two.db.query(`UPDATE enrolment SET enrolled_on = '2030-01-01', exited_on = NULL WHERE municipality_code = '851'`);
    await two.db.query('DELETE FROM national_result');
    await two.db.query('UPDATE data_version SET version = $1 WHERE id = 1', [first.dataVersion]);
    const second = await nationalResults(depsTwo.resources, depsTwo.db, two.url, opts);
    expect(second.dataVersion).toBe(first.dataVersion);
    expect(second.result.laterEnrolments).toBeGreaterThan(first.result.laterEnrolments ?? 0);
    expect(second.result.groups).not.toEqual(first.result.groups);
  });

  it('never shows one server’s register import job or counts through the other', async () => {
    const [beforeOne, beforeTwo] = [await metricsOf(appOne), await metricsOf(appTwo)];
    // The same analyst (same user id: both databases hold the demo) on each server.
    const analyst = await loginAs(appOne, 'analytiker.siri');
    const other = await loginAs(appTwo, 'analytiker.siri');
    const r = await uploadRegister(appOne, analyst, { name: 'ydelser-a.csv', bytes: readFileSync('test/fixtures/import/ydelser-a.csv') });
    expect(r.statusCode).toBe(303);
    const job = `${r.headers.location as string}.json`;
    await expect.poll(async () => JSON.parse((await analyst.get(job)).body).status, { timeout: 60_000, interval: 100 }).toBe('faerdig');
    // The job is the first server's: its database holds it, the second server's does not.
    expect((await other.get(job)).statusCode).toBe(404);
    await analyst.get('/resultater');

    const mine = await metricsOf(appOne);
    expect(mine).toMatch(/^fremdrift_imports_total\{outcome="faerdig"\} 1$/m);
    expect(mine).toMatch(/^fremdrift_import_rows_total [1-9]\d*$/m);
    expect(mine).toMatch(/^fremdrift_results_cache_total\{cache="national",outcome="\w+"\} [1-9]/m);
    expect(auditWrites(mine)).toBeGreaterThan(0);
    const theirs = await metricsOf(appTwo);
    expect(theirs).not.toMatch(/^fremdrift_imports_total\{/m);
    expect(theirs).toMatch(/^fremdrift_import_rows_total 0$/m);
    expect(cacheLines(theirs)).toEqual(cacheLines(beforeTwo));
    expect(cacheLines(mine)).not.toEqual(cacheLines(beforeOne));
    // The second server audited only its own sign-in and look meanwhile, far less than the first.
    expect(auditWrites(theirs) - auditWrites(beforeTwo)).toBeLessThan(auditWrites(mine) - auditWrites(beforeOne));
  });

  it('closing a server forgets its own cached results and leaves the other server’s alone', async () => {
    const a = await nationalResults(depsOne.resources, depsOne.db, one.url, opts);
    const b = await nationalResults(depsTwo.resources, depsTwo.db, two.url, opts);
    await appTwo.close();
    // The first server answers from its memory (the same object); the second reads its stored result afresh.
    expect((await nationalResults(depsOne.resources, depsOne.db, one.url, opts)).result).toBe(a.result);
    const again = await nationalResults(depsTwo.resources, depsTwo.db, two.url, opts);
    expect(again.result).not.toBe(b.result);
    expect(again.result).toEqual(b.result);
  });
});
