/**
 * Issue 11, findings 1, 6 and 11: the audit log keeps what was done, never what was typed.
 * - A search is stored as its kind and counts, never its text: no name or CPR number stays in the
 *   append-only log (and on the administrator's audit page) after she is erased.
 * - Control characters (a NUL byte) are refused with a Danish 400 before anything touches the
 *   database, and the refusal is audited.
 * - A denied look-up of another tenant's woman carries her id, so it is in her audit trail and in
 *   her access-request export; a failed sign-in is audited (see also test/auth.test.ts).
 * The municipalities, users and women are built by this file (test/helpers/world.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCpr } from '../src/domain/cpr.ts';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { csrfOf, loginAs } from './helpers/http.ts';
import { createAgency, useMunicipalities } from './helpers/world.ts';

describe.each(backends())('what the audit log keeps, on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = useMunicipalities(srv, { own: { women: 3 }, other: { women: 1 } });
  let adminName = '';
  beforeAll(async () => {
    adminName = (await createAgency(srv.t.db)).administrator.username;
  });
  const auditText = async () =>
    (
      await srv.t.db.query<{ s: string }>(
        `SELECT string_agg(username || ' ' || action || ' ' || coalesce(detail::text, ''), E'\\n' ORDER BY id) AS s FROM audit_log`,
      )
    ).rows[0].s;

  /** The own municipality's `i`-th woman, her enrolment moved out of the retention period (so she may be erased). */
  async function erasableWoman(i: number) {
    const p = (
      await srv.t.db.query<{ id: string; first: string; last: string; enc: string }>(
        `SELECT id, first_name AS first, last_name AS last, cpr_enc AS enc FROM participant WHERE id = $1 AND anonymised_at IS NULL`,
        [w.own.women[i].id],
      )
    ).rows[0];
    await srv.t.db.query(
      `UPDATE enrolment SET enrolled_on = current_date - interval '12 years', exited_on = current_date - interval '11 years', exit_reason = coalesce(exit_reason, 'andet')
       WHERE participant_id = $1`,
      [p.id],
    );
    return { id: p.id, name: `${p.first} ${p.last}`, cpr: createVault(TEST_SECRET).decryptCpr(p.enc) };
  }

  it('stores a search as its kind and counts: no name or CPR number stays after she is erased (finding 1)', async () => {
    const her = await erasableWoman(2);
    const cw = w.own.caseworker.username;
    const s = await loginAs(srv.app, cw);
    const ddmmyy = her.cpr.slice(0, 6);
    const searches = [her.name, formatCpr(her.cpr), `${ddmmyy}/${her.cpr.slice(6)}`, `cpr ${her.cpr}`, ddmmyy, 'Maryam Ahmadi'];
    for (const q of searches) expect((await s.get(`/deltagere?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    const pl = await loginAs(srv.app, w.own.leader.username);
    expect((await pl.post(`/admin/gdpr/${her.id}/slet`, { bekraeft: 'ja' })).statusCode).toBe(200);
    expect((await srv.t.db.query('SELECT 1 FROM participant WHERE id = $1', [her.id])).rowCount).toBe(0);
    const log = await auditText();
    expect(log).toContain('slettet');
    for (const needle of [her.name, her.cpr, 'Maryam', 'Ahmadi']) expect(log, needle).not.toContain(needle);
    // Her birth date part as a number of its own (not inside an id's hex digits).
    expect(log).not.toMatch(new RegExp(`(?<![0-9a-f-])${ddmmyy}(?![0-9a-f])`));

    // The searches are in the log, as kinds with counts.
    const logged = await srv.t.db.query<{ detail: { search: { kind: string; length: number } | null; total: number } }>(
      `SELECT detail FROM audit_log WHERE username = $2 AND action = 'liste' AND entity = 'participant' ORDER BY id DESC LIMIT $1`,
      [searches.length, cw],
    );
    expect(logged.rows.map((r) => r.detail.search?.kind).reverse()).toEqual(['navn', 'cpr', 'cpr', 'navn', 'foedselsdato', 'navn']);
    expect(logged.rows.every((r) => typeof r.detail.total === 'number')).toBe(true);

    // Nor on the administrator's audit page.
    const admin = await loginAs(srv.app, adminName);
    const page = await admin.get('/admin/audit?handling=liste');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(cw);
    for (const needle of [her.name, her.cpr, 'Maryam']) expect(page.body, needle).not.toContain(needle);
    expect(page.body).not.toMatch(new RegExp(`(?<![0-9a-f-])${ddmmyy}(?![0-9a-f])`));
  });

  it("keeps no typed text from the administrator's audit search either", async () => {
    const admin = await loginAs(srv.app, adminName);
    const known = w.other.caseworker.username;
    expect((await admin.get(`/admin/audit?bruger=${encodeURIComponent('Fatima Hassan 1204851234')}`)).statusCode).toBe(200);
    expect((await admin.get(`/admin/audit?bruger=${known}`)).statusCode).toBe(200);
    const rows = (
      await srv.t.db.query<{ d: string }>(
        `SELECT detail::text AS d FROM audit_log WHERE action = 'soeg' AND entity = 'audit_log' ORDER BY id DESC LIMIT 2`,
      )
    ).rows;
    expect(rows[1].d).not.toMatch(/Fatima|Hassan|1204851234/);
    expect(rows[0].d).toContain(known); // a known user name is what the search was for
  });

  it('refuses a NUL byte with a Danish 400 before the database, and audits the refusal (finding 6)', async () => {
    const s = await loginAs(srv.app, w.own.leader.username);
    const admin = await loginAs(srv.app, adminName);
    const before = (await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'afvist_input'`)).rows[0]
      .n;
    const urls: [typeof s, string, string][] = [
      [s, '/deltagere?q=%00', '/deltagere'],
      [s, '/deltagere/%00', '/deltagere/:id'],
      [s, '/admin/gdpr/%00/eksport', '/admin/gdpr/:id/eksport'],
      [admin, '/admin/audit?bruger=%00', '/admin/audit'],
      [s, '/deltagere?q=a%01b', '/deltagere'],
    ];
    for (const [who, url] of urls) {
      const res = await who.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain('ugyldige tegn');
      expect(res.headers['content-security-policy'], url).toBeDefined();
    }
    // A sign-in form with one is refused as unreadable, not a server error.
    const page = await srv.app.inject({ method: 'GET', url: '/login' });
    const login = await srv.app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrfOf(page.body))}&brugernavn=admin%00&adgangskode=x`,
    });
    expect(login.statusCode).toBe(400);
    const refused = (
      await srv.t.db.query<{ username: string; detail: { route: string; fields: string[] } }>(
        `SELECT username, detail FROM audit_log WHERE action = 'afvist_input' ORDER BY id`,
      )
    ).rows.slice(before);
    expect(refused.map((r) => r.detail.route)).toEqual(urls.map((u) => u[2]));
    expect(refused[0].username).toBe(w.own.leader.username);
    expect(refused[3].username).toBe(adminName);
    expect(refused[0].detail.fields).toEqual(['query.q']);
    expect(refused[1].detail.fields).toEqual(['params.id']);
  });

  it("puts a denied look-up of another tenant's woman in her audit trail and her access export (finding 11)", async () => {
    const id = w.own.women[0].id;
    const otherCw = w.other.caseworker.username;
    const other = await loginAs(srv.app, otherCw);
    expect((await other.get(`/deltagere/${id}`)).statusCode).toBe(404);
    const denied = (
      await srv.t.db.query<{ participant_id: string | null; municipality_code: string | null }>(
        `SELECT participant_id, municipality_code FROM audit_log WHERE action = 'adgang_naegtet' AND username = $1 ORDER BY id DESC LIMIT 1`,
        [otherCw],
      )
    ).rows[0];
    expect(denied.participant_id).toBe(id);
    expect(denied.municipality_code).toBe(w.own.code); // so her municipality's own administrators see it too
    const pl = await loginAs(srv.app, w.own.leader.username);
    const exp = await pl.get(`/admin/gdpr/${id}/eksport`);
    expect(exp.statusCode).toBe(200);
    const trail = (JSON.parse(exp.body) as { auditTrail: { action: string; username: string }[] }).auditTrail;
    expect(trail.some((a) => a.action === 'adgang_naegtet' && a.username === otherCw)).toBe(true);
  });
});
