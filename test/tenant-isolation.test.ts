/**
 * Tenant isolation, twice locked: (1) every participant route, called by an Aalborg caseworker
 * with an Aarhus woman's id, answers 403 or 404 and is audited; (2) a raw query as the
 * application database role, around the repository, sees only its own municipality's rows.
 */
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { createVault } from '../src/security/vault.ts';
import { formatCpr } from '../src/core/cpr.ts';

describe.each(backends())('tenant isolation on %s', (backend) => {
  const srv = useTestServer(backend);

  async function idOf(code: string) {
    return (await srv.t.db.query<{ id: string }>('SELECT id FROM participant WHERE municipality_code = $1 LIMIT 1', [code])).rows[0].id;
  }

  it('answers 403/404 for another municipality on every participant route, and audits each attempt', async () => {
    const s = await loginAs(srv.app, 'sagsbehandler.aalborg');
    const aarhusId = await idOf('751');
    const own = await s.get(`/deltagere/${await idOf('851')}`);
    expect(own.statusCode).toBe(200);
    const participantRoutes = collectParticipantRoutes(srv.app);
    expect(participantRoutes.length).toBeGreaterThan(0);
    for (const r of participantRoutes) {
      const url = r.url.replace(':id', aarhusId);
      const res = r.method === 'GET' ? await s.get(url) : await s.post(url, {});
      expect([403, 404], `${r.method} ${r.url}`).toContain(res.statusCode);
      expect(res.body).not.toMatch(/\d{6}-\d{4}/); // no CPR number leaks into the error page
    }
    const audited = await srv.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = 'sagsbehandler.aalborg'
         AND action = 'adgang_naegtet' AND participant_id = $1::uuid`,
      [aarhusId],
    );
    expect(audited.rows[0].n).toBeGreaterThanOrEqual(participantRoutes.length);
  });

  it("does not list or find another municipality's women by name or CPR search", async () => {
    const s = await loginAs(srv.app, 'sagsbehandler.aalborg');
    const vault = createVault(TEST_SECRET);
    const idsIn = (body: string) => [...body.matchAll(/href="\/deltagere\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const codesOf = async (ids: string[]) =>
      (
        await srv.t.db.query<{ municipality_code: string }>(
          'SELECT DISTINCT municipality_code FROM participant WHERE id = ANY($1::uuid[])',
          [ids],
        )
      ).rows.map((r) => r.municipality_code);
    // An Aarhus woman whose surname Aalborg women share: the search must find those, not her.
    const other = (
      await srv.t.db.query<{ id: string; last_name: string; cpr_enc: string }>(
        `SELECT p.id, p.last_name, p.cpr_enc FROM participant p WHERE p.municipality_code = '751'
         AND EXISTS (SELECT 1 FROM participant o WHERE o.municipality_code = '851' AND o.last_name = p.last_name)
       ORDER BY p.id LIMIT 1`,
      )
    ).rows[0];
    expect(other).toBeDefined();
    const byName = await s.get('/deltagere?q=' + encodeURIComponent(other.last_name));
    expect(byName.statusCode).toBe(200);
    const nameIds = idsIn(byName.body);
    expect(nameIds.length).toBeGreaterThan(0); // the search works: Aalborg's women of that name
    expect(await codesOf(nameIds)).toEqual(['851']);
    expect(nameIds).not.toContain(other.id);

    // CPR search: an Aalborg woman's number finds exactly her; the Aarhus woman's finds nobody.
    const own = (
      await srv.t.db.query<{ id: string; cpr_enc: string }>(
        `SELECT id, cpr_enc FROM participant WHERE municipality_code = '851' ORDER BY id LIMIT 1`,
      )
    ).rows[0];
    const ownCpr = vault.decryptCpr(own.cpr_enc);
    const otherCpr = vault.decryptCpr(other.cpr_enc);
    for (const q of [ownCpr, formatCpr(ownCpr)]) {
      expect(idsIn((await s.get('/deltagere?q=' + encodeURIComponent(q))).body), `own CPR ${q}`).toEqual([own.id]);
    }
    for (const q of [otherCpr, formatCpr(otherCpr)]) {
      const res = await s.get('/deltagere?q=' + encodeURIComponent(q));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-testid="participant-table"');
      expect(idsIn(res.body), `Aarhus CPR ${q}`).toEqual([]);
    }
    // By birth date (the first six digits): whoever is found belongs to Aalborg.
    const byBirth = idsIn((await s.get('/deltagere?q=' + otherCpr.slice(0, 6))).body);
    if (byBirth.length) expect(await codesOf(byBirth)).toEqual(['851']);
    expect(byBirth).not.toContain(other.id);
  });

  it('keeps analysts of the agency away from identifiable participants', async () => {
    const s = await loginAs(srv.app, 'analytiker.siri');
    expect((await s.get('/deltagere')).statusCode).toBe(403);
    expect((await s.get(`/deltagere/${await idOf('851')}`)).statusCode).toBe(403);
  });

  it("row-level security: the application role sees only its tenant's rows, even without a WHERE clause", async () => {
    const counts = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', '851', true)`);
      const p = await q.query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM participant');
      const e = await q.query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM enrolment');
      return { p: p.rows.map((r) => r.code), e: e.rows.map((r) => r.code) };
    });
    expect(counts).toEqual({ p: ['851'], e: ['851'] });
    const none = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
    });
    expect(none).toBe(0);
    const total = (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
    expect(total).toBeGreaterThan(1000);
  });

  it('row-level security refuses writing a row into another municipality', async () => {
    await expect(
      srv.t.db.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(`SELECT set_config('fremdrift.kommuner', '851', true)`);
        await q.query(
          `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex)
           VALUES ('751', 'x', 'y', 'A', 'B', '1990-01-01', 'K')`,
        );
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('the application role cannot read the audit log or password hashes', async () => {
    const attempt = (sql: string) =>
      srv.t.db.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(sql);
      });
    await expect(attempt('SELECT * FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(attempt('SELECT password_hash FROM app_user')).rejects.toThrow(/permission denied/);
    await expect(attempt('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
  });
});

/** Participant routes of the running app, from its route table: new areas are covered automatically. */
function collectParticipantRoutes(app: FastifyInstance) {
  return app.routeTable.filter((r) => r.url.startsWith('/deltagere/:id'));
}
