/**
 * Tenant isolation, twice locked: (1) every participant route, called by a caseworker of one
 * municipality with another municipality's woman's id, answers 403 or 404 and is audited; (2) a
 * raw query as the application database role, around the repository, sees only its own
 * municipality's rows. Both municipalities (and the agency) are built by this file.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { createVault } from '../src/security/vault.ts';
import { formatCpr } from '../src/core/cpr.ts';
import { createAgency, createMunicipality, type TestMunicipality } from './helpers/world.ts';

describe.each(backends())('tenant isolation on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = {} as { own: TestMunicipality; other: TestMunicipality; analyst: string; shared: string };
  beforeAll(async () => {
    w.own = await createMunicipality(srv.t.db, { women: 3 });
    w.other = await createMunicipality(srv.t.db, { women: 3 });
    w.analyst = (await createAgency(srv.t.db)).analyst.username;
    // A surname one woman of each municipality has.
    w.shared = `Fællesen${randomUUID().slice(0, 6)}`;
    await srv.t.db.query('UPDATE participant SET last_name = $1 WHERE id = ANY ($2::uuid[])', [
      w.shared,
      [w.own.women[1].id, w.other.women[1].id],
    ]);
  });

  it('answers 403/404 for another municipality on every participant route, and audits each attempt', async () => {
    const s = await loginAs(srv.app, w.own.caseworker.username);
    const otherId = w.other.women[0].id;
    const own = await s.get(`/deltagere/${w.own.women[0].id}`);
    expect(own.statusCode).toBe(200);
    const participantRoutes = collectParticipantRoutes(srv.app);
    expect(participantRoutes.length).toBeGreaterThan(0);
    for (const r of participantRoutes) {
      const url = r.url.replace(':id', otherId);
      const res = r.method === 'GET' ? await s.get(url) : await s.post(url, {});
      expect([403, 404], `${r.method} ${r.url}`).toContain(res.statusCode);
      expect(res.body).not.toMatch(/\d{6}-\d{4}/); // no CPR number leaks into the error page
    }
    const audited = await srv.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = $2
         AND action = 'adgang_naegtet' AND participant_id = $1::uuid`,
      [otherId, w.own.caseworker.username],
    );
    expect(audited.rows[0].n).toBeGreaterThanOrEqual(participantRoutes.length);
  });

  it("does not list or find another municipality's women by name or CPR search", async () => {
    const s = await loginAs(srv.app, w.own.caseworker.username);
    const vault = createVault(TEST_SECRET);
    const idsIn = (body: string) => [...body.matchAll(/href="\/deltagere\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const codesOf = async (ids: string[]) =>
      (
        await srv.t.db.query<{ municipality_code: string }>(
          'SELECT DISTINCT municipality_code FROM participant WHERE id = ANY($1::uuid[])',
          [ids],
        )
      ).rows.map((r) => r.municipality_code);
    // The other municipality's woman whose surname an own woman shares: the search must find that one, not her.
    const other = (
      await srv.t.db.query<{ id: string; last_name: string; cpr_enc: string }>(
        'SELECT id, last_name, cpr_enc FROM participant WHERE id = $1',
        [w.other.women[1].id],
      )
    ).rows[0];
    expect(other.last_name).toBe(w.shared);
    const byName = await s.get('/deltagere?q=' + encodeURIComponent(other.last_name));
    expect(byName.statusCode).toBe(200);
    const nameIds = idsIn(byName.body);
    expect([...new Set(nameIds)]).toEqual([w.own.women[1].id]); // the search works: the own woman of that name
    expect(await codesOf(nameIds)).toEqual([w.own.code]);
    expect(nameIds).not.toContain(other.id);

    // CPR search: an own woman's number finds exactly her; the other municipality's woman's finds nobody.
    const own = w.own.women[0];
    const ownCpr = own.cpr;
    const otherCpr = vault.decryptCpr(other.cpr_enc);
    for (const q of [ownCpr, formatCpr(ownCpr)]) {
      expect(idsIn((await s.get('/deltagere?q=' + encodeURIComponent(q))).body), `own CPR ${q}`).toEqual([own.id]);
    }
    for (const q of [otherCpr, formatCpr(otherCpr)]) {
      const res = await s.get('/deltagere?q=' + encodeURIComponent(q));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-testid="participant-table"');
      expect(idsIn(res.body), `other CPR ${q}`).toEqual([]);
    }
    // By birth date (the first six digits): the own woman born the same day is found, and only own women.
    const byBirth = idsIn((await s.get('/deltagere?q=' + otherCpr.slice(0, 6))).body);
    expect(byBirth).toContain(w.own.women[1].id);
    expect(await codesOf(byBirth)).toEqual([w.own.code]);
    expect(byBirth).not.toContain(other.id);
  });

  it('keeps analysts of the agency away from identifiable participants', async () => {
    const s = await loginAs(srv.app, w.analyst);
    expect((await s.get('/deltagere')).statusCode).toBe(403);
    expect((await s.get(`/deltagere/${w.own.women[0].id}`)).statusCode).toBe(403);
  });

  it("row-level security: the application role sees only its tenant's rows, even without a WHERE clause", async () => {
    const seen = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [w.own.code]);
      const p = await q.query<{ id: string }>('SELECT id FROM participant ORDER BY id');
      const e = await q.query<{ id: string }>('SELECT participant_id AS id FROM enrolment ORDER BY participant_id');
      return { p: p.rows.map((r) => r.id), e: e.rows.map((r) => r.id) };
    });
    const ownIds = w.own.women.map((x) => x.id).sort();
    expect(seen).toEqual({ p: ownIds, e: ownIds });
    const none = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      return (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM participant')).rows[0].n;
    });
    expect(none).toBe(0);
    // As the owner, the other municipality's women are there.
    const total = (
      await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participant WHERE municipality_code = $1', [w.other.code])
    ).rows[0].n;
    expect(total).toBe(w.other.women.length);
  });

  it('row-level security refuses writing a row into another municipality', async () => {
    await expect(
      srv.t.db.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [w.own.code]);
        await q.query(
          `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex)
           VALUES ($1, 'x', 'y', 'A', 'B', '1990-01-01', 'K')`,
          [w.other.code],
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
