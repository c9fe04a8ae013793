/**
 * Fuzzing the casework forms with malformed input under their real field names: never a 5xx,
 * never a stack trace, and a rejected form leaves every row about the woman as it was (helpers/fuzz.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { CASE_FORM_FIELDS, fuzzForm, malformedForm, womanFingerprint } from './helpers/fuzz.ts';
import { loginAs, type Session } from './helpers/http.ts';
import { addCaseRecords, useMunicipalities } from './helpers/world.ts';

const form = malformedForm(
  [
    ...CASE_FORM_FIELDS,
    'familyPlan',
    'goals.0.text',
    'goals.0.dueDate',
    'goals.0.status',
    'goals.0.id',
    'answers.glad',
    'answers.rolig',
    'answers.arbejdsidentitet',
    'municipalityCode',
    'caseloadLimit',
    'who5Threshold',
    'key',
    'name',
    'category',
    'atCompany',
  ],
  ['38', '5', 'who5', 'virksomhedspraktik', 'i_gang', 'afsluttet', 'individuel', 'andet', 'SY', 'aktivitetsparat', '0101501234'],
);

const CASEWORK = /^\/(deltagere\/:id\/(plan|aktiviteter|samtaler|maalinger|indskriv|udskriv)|indskrivning|projekt\/)/;

describe.each(backends())('casework forms under fuzzing on %s', (backend) => {
  const srv = useTestServer(backend);
  // A fresh municipality's woman with a conversation, an activity and an assessment to edit.
  const w = useMunicipalities(srv, { m: { women: 1 } });
  let womanId: string;
  beforeAll(async () => {
    await addCaseRecords(srv.t.db, w.m, w.m.women[0], 'fuzz');
    womanId = w.m.women[0].id;
  });

  it.each(['caseworker', 'leader'] as const)('answers every malformed casework form from the %s without a crash', async (user) => {
    const s: Session = await loginAs(srv.app, w.m[user].username);
    // Her rows, and the project settings these forms also write.
    const fingerprint = womanFingerprint(
      srv.t.db,
      womanId,
      `SELECT (SELECT string_agg(x::text, '|' ORDER BY x::text) FROM project_alert_settings x) || (SELECT string_agg(y::text, '|' ORDER BY y::text) FROM project_activity_type y)`,
    );
    const recordId = async (table: string) =>
      (await srv.t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE participant_id = $1 LIMIT 1`, [womanId])).rows[0]?.id ??
      '00000000-0000-4000-8000-000000000000';
    const projectId = w.m.projectId;
    const posts = srv.app.routeTable.filter((r) => r.method === 'POST' && CASEWORK.test(r.url));
    expect(posts.length).toBeGreaterThan(10);
    for (const route of posts) {
      const table = route.url.includes('aktiviteter')
        ? 'casework_activity'
        : route.url.includes('samtaler')
          ? 'casework_conversation'
          : 'casework_assessment';
      const url = route.url
        .replace(':id', womanId)
        .replace(':rid', await recordId(table))
        .replace(':pid', String(projectId));
      await fuzzForm(s, url, form, { numRuns: 12, fingerprint });
    }
  });
});
