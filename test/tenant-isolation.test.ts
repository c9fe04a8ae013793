/**
 * Tenant isolation, twice locked: (1) every participant route, called by an Aalborg caseworker
 * with an Aarhus woman's id, answers 403 or 404 and is audited; (2) a raw query as the
 * application database role, around the repository, sees only its own municipality's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/http/server.ts';
import { backends, openTestDb, testDeps, type TestDb } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';

describe.each(backends())('tenant isolation on %s', (backend) => {
  let t: TestDb;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await openTestDb(backend);
    app = await buildServer(testDeps(t.db));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  async function idOf(code: string) {
    return (await t.db.query<{ id: string }>('SELECT id FROM participant WHERE municipality_code = $1 LIMIT 1', [code])).rows[0].id;
  }

  it('answers 403/404 for another municipality on every participant route, and audits each attempt', async () => {
    const s = await loginAs(app, 'sagsbehandler.aalborg');
    const aarhusId = await idOf('751');
    const own = await s.get(`/deltagere/${await idOf('851')}`);
    expect(own.statusCode).toBe(200);
    const participantRoutes = collectParticipantRoutes(app);
    expect(participantRoutes.length).toBeGreaterThan(0);
    for (const r of participantRoutes) {
      const url = r.url.replace(':id', aarhusId);
      const res = r.method === 'GET' ? await s.get(url) : await s.post(url, {});
      expect([403, 404], `${r.method} ${r.url}`).toContain(res.statusCode);
      expect(res.body).not.toMatch(/\d{6}-\d{4}/); // no CPR number leaks into the error page
    }
    const audited = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = 'sagsbehandler.aalborg'
         AND action = 'adgang_naegtet' AND detail->>'requestedId' = $1`,
      [aarhusId],
    );
    expect(audited.rows[0].n).toBeGreaterThanOrEqual(participantRoutes.length);
  });

  it('does not list or find another municipality\'s women by name or CPR search', async () => {
    const s = await loginAs(app, 'sagsbehandler.aalborg');
    const other = (await t.db.query<{ last_name: string }>(`SELECT last_name FROM participant WHERE municipality_code = '751' LIMIT 1`)).rows[0];
    const res = await s.get('/deltagere?q=' + encodeURIComponent(other.last_name));
    expect(res.statusCode).toBe(200);
    const ids = [...res.body.matchAll(/href="\/deltagere\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    if (ids.length) {
      const codes = await t.db.query<{ municipality_code: string }>('SELECT DISTINCT municipality_code FROM participant WHERE id = ANY($1::uuid[])', [ids]);
      expect(codes.rows.map((r) => r.municipality_code)).toEqual(['851']);
    }
  });

  it('keeps analysts of the agency away from identifiable participants', async () => {
    const s = await loginAs(app, 'analytiker.siri');
    expect((await s.get('/deltagere')).statusCode).toBe(403);
    expect((await s.get(`/deltagere/${await idOf('851')}`)).statusCode).toBe(403);
  });

  it('row-level security: the application role sees only its tenant\'s rows, even without a WHERE clause', async () => {
    const counts = await t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', '851', true)`);
      const p = await q.query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM participant');
      const e = await q.query<{ code: string }>('SELECT DISTINCT municipality_code AS code FROM enrolment');
      return { p: p.rows.map((r) => r.code), e: e.rows.map((r) => r.code) };
    });
    expect(counts).toEqual({ p: ['851'], e: ['851'] });
    const none = await t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
    });
    expect(none).toBe(0);
    const total = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
    expect(total).toBeGreaterThan(1000);
  });

  it('row-level security refuses writing a row into another municipality', async () => {
    await expect(
      t.db.tx(async (q) => {
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
      t.db.tx(async (q) => {
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
