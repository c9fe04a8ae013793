/**
 * /admin/audit: administrators find who looked at which woman and when (filters: user,
 * participant, action, date range; paged); the search is itself audited; other roles get 403;
 * a jobcentre's administrator sees only her own municipalities' records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/db/sql.ts';
import { hashPassword } from '../src/security/passwords.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';

describe.each(backends())('audit page on %s', (backend) => {
  const srv = useTestServer(backend);
  let aalborgId: string;
  let aarhusId: string;

  beforeAll(async () => {
    const id = async (code: string) =>
      (await srv.t.db.query<{ id: string }>('SELECT id FROM participant WHERE municipality_code = $1 ORDER BY id LIMIT 1', [code])).rows[0]
        .id;
    aalborgId = await id('851');
    aarhusId = await id('751');
    // A jobcentre administrator in Aarhus.
    await srv.t.db.query(
      `INSERT INTO app_user (username, display_name, role, organisation_id, password_hash)
       SELECT 'admin.aarhus', 'Admin Aarhus', 'administrator', organisation_id, $1 FROM organisation_municipality WHERE municipality_code = '751' LIMIT 1`,
      [await hashPassword('demo')],
    );
  });

  it("shows the administrator who read a woman's page, filtered by participant", async () => {
    const cw = await loginAs(srv.app, 'sagsbehandler.aalborg');
    expect((await cw.get(`/deltagere/${aalborgId}`)).statusCode).toBe(200);
    const admin = await loginAs(srv.app, 'admin');
    const home = await admin.get('/');
    expect(home.body).toContain('href="/admin/audit"');
    expect(home.body).toContain('Auditlog');
    const res = await admin.get(`/admin/audit?deltager=${aalborgId}`);
    expect(res.statusCode).toBe(200);
    const rows = [...res.body.matchAll(/<tr>\s*<td>(\d+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((_r) => res.body.includes(aalborgId))).toBe(true);
    expect(rows.some((r) => r[2] === 'sagsbehandler.aalborg' && r[3] === 'vis')).toBe(true);
    expect(res.body).not.toContain(aarhusId);
  });

  it('filters by user, action and date range', async () => {
    const admin = await loginAs(srv.app, 'admin');
    const byUser = await admin.get('/admin/audit?bruger=sagsbehandler.aalborg&handling=login');
    const users = [...byUser.body.matchAll(/<tr>\s*<td>\d+<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)];
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => `${u[1]}/${u[2]}`))).toEqual(new Set(['sagsbehandler.aalborg/login']));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const inRange = await admin.get(`/admin/audit?bruger=sagsbehandler.aalborg&fra=${today}&til=${today}`);
    expect(inRange.body).toMatch(/<td>sagsbehandler\.aalborg<\/td>/);
    const past = await admin.get('/admin/audit?bruger=sagsbehandler.aalborg&fra=2001-01-01&til=2001-12-31');
    expect(past.body).toContain('Ingen poster matcher søgningen.');
    expect(past.body).toMatch(/0 poster/);
  });

  it('pages through the records, newest first', async () => {
    const who = { userId: 0, username: 'massetest', role: 'administrator' as const, ip: '10.0.0.1' };
    for (let i = 0; i < 120; i++) await writeAudit(srv.t.db, who, { action: 'massetest', detail: { i } });
    const admin = await loginAs(srv.app, 'admin');
    const p1 = await admin.get('/admin/audit?bruger=massetest');
    expect(p1.body).toContain('120 poster');
    expect(p1.body).toContain('Side 1 af 3');
    const ids = (body: string) => [...body.matchAll(/<tr>\s*<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    const first = ids(p1.body);
    expect(first).toHaveLength(50);
    expect([...first].sort((a, b) => b - a)).toEqual(first);
    expect(p1.body).toContain('href="/admin/audit?bruger=massetest&amp;side=2"');
    const p3 = await admin.get('/admin/audit?bruger=massetest&side=3');
    expect(ids(p3.body)).toHaveLength(20);
    expect(Math.max(...ids(p3.body))).toBeLessThan(Math.min(...first));
  });

  it('audits the search itself', async () => {
    const admin = await loginAs(srv.app, 'admin');
    await admin.get(`/admin/audit?deltager=${aarhusId}&handling=vis`);
    const r = await srv.t.db.query<{ participant_id: string; detail: { filter: { action: string } } }>(
      `SELECT participant_id, detail FROM audit_log WHERE username = 'admin' AND action = 'soeg' AND entity = 'audit_log' ORDER BY id DESC LIMIT 1`,
    );
    expect(r.rows[0].participant_id).toBe(aarhusId);
    expect(r.rows[0].detail.filter.action).toBe('vis');
  });

  it('refuses every other role and rejects a malformed participant id in Danish', async () => {
    for (const u of ['sagsbehandler.aalborg', 'projektleder.aarhus', 'analytiker.siri']) {
      const s = await loginAs(srv.app, u);
      expect((await s.get('/admin/audit')).statusCode, u).toBe(403);
      expect((await s.get('/')).body, u).not.toContain('href="/admin/audit"');
    }
    expect((await srv.app.inject({ method: 'GET', url: '/admin/audit' })).statusCode).toBe(303);
    const admin = await loginAs(srv.app, 'admin');
    const bad = await admin.get('/admin/audit?deltager=1%27%20OR%201=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Deltager-id skal være et gyldigt id');
    expect(bad.body).toContain('value="1&#39; OR 1=1"');
  });

  it("a jobcentre administrator sees her own municipalities' records, not another's", async () => {
    const cw = await loginAs(srv.app, 'sagsbehandler.aarhus');
    expect((await cw.get(`/deltagere/${aarhusId}`)).statusCode).toBe(200);
    const local = await loginAs(srv.app, 'admin.aarhus');
    const own = await local.get(`/admin/audit?deltager=${aarhusId}`);
    expect(own.body).toMatch(/<td>sagsbehandler\.aarhus<\/td>/);
    const other = await local.get(`/admin/audit?deltager=${aalborgId}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Ingen poster matcher søgningen.');
    const all = await local.get('/admin/audit?handling=vis');
    expect(all.body).not.toContain('sagsbehandler.aalborg');
  });
});
