/**
 * /admin/audit: administrators find who looked at which woman and when (filters: user,
 * participant, action, date range; paged); the search is itself audited; other roles get 403;
 * a jobcentre's administrator sees only her own municipalities' records.
 *
 * The users and women are a world this file builds (test/helpers/world.ts): two fresh municipalities,
 * each with its own jobcentre (caseworker, project leader, analyst, administrator) and one woman, and
 * an agency with its analyst and administrator (who sees every municipality's records).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/db/sql.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { createAgency, createMunicipality, type TestMunicipality, type TestUser } from './helpers/world.ts';

describe.each(backends())('audit page on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = {} as { a: TestMunicipality; b: TestMunicipality; admin: TestUser; agencyAnalyst: TestUser };
  let aId: string;
  let bId: string;

  beforeAll(async () => {
    w.a = await createMunicipality(srv.t.db, { women: 1 });
    w.b = await createMunicipality(srv.t.db, { women: 1 });
    const agency = await createAgency(srv.t.db);
    w.admin = agency.administrator;
    w.agencyAnalyst = agency.analyst;
    aId = w.a.women[0].id;
    bId = w.b.women[0].id;
  });

  it("shows the administrator who read a woman's page, filtered by participant", async () => {
    const cw = await loginAs(srv.app, w.a.caseworker.username);
    expect((await cw.get(`/deltagere/${aId}`)).statusCode).toBe(200);
    const admin = await loginAs(srv.app, w.admin.username);
    const home = await admin.get('/');
    expect(home.body).toContain('href="/admin/audit"');
    expect(home.body).toContain('Auditlog');
    const res = await admin.get(`/admin/audit?deltager=${aId}`);
    expect(res.statusCode).toBe(200);
    const rows = [...res.body.matchAll(/<tr>\s*<td>(\d+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((_r) => res.body.includes(aId))).toBe(true);
    expect(rows.some((r) => r[2] === w.a.caseworker.username && r[3] === 'vis')).toBe(true);
    expect(res.body).not.toContain(bId);
  });

  it('filters by user, action and date range', async () => {
    const cw = w.a.caseworker.username;
    const admin = await loginAs(srv.app, w.admin.username);
    const byUser = await admin.get(`/admin/audit?bruger=${cw}&handling=login`);
    const users = [...byUser.body.matchAll(/<tr>\s*<td>\d+<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td>/g)];
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => `${u[1]}/${u[2]}`))).toEqual(new Set([`${cw}/login`]));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const inRange = await admin.get(`/admin/audit?bruger=${cw}&fra=${today}&til=${today}`);
    expect(inRange.body).toContain(`<td>${cw}</td>`);
    const past = await admin.get(`/admin/audit?bruger=${cw}&fra=2001-01-01&til=2001-12-31`);
    expect(past.body).toContain('Ingen poster matcher søgningen.');
    expect(past.body).toMatch(/0 poster/);
  });

  it('pages through the records, newest first', async () => {
    const who = { userId: 0, username: 'massetest', role: 'administrator' as const, ip: '10.0.0.1' };
    for (let i = 0; i < 120; i++) await writeAudit(srv.t.db, who, { action: 'massetest', detail: { i } });
    const admin = await loginAs(srv.app, w.admin.username);
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
    const admin = await loginAs(srv.app, w.admin.username);
    await admin.get(`/admin/audit?deltager=${bId}&handling=vis`);
    const r = await srv.t.db.query<{ participant_id: string; detail: { filter: { action: string } } }>(
      `SELECT participant_id, detail FROM audit_log WHERE username = $1 AND action = 'soeg' AND entity = 'audit_log' ORDER BY id DESC LIMIT 1`,
      [w.admin.username],
    );
    expect(r.rows[0].participant_id).toBe(bId);
    expect(r.rows[0].detail.filter.action).toBe('vis');
  });

  it('refuses every other role and rejects a malformed participant id in Danish', async () => {
    for (const u of [w.a.caseworker.username, w.b.leader.username, w.a.analyst.username, w.agencyAnalyst.username]) {
      const s = await loginAs(srv.app, u);
      expect((await s.get('/admin/audit')).statusCode, u).toBe(403);
      expect((await s.get('/')).body, u).not.toContain('href="/admin/audit"');
    }
    expect((await srv.app.inject({ method: 'GET', url: '/admin/audit' })).statusCode).toBe(303);
    const admin = await loginAs(srv.app, w.admin.username);
    const bad = await admin.get('/admin/audit?deltager=1%27%20OR%201=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Deltager-id skal være et gyldigt id');
    expect(bad.body).toContain('value="1&#39; OR 1=1"');
  });

  it("a jobcentre administrator sees her own municipalities' records, not another's", async () => {
    const cw = await loginAs(srv.app, w.b.caseworker.username);
    expect((await cw.get(`/deltagere/${bId}`)).statusCode).toBe(200);
    const local = await loginAs(srv.app, w.b.administrator.username);
    const own = await local.get(`/admin/audit?deltager=${bId}`);
    expect(own.body).toContain(`<td>${w.b.caseworker.username}</td>`);
    const other = await local.get(`/admin/audit?deltager=${aId}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Ingen poster matcher søgningen.');
    const all = await local.get('/admin/audit?handling=vis');
    expect(all.body).not.toContain(w.a.caseworker.username);
  });
});
