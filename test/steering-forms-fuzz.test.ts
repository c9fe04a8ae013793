/**
 * The project leader's steering forms under malformed input: never a 5xx, always a saved form
 * (303) or the form again with Danish errors (400), and a rejected form writes nothing.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';

const field = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '50', '12,5', '100,0001', '31-12-2022', '2022-12-31', '0000-00-00', '31-02-2021',
    '99-99-9999', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE project_goal; --", 'a\u0000b', '😀', 'andel', 'antal',
    'maal_1', 'indskrevne', 'naaet', 'i_gang', '2147483648', '3'),
);
const keys = ['title', 'measure', 'targetKind', 'targetValue', 'deadline', 'note', 'phase', 'phaseName', 'number', 'content', 'dueDate',
  'responsible', 'status', 'aktiviteter', 'erfaringer', 'laering', 'forankring'];
const form = fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 10 });

describe.each(backends())('steering forms under fuzzing on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;
  let pid: number;

  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
    await app.ready();
    pid = (await t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg'`)).rows[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('answers 303 or 400 to anything, and a 400 writes nothing', async () => {
    const s = await loginAs(app, 'projektleder.aalborg');
    const goal = (await t.db.query<{ id: number }>('SELECT id FROM project_goal WHERE project_id = $1 ORDER BY id LIMIT 1', [pid])).rows[0].id;
    const ms = (await t.db.query<{ id: number }>('SELECT id FROM project_milestone WHERE project_id = $1 ORDER BY id LIMIT 1', [pid])).rows[0].id;
    const urls = ['/styring/maal/ny', `/styring/maal/${goal}`, '/styring/milepaele/ny', `/styring/milepaele/${ms}`, '/styring/rapporter/tekster'];
    const snapshot = async () => (await t.db.query<{ h: string }>(
      `SELECT md5((SELECT coalesce(string_agg(g::text, '|' ORDER BY g.id), '') FROM project_goal g WHERE project_id = $1) ||
                  (SELECT coalesce(string_agg(m::text, '|' ORDER BY m.id), '') FROM project_milestone m WHERE project_id = $1) ||
                  (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.section), '') FROM project_report_text x WHERE project_id = $1)) AS h`, [pid])).rows[0].h;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...urls), form, async (url, f) => {
      const before = await snapshot();
      const res = await s.post(`${url}?projekt=${pid}`, f);
      expect([303, 400], `${url} ${JSON.stringify(f).slice(0, 300)}`).toContain(res.statusCode);
      if (res.statusCode === 400) {
        expect(res.body).toContain('Formularen indeholder fejl');
        expect(await snapshot()).toBe(before);
      }
    }), { numRuns: 120 });
  });
});
