/**
 * Project leader settings: follow-up rules and own activity types per project; cohort progression.
 * The project, its users and women, and the other municipality are built by this file (test/helpers/world.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../src/domain/alert-settings.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs } from './helpers/http.ts';
import { addAssessments, createMunicipality, type TestMunicipality } from './helpers/world.ts';

describe.each(backends())('project settings on %s', (backend) => {
  const srv = useTestServer(backend);
  // Six women (a caseload over a limit of 5) in the project, and another municipality with its own project.
  const w = {} as { m: TestMunicipality; other: TestMunicipality };
  beforeAll(async () => {
    w.m = await createMunicipality(srv.t.db, { women: 6 });
    w.other = await createMunicipality(srv.t.db, { women: 1 });
  });
  const settings = (over: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(DEFAULT_ALERT_SETTINGS).map(([k, v]) => [k, String(v)])),
    ...over,
  });

  it('stores follow-up rules per project; a lower caseload limit raises the caseload alert on Mine borgere', async () => {
    const leader = await loginAs(srv.app, w.m.leader.username);
    const project = w.m.projectId;
    const bad = await leader.post(`/projekt/${project}/opfoelgning`, settings({ caseloadLimit: '0', who5Threshold: 'halvtreds' }));
    expectRejected(bad, 'Største sagsstamme skal være mindst 1.', 'WHO-5-tærskel skal være et helt tal.', 'value="halvtreds"');
    const cw = await loginAs(srv.app, w.m.caseworker.username);
    expect((await cw.get('/mine-borgere')).body).not.toContain('data-testid="caseload-alerts"');
    expect((await leader.post(`/projekt/${project}/opfoelgning`, settings({ caseloadLimit: '5' }))).statusCode).toBe(303);
    const stored = await srv.t.db.query<{ settings: { caseloadLimit: number } }>(
      'SELECT settings FROM project_alert_settings WHERE project_id = $1',
      [project],
    );
    expect(stored.rows[0].settings.caseloadLimit).toBe(5);
    const mine = await cw.get('/mine-borgere');
    expect(mine.body).toContain('data-testid="caseload-alerts"');
    expect(mine.body).toContain('grænsen er 5');
    const audit = await srv.t.db.query(
      `SELECT 1 FROM audit_log WHERE username = $1 AND action = 'gem' AND entity = 'projektindstillinger'`,
      [w.m.leader.username],
    );
    expect(audit.rows.length).toBe(1);
  });

  it('adds a project activity type that then appears in the activity form; refuses duplicates and built-in keys', async () => {
    const leader = await loginAs(srv.app, w.m.leader.username);
    const project = w.m.projectId;
    const builtIn = await leader.post(`/projekt/${project}/aktivitetstyper`, {
      key: 'kursus',
      name: 'Kursus',
      category: 'opkvalificering',
    });
    expectRejected(builtIn, 'bruges allerede af en indbygget aktivitetstype');
    expect(
      (await leader.post(`/projekt/${project}/aktivitetstyper`, { key: 'cykelkursus', name: 'Cykelkursus', category: 'social_sundhed' }))
        .statusCode,
    ).toBe(303);
    const dup = await leader.post(`/projekt/${project}/aktivitetstyper`, {
      key: 'cykelkursus',
      name: 'Cykel igen',
      category: 'social_sundhed',
    });
    expect(dup.statusCode).toBe(400);
    const woman = w.m.women[0].id;
    const cw = await loginAs(srv.app, w.m.caseworker.username);
    expect((await cw.get(`/deltagere/${woman}/aktiviteter/ny`)).body).toContain('<option value="cykelkursus"');
    const otherWoman = w.other.women[0].id;
    const stranger = await loginAs(srv.app, w.other.caseworker.username);
    expect((await stranger.get(`/deltagere/${otherWoman}/aktiviteter/ny`)).body).not.toContain('cykelkursus');
  });

  it('lets only the project leader of the project change it', async () => {
    const project = w.m.projectId;
    const cw = await loginAs(srv.app, w.m.caseworker.username);
    expect((await cw.post(`/projekt/${project}/opfoelgning`, settings({}))).statusCode).toBe(403);
    const otherLeader = await loginAs(srv.app, w.other.leader.username);
    expect((await otherLeader.post(`/projekt/${project}/opfoelgning`, settings({ caseloadLimit: '1' }))).statusCode).toBe(404);
    expect((await otherLeader.get(`/projekt/${project}`)).statusCode).toBe(404);
    expect(
      (await otherLeader.post(`/projekt/${project}/aktivitetstyper`, { key: 'x_type', name: 'X', category: 'vejledning' })).statusCode,
    ).toBe(404);
  });

  it("shows the cohort's distance travelled on WHO-5 from its women's assessments", async () => {
    // Two women with two WHO-5 scores each: 40 -> 60 and 40 -> 80, a mean change of +30.
    await addAssessments(srv.t.db, w.m, w.m.women[0], [
      { instrument: 'who5', on: '2025-02-03', all: 2 },
      { instrument: 'who5', on: '2025-05-05', all: 3 },
    ]);
    await addAssessments(srv.t.db, w.m, w.m.women[1], [
      { instrument: 'who5', on: '2025-02-03', all: 2 },
      { instrument: 'who5', on: '2025-05-05', all: 4 },
    ]);
    const leader = await loginAs(srv.app, w.m.leader.username);
    const res = await leader.get('/progression');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-testid="cohort-who5"');
    expect(res.body).toContain('data-testid="cohort-who5-total">+30<');
    const audit = await srv.t.db.query(`SELECT 1 FROM audit_log WHERE username = $1 AND action = 'liste' AND entity = 'progression'`, [
      w.m.leader.username,
    ]);
    expect(audit.rows.length).toBe(1);
  });

  it('lets the project leader filter Mine borgere by caseworker', async () => {
    // A second caseworker of the jobcentre takes over the last woman.
    const second = (
      await srv.t.db.query<{ id: number }>(
        `INSERT INTO app_user (username, display_name, role, organisation_id, team_id, password_hash)
         SELECT username || '.2', display_name || ' 2', role, organisation_id, team_id, password_hash FROM app_user WHERE id = $1 RETURNING id`,
        [w.m.caseworker.id],
      )
    ).rows[0].id;
    await srv.t.db.query('UPDATE enrolment SET caseworker_id = $1 WHERE participant_id = $2', [second, w.m.women[5].id]);
    const leader = await loginAs(srv.app, w.m.leader.username);
    const all = await leader.get('/mine-borgere');
    const cw = w.m.caseworker.id;
    expect(all.body).toContain(`<option value="${cw}"`);
    const only = await leader.get(`/mine-borgere?sagsbehandler=${cw}`);
    const ids = [...only.body.matchAll(/data-participant="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan([...all.body.matchAll(/data-participant="/g)].length);
    const owners = await srv.t.db.query<{ cw: number }>(
      `SELECT DISTINCT e.caseworker_id AS cw FROM enrolment e WHERE e.participant_id = ANY ($1::uuid[]) AND e.exited_on IS NULL`,
      [ids],
    );
    expect(owners.rows.map((r) => r.cw)).toEqual([cw]);
  });
});
