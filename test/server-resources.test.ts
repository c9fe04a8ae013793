/**
 * Two servers in one process keep their own worker threads and caches (core/resources.ts): the
 * national results one server parsed and cached are never served by another over another
 * database, and closing a server closes (forgets) only its own. (The OpenID Connect configuration is
 * covered in oidc.test.ts, the register source and sections in casework-timeline.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../src/core/deps.ts';
import { nationalResults } from '../src/app/register/national-results.ts';
import { CALIBRATION_MONTHS } from '../src/demo/monitor-demo.ts';
import { buildServer } from '../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';

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
    depsOne = testDeps(one.db, { databaseUrl: one.url });
    depsTwo = testDeps(two.db, { databaseUrl: two.url });
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
