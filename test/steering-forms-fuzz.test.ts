/**
 * The project leader's steering forms under malformed input: never a 5xx, always a saved form
 * (303) or the form again with Danish errors (400), and a rejected form writes nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { fuzzForm, malformedForm } from './helpers/fuzz.ts';
import { loginAs } from './helpers/http.ts';
import { addGoal, addProjectRecords, useMunicipalities } from './helpers/world.ts';

const keys = [
  'title',
  'measure',
  'targetKind',
  'targetValue',
  'deadline',
  'note',
  'phase',
  'phaseName',
  'number',
  'content',
  'dueDate',
  'responsible',
  'status',
  'aktiviteter',
  'erfaringer',
  'laering',
  'forankring',
];
const form = malformedForm(keys, [
  '50',
  '12,5',
  '100,0001',
  '31-12-2022',
  '2022-12-31',
  '99-99-9999',
  "'; DROP TABLE project_goal; --",
  'andel',
  'antal',
  'maal_1',
  'indskrevne',
  'naaet',
  'i_gang',
  '2147483648',
  '3',
]);

describe.each(backends())('steering forms under fuzzing on %s', (backend) => {
  const srv = useTestServer(backend);
  // A fresh municipality's project with one goal and one milestone to edit.
  const w = useMunicipalities(srv, { m: { women: 1 } });
  let pid: number;
  beforeAll(async () => {
    pid = w.m.projectId;
    await addGoal(srv.t.db, w.m, 'Halvdelen når Mål 1 eller 2');
    await addProjectRecords(srv.t.db, w.m, 'fuzz');
  });

  it('answers 303 or 400 to anything, and a 400 writes nothing', async () => {
    const s = await loginAs(srv.app, w.m.leader.username);
    const goal = (await srv.t.db.query<{ id: number }>('SELECT id FROM project_goal WHERE project_id = $1 ORDER BY id LIMIT 1', [pid]))
      .rows[0].id;
    const ms = (await srv.t.db.query<{ id: number }>('SELECT id FROM project_milestone WHERE project_id = $1 ORDER BY id LIMIT 1', [pid]))
      .rows[0].id;
    const urls = [
      '/styring/maal/ny',
      `/styring/maal/${goal}`,
      '/styring/milepaele/ny',
      `/styring/milepaele/${ms}`,
      '/styring/rapporter/tekster',
    ];
    const snapshot = async () =>
      (
        await srv.t.db.query<{ h: string }>(
          `SELECT md5((SELECT coalesce(string_agg(g::text, '|' ORDER BY g.id), '') FROM project_goal g WHERE project_id = $1) ||
                  (SELECT coalesce(string_agg(m::text, '|' ORDER BY m.id), '') FROM project_milestone m WHERE project_id = $1) ||
                  (SELECT coalesce(string_agg(x::text, '|' ORDER BY x.section), '') FROM project_report_text x WHERE project_id = $1)) AS h`,
          [pid],
        )
      ).rows[0].h;
    await fuzzForm(s, fc.constantFrom(...urls.map((u) => `${u}?projekt=${pid}`)), form, {
      numRuns: 120,
      fingerprint: snapshot,
      allowed: [400],
      rejectedSays: 'Formularen indeholder fejl',
    });
  });
});
