/** Project leader settings: follow-up rules and own activity types per project; cohort progression. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../src/domain/alert-settings.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { openDemoWoman } from './helpers/world.ts';

describe.each(backends())('project settings on %s', (backend) => {
  const srv = useTestServer(backend);
  const pid = async (key: string) => (await srv.t.db.query<{ id: number }>('SELECT id FROM project WHERE key = $1', [key])).rows[0].id;
  const settings = (over: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(DEFAULT_ALERT_SETTINGS).map(([k, v]) => [k, String(v)])),
    ...over,
  });

  it('stores follow-up rules per project; a lower caseload limit raises the caseload alert on Mine borgere', async () => {
    const leader = await loginAs(srv.app, 'projektleder.aalborg');
    const aalborg = await pid('aalborg-2025'); // the running project, where her open women are
    const bad = await leader.post(`/projekt/${aalborg}/opfoelgning`, settings({ caseloadLimit: '0', who5Threshold: 'halvtreds' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Største sagsstamme skal være mindst 1.');
    expect(bad.body).toContain('WHO-5-tærskel skal være et helt tal.');
    expect(bad.body).toContain('value="halvtreds"');
    const cw = await loginAs(srv.app, 'sagsbehandler.aalborg');
    expect((await cw.get('/mine-borgere')).body).not.toContain('data-testid="caseload-alerts"');
    expect((await leader.post(`/projekt/${aalborg}/opfoelgning`, settings({ caseloadLimit: '5' }))).statusCode).toBe(303);
    const stored = await srv.t.db.query<{ settings: { caseloadLimit: number } }>(
      'SELECT settings FROM project_alert_settings WHERE project_id = $1',
      [aalborg],
    );
    expect(stored.rows[0].settings.caseloadLimit).toBe(5);
    const mine = await cw.get('/mine-borgere');
    expect(mine.body).toContain('data-testid="caseload-alerts"');
    expect(mine.body).toContain('grænsen er 5');
    const audit = await srv.t.db.query(
      `SELECT 1 FROM audit_log WHERE username = 'projektleder.aalborg' AND action = 'gem' AND entity = 'projektindstillinger'`,
    );
    expect(audit.rows.length).toBe(1);
  });

  it('adds a project activity type that then appears in the activity form; refuses duplicates and built-in keys', async () => {
    const leader = await loginAs(srv.app, 'projektleder.aalborg');
    const aalborg = await pid('aalborg-2025'); // the running project, where her open women are
    const builtIn = await leader.post(`/projekt/${aalborg}/aktivitetstyper`, {
      key: 'kursus',
      name: 'Kursus',
      category: 'opkvalificering',
    });
    expect(builtIn.statusCode).toBe(400);
    expect(builtIn.body).toContain('bruges allerede af en indbygget aktivitetstype');
    expect(
      (await leader.post(`/projekt/${aalborg}/aktivitetstyper`, { key: 'cykelkursus', name: 'Cykelkursus', category: 'social_sundhed' }))
        .statusCode,
    ).toBe(303);
    const dup = await leader.post(`/projekt/${aalborg}/aktivitetstyper`, {
      key: 'cykelkursus',
      name: 'Cykel igen',
      category: 'social_sundhed',
    });
    expect(dup.statusCode).toBe(400);
    const woman = await openDemoWoman(srv.t.db);
    const cw = await loginAs(srv.app, 'sagsbehandler.aalborg');
    expect((await cw.get(`/deltagere/${woman}/aktiviteter/ny`)).body).toContain('<option value="cykelkursus"');
    const aarhusWoman = (await srv.t.db.query<{ id: string }>(`SELECT id FROM participant WHERE municipality_code = '751' LIMIT 1`)).rows[0]
      .id;
    const aarhus = await loginAs(srv.app, 'sagsbehandler.aarhus');
    expect((await aarhus.get(`/deltagere/${aarhusWoman}/aktiviteter/ny`)).body).not.toContain('cykelkursus');
  });

  it('lets only the project leader of the project change it', async () => {
    const aalborg = await pid('aalborg');
    const cw = await loginAs(srv.app, 'sagsbehandler.aalborg');
    expect((await cw.post(`/projekt/${aalborg}/opfoelgning`, settings({}))).statusCode).toBe(403);
    const otherLeader = await loginAs(srv.app, 'projektleder.aarhus');
    expect((await otherLeader.post(`/projekt/${aalborg}/opfoelgning`, settings({ caseloadLimit: '1' }))).statusCode).toBe(404);
    expect((await otherLeader.get(`/projekt/${aalborg}`)).statusCode).toBe(404);
    expect(
      (await otherLeader.post(`/projekt/${aalborg}/aktivitetstyper`, { key: 'x_type', name: 'X', category: 'vejledning' })).statusCode,
    ).toBe(404);
  });

  it("shows the cohort's distance travelled on WHO-5 from the demo assessments", async () => {
    const leader = await loginAs(srv.app, 'projektleder.aalborg');
    const res = await leader.get('/progression');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-testid="cohort-who5"');
    expect(res.body).toMatch(/data-testid="cohort-who5-total">[+-]?\d/);
    const audit = await srv.t.db.query(
      `SELECT 1 FROM audit_log WHERE username = 'projektleder.aalborg' AND action = 'liste' AND entity = 'progression'`,
    );
    expect(audit.rows.length).toBe(1);
  });

  it('lets the project leader filter Mine borgere by caseworker', async () => {
    const leader = await loginAs(srv.app, 'projektleder.aalborg');
    const all = await leader.get('/mine-borgere');
    const cw = (await srv.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'sagsbehandler.aalborg'`)).rows[0].id;
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
