/**
 * A jobcentre serving two municipalities (Esbjerg-Fanø: 561 and 563): its caseworker sees the
 * women of both and no one else's, through the pages and through row-level security; another
 * jobcentre (a fresh municipality built here) sees neither. Her register data page is audited
 * (`vis_registerdata`), and when the audit record cannot be written the read is aborted: no
 * register data leaves the server unaudited. The two-municipality jobcentre with its register data
 * is the demo's: that jobcentre is the subject.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const ESBJERG = '561';
const FANOE = '563';

describe.each(backends())('a jobcentre of two municipalities on %s', (backend) => {
  const srv = useTestServer(backend);
  let elsewhere: TestMunicipality;
  beforeAll(async () => {
    elsewhere = await createMunicipality(srv.t.db, { women: 1 });
  });

  const idsIn = (body: string) => [...body.matchAll(/href="\/deltagere\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  const woman = async (code: string) =>
    (
      await srv.t.db.query<{ id: string; last_name: string }>(
        `SELECT p.id, p.last_name FROM participant p JOIN enrolment e ON e.participant_id = p.id JOIN register_person r ON r.cpr_hash = p.cpr_hash
     WHERE p.municipality_code = $1 ORDER BY p.id LIMIT 1`,
        [code],
      )
    ).rows[0];

  it("shows the caseworker the women of both municipalities, and no one else's", async () => {
    const s = await loginAs(srv.app, 'sagsbehandler.esbjerg-fanoe');
    const fanoe = await woman(FANOE);
    const esbjerg = await woman(ESBJERG);
    expect(fanoe && esbjerg).toBeTruthy();
    for (const w of [fanoe, esbjerg]) expect((await s.get(`/deltagere/${w.id}`)).statusCode).toBe(200);
    // The list pages through both municipalities' women and only theirs.
    const seen = new Set<string>();
    for (let side = 1; side <= 10; side++) {
      const res = await s.get(`/deltagere?sort=navn&dir=asc&side=${side}`);
      expect(res.statusCode).toBe(200);
      const ids = idsIn(res.body);
      if (!ids.length) break;
      ids.forEach((id) => seen.add(id));
    }
    const codes = (
      await srv.t.db.query<{ code: string; n: number }>(
        'SELECT municipality_code AS code, count(*)::int AS n FROM participant WHERE id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1',
        [[...seen]],
      )
    ).rows;
    expect(codes.map((c) => c.code)).toEqual([ESBJERG, FANOE]);
    // Searching finds the Fanø woman.
    expect(idsIn((await s.get(`/deltagere?q=${encodeURIComponent(fanoe.last_name)}`)).body)).toContain(fanoe.id);
    // Another jobcentre's woman is refused.
    expect([403, 404]).toContain((await s.get(`/deltagere/${elsewhere.women[0].id}`)).statusCode);
  });

  it("keeps both municipalities' women from another jobcentre", async () => {
    const s = await loginAs(srv.app, elsewhere.caseworker.username);
    // Her own woman is found, so the refusals below are about the tenant.
    expect((await s.get(`/deltagere/${elsewhere.women[0].id}`)).statusCode).toBe(200);
    for (const code of [ESBJERG, FANOE]) {
      const w = await woman(code);
      expect([403, 404], code).toContain((await s.get(`/deltagere/${w.id}`)).statusCode);
      expect([403, 404], code).toContain((await s.get(`/deltagere/${w.id}/register`)).statusCode);
      expect(idsIn((await s.get(`/deltagere?q=${encodeURIComponent(w.last_name)}`)).body)).not.toContain(w.id);
    }
  });

  it('row-level security with the tenant of both sees exactly their rows', async () => {
    const all = (
      await srv.t.db.query<{ code: string; n: number }>(
        `SELECT municipality_code AS code, count(*)::int AS n FROM participant WHERE municipality_code IN ($1, $2) GROUP BY 1 ORDER BY 1`,
        [ESBJERG, FANOE],
      )
    ).rows;
    expect(all.length).toBe(2);
    const seen = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [`${ESBJERG},${FANOE}`]);
      return (
        await q.query<{ code: string; n: number }>(
          'SELECT municipality_code AS code, count(*)::int AS n FROM participant GROUP BY 1 ORDER BY 1',
        )
      ).rows;
    });
    expect(seen).toEqual(all);
  });

  it('audits the register data page (vis_registerdata), and a failed audit append aborts the read', async () => {
    const s = await loginAs(srv.app, 'sagsbehandler.esbjerg-fanoe');
    const w = await woman(FANOE);
    const audits = async () =>
      (
        await srv.t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'vis_registerdata' AND username = 'sagsbehandler.esbjerg-fanoe' AND participant_id = $1`,
          [w.id],
        )
      ).rows[0].n;
    const before = await audits();
    const ok = await s.get(`/deltagere/${w.id}/register`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('data-testid="register-months"');
    expect(await audits()).toBe(before + 1);

    // The audit log refuses the record: the page must not show her register data.
    await srv.t.db.query(`CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'vis_registerdata' THEN RAISE EXCEPTION 'audit refused by test'; END IF; RETURN NEW; END $$`);
    await srv.t.db.query(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
    try {
      const refused = await s.get(`/deltagere/${w.id}/register`);
      expect(refused.statusCode).toBeGreaterThanOrEqual(500);
      expect(refused.body).not.toContain('data-testid="register-months"');
      expect(refused.body).not.toMatch(/Registerstatus \d{4}-\d{2}/);
      expect(await audits()).toBe(before + 1);
    } finally {
      await srv.t.db.query('DROP TRIGGER test_refuse_audit ON audit_log');
    }
    expect((await s.get(`/deltagere/${w.id}/register`)).statusCode).toBe(200);
    expect(await audits()).toBe(before + 2);
  });
});
