/**
 * Fuzzing the casework forms with malformed input under their real field names: never a 5xx,
 * never a stack trace, and a rejected form leaves every row about the woman as it was.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs, type Session } from './helpers/http.ts';

const field = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '2099-01-01', '0000-00-00', '31-02-2021', '2021-02-31', 'on', '12345678', '5',
    'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE participant; --", 'a\u0000b', '😀', '37,5', '38', 'who5', 'virksomhedspraktik',
    'i_gang', 'afsluttet', 'individuel', 'andet', 'SY', 'aktivitetsparat', '0101501234'),
);
const form = fc.dictionary(
  fc.constantFrom('date', 'kind', 'participants', 'interpreterUsed', 'note', 'typeKey', 'provider', 'cvr', 'startDate', 'endDate',
    'hoursPerWeek', 'status', 'jobGoal', 'abcStrategy.a', 'abcStrategy.b', 'abcStrategy.c', 'cvOnJobnet', 'cvDate', 'familyPlan',
    'goals.0.text', 'goals.0.dueDate', 'goals.0.status', 'goals.0.id', 'reason', 'exitDate', 'visitation', 'instrumentKey',
    'answers.glad', 'answers.rolig', 'answers.arbejdsidentitet', 'cpr', 'firstName', 'lastName', 'countryOfOrigin', 'enrolmentDate',
    'caseworkerId', 'overrideReason', 'flereSkalMedGruppe', 'recruitmentChannel', 'projectId', 'municipalityCode', 'caseloadLimit',
    'who5Threshold', 'key', 'name', 'category', 'atCompany'),
  field,
  { maxKeys: 10 },
);

const CASEWORK = /^\/(deltagere\/:id\/(plan|aktiviteter|samtaler|maalinger|indskriv|udskriv)|indskrivning|projekt\/)/;

describe.each(backends())('casework forms under fuzzing on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let womanId: string;

  async function fingerprint() {
    const parts = [`SELECT md5(p::text) AS d FROM participant p WHERE id = $1`];
    for (const tb of ['enrolment', 'casework_plan', 'casework_plan_change', 'casework_activity', 'casework_conversation', 'casework_assessment']) {
      parts.push(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${tb} x WHERE participant_id = $1`);
    }
    parts.push(`SELECT md5(coalesce((SELECT string_agg(x::text, '|' ORDER BY x::text) FROM project_alert_settings x), '') || coalesce((SELECT string_agg(y::text, '|' ORDER BY y::text) FROM project_activity_type y), ''))`);
    return (await t.db.query<{ d: string }>(parts.join(' UNION ALL '), [womanId])).rows.map((x) => x.d).join(',');
  }

  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
    womanId = (await t.db.query<{ id: string }>(`SELECT p.id FROM participant p JOIN enrolment e ON e.participant_id = p.id
      WHERE p.municipality_code = '851' AND e.exited_on IS NULL ORDER BY p.id LIMIT 1`)).rows[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it.each(['sagsbehandler.aalborg', 'projektleder.aalborg'])('answers every malformed casework form from %s without a crash', async (user) => {
    const s: Session = await loginAs(app, user);
    const recordId = async (table: string) =>
      (await t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE participant_id = $1 LIMIT 1`, [womanId])).rows[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const projectId = (await t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
    const posts = app.routeTable.filter((r) => r.method === 'POST' && CASEWORK.test(r.url));
    expect(posts.length).toBeGreaterThan(10);
    for (const route of posts) {
      const table = route.url.includes('aktiviteter') ? 'casework_activity' : route.url.includes('samtaler') ? 'casework_conversation' : 'casework_assessment';
      const url = route.url.replace(':id', womanId).replace(':rid', await recordId(table)).replace(':pid', String(projectId));
      await fc.assert(
        fc.asyncProperty(form, async (f) => {
          const before = await fingerprint();
          const res = await s.post(url, f);
          expect(res.statusCode, `${route.url} ${JSON.stringify(f).slice(0, 200)}`).toBeLessThan(500);
          expect(res.body).not.toMatch(/at [\w.]+ \(.*\.ts:\d+/);
          if (res.statusCode !== 303) expect(await fingerprint(), `${route.url} changed data on a rejected form`).toBe(before);
        }),
        { numRuns: 12 },
      );
    }
  });
});
