/**
 * Fuzzing every form endpoint with malformed input, as a caseworker on her own women: no crash
 * (never a 5xx, never a stack trace), a clear answer, and a rejected form leaves nothing
 * half-written (every row about the woman is byte-for-byte as before).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from '../helpers/db.ts';
import { loginAs, type Session } from '../helpers/http.ts';

/**
 * Posts that are not forms about a woman's case (login, logout, multipart upload, the analysts'
 * code mappings, whose bad input test/register-unknown-codes.test.ts covers).
 */
const NOT_CASE_FORMS = new Set(['/login', '/logout', '/registerdata', '/registerdata/job/:id/koder', '/registerdata/koder/:code']);

const field = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '2099-01-01', '0000-00-00', '31-02-2021', '2021-02-31', 'ja', 'nej', 'true',
    'on', '12345678', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE participant; --", '\u0000', '😀', '37,5', '38'),
);
const form = fc.dictionary(
  fc.constantFrom('date', 'kind', 'participants', 'interpreterUsed', 'note', 'type', 'provider', 'cvr', 'startDate', 'endDate',
    'hoursPerWeek', 'status', 'jobGoal', 'abcA', 'abcB', 'abcC', 'cvOnJobnet', 'cvDate', 'reason', 'exitDate', 'visitation',
    'instrument', 'answer_1', 'cpr', 'firstName', 'lastName', 'countryOfOrigin', 'enrolmentDate', 'caseworkerId', 'overrideReason',
    'flereSkalMedGruppe', 'recruitmentChannel', 'projectId', 'goals'),
  field,
  { maxKeys: 8 },
);

describe.each(backends())('form endpoints under fuzzing on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let s: Session;
  let womanId: string;

  /** Every row about her, in every table with a participant_id (but the audit log, which records the attempt), and her own row. */
  async function fingerprint() {
    const tables = (
      await t.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns WHERE column_name = 'participant_id' AND table_schema = 'public' AND table_name <> 'audit_log' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);
    const parts = [`SELECT md5(p::text) AS d FROM participant p WHERE id = $1`];
    for (const tb of tables) parts.push(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${tb} x WHERE participant_id = $1`);
    const r = await t.db.query<{ d: string }>(parts.join(' UNION ALL '), [womanId]);
    return r.rows.map((x) => x.d).join(',');
  }

  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
    s = await loginAs(app, 'sagsbehandler.aalborg');
    womanId = (await t.db.query<{ id: string }>(`SELECT p.id FROM participant p JOIN enrolment e ON e.participant_id = p.id
      WHERE p.municipality_code = '851' AND e.exited_on IS NULL LIMIT 1`)).rows[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('answers every malformed form without a crash and writes nothing for a rejected one', async () => {
    const posts = app.routeTable.filter((r) => r.method === 'POST' && !NOT_CASE_FORMS.has(r.url));
    expect(posts.length).toBeGreaterThan(3);
    for (const route of posts) {
      const url = route.url.replace(':id', womanId).replace(/:[a-z]+/g, '00000000-0000-4000-8000-000000000000');
      await fc.assert(
        fc.asyncProperty(form, async (f) => {
          const before = await fingerprint();
          const res = await s.post(url, f);
          expect(res.statusCode, `${route.url} ${JSON.stringify(f).slice(0, 200)}`).toBeLessThan(500);
          expect(res.body).not.toMatch(/at [\w.]+ \(.*\.ts:\d+/);
          if (res.statusCode !== 303) expect(await fingerprint(), `${route.url} changed data on a rejected form`).toBe(before);
        }),
        { numRuns: 15 },
      );
    }
  });
});
