/**
 * Tenant isolation of the casework routes with record ids: one municipality's caseworker posts
 * edits and deletions of another's records (activity, conversation, assessment) — through her own
 * woman's URL and through the other woman's URL — and is refused (404), nothing changes, and every
 * attempt is audited as adgang_naegtet. Row-level security hides the new tables across tenants.
 * Every municipality, user and record here is built by this file (test/helpers/world.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { addCaseRecords, createAgency, createMunicipality, type TestMunicipality } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.each(backends())('casework tenant isolation on %s', (backend) => {
  const srv = useTestServer(backend);
  const today = todayInDenmark();
  // Two municipalities whose first women have records of every casework kind, and an agency.
  const w = {} as { own: TestMunicipality; other: TestMunicipality; agency: string[] };
  beforeAll(async () => {
    w.own = await createMunicipality(srv.t.db, { women: 2 });
    w.other = await createMunicipality(srv.t.db, { women: 2 });
    await addCaseRecords(srv.t.db, w.own, w.own.women[0], 'EGEN');
    await addCaseRecords(srv.t.db, w.other, w.other.women[0], 'ANDEN');
    const agency = await createAgency(srv.t.db);
    w.agency = [agency.analyst.username, agency.administrator.username];
  });

  it("refuses editing and deleting another municipality's records by id, and audits each attempt", async () => {
    // Two fresh municipalities of this test's own (no demo data): one owns the records, the other tries them.
    const owner = await createMunicipality(srv.t.db);
    const other = await createMunicipality(srv.t.db);
    const aarhus = await loginAs(srv.app, owner.caseworker.username);
    const aarhusWoman = owner.women[0].id;
    expect(
      (await aarhus.post(`/deltagere/${aarhusWoman}/aktiviteter`, { typeKey: 'kursus', startDate: da(today), status: 'i_gang' }))
        .statusCode,
    ).toBe(303);
    expect(
      (await aarhus.post(`/deltagere/${aarhusWoman}/samtaler`, { date: da(today), kind: 'individuel', note: 'Aarhus-notat' })).statusCode,
    ).toBe(303);
    const who5 = Object.fromEntries(['glad', 'rolig', 'aktiv', 'udhvilet', 'interesse'].map((k) => [`answers.${k}`, '3']));
    expect((await aarhus.post(`/deltagere/${aarhusWoman}/maalinger`, { instrumentKey: 'who5', date: da(today), ...who5 })).statusCode).toBe(
      303,
    );
    const id = async (table: string) =>
      (
        await srv.t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 1`, [
          aarhusWoman,
        ])
      ).rows[0].id;
    const records = {
      aktiviteter: await id('casework_activity'),
      samtaler: await id('casework_conversation'),
      maalinger: await id('casework_assessment'),
    };
    const snapshot = async () =>
      (
        await srv.t.db.query(
          `SELECT (SELECT json_agg(a ORDER BY a.id) FROM casework_activity a WHERE participant_id = $1) AS a,
              (SELECT json_agg(c ORDER BY c.id) FROM casework_conversation c WHERE participant_id = $1) AS c,
              (SELECT json_agg(s ORDER BY s.id) FROM casework_assessment s WHERE participant_id = $1) AS s`,
          [aarhusWoman],
        )
      ).rows[0];
    const before = await snapshot();

    const aalborg = await loginAs(srv.app, other.caseworker.username);
    const aalborgWoman = other.women[0].id;
    const forms: Record<string, Record<string, string>> = {
      aktiviteter: { typeKey: 'kursus', startDate: da(today), status: 'afbrudt', endDate: da(today) },
      samtaler: { date: da(today), kind: 'gruppe', note: 'overskrevet' },
      maalinger: { instrumentKey: 'who5', date: da(today), ...Object.fromEntries(Object.keys(who5).map((k) => [k, '0'])) },
    };
    let attempts = 0;
    for (const [path, rid] of Object.entries(records)) {
      for (const owner of [aalborgWoman, aarhusWoman]) {
        for (const url of [`/deltagere/${owner}/${path}/${rid}`, `/deltagere/${owner}/${path}/${rid}/slet`]) {
          const res = await aalborg.post(url, forms[path]);
          expect(res.statusCode, url).toBe(404);
          attempts++;
        }
        for (const url of [`/deltagere/${owner}/${path}/${rid}`, `/deltagere/${owner}/${path}/${rid}/slet`]) {
          const get = await aalborg.get(url);
          expect(get.statusCode, url).toBe(404);
          expect(get.body).not.toContain('Aarhus-notat');
        }
      }
    }
    expect(await snapshot()).toEqual(before);
    const denied = await srv.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = $2 AND action = 'adgang_naegtet'
         AND (detail->>'requestedId' = ANY ($1::text[]) OR participant_id::text = ANY ($1::text[]))`,
      [[...Object.values(records), aarhusWoman], other.caseworker.username],
    );
    expect(denied.rows[0].n).toBeGreaterThanOrEqual(attempts);
  });

  it("does not show another municipality's women on Mine borgere", async () => {
    const s = await loginAs(srv.app, w.own.leader.username);
    const res = await s.get('/mine-borgere');
    expect(res.statusCode).toBe(200);
    const ids = [...res.body.matchAll(/data-participant="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    // Exactly the own municipality's women.
    expect([...new Set(ids)].sort()).toEqual(w.own.women.map((x) => x.id).sort());
    const codes = await srv.t.db.query<{ code: string }>(
      'SELECT DISTINCT municipality_code AS code FROM participant WHERE id = ANY ($1::uuid[])',
      [ids],
    );
    expect(codes.rows.map((r) => r.code)).toEqual([w.own.code]);
  });

  it('row-level security hides the casework tables across tenants and refuses foreign writes', async () => {
    const tables = ['casework_activity', 'casework_conversation', 'casework_assessment', 'casework_plan', 'casework_plan_change'];
    const [OWN, OTHER] = [w.own.code, w.other.code];
    // As the owner: every table holds rows of both municipalities, so hiding is observable.
    const all: Record<string, Record<string, number>> = {};
    for (const table of tables) {
      const r = await srv.t.db.query<{ code: string; n: number }>(
        `SELECT municipality_code AS code, count(*)::int AS n FROM ${table} WHERE municipality_code IN ($1, $2) GROUP BY 1`,
        [OWN, OTHER],
      );
      all[table] = Object.fromEntries(r.rows.map((x) => [x.code, x.n]));
      expect(all[table][OWN], `${table} has own rows`).toBeGreaterThan(0);
      expect(all[table][OTHER], `${table} has the other municipality's rows`).toBeGreaterThan(0);
    }
    const seen = await srv.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [OWN]);
      const out: Record<string, Record<string, number>> = {};
      for (const table of tables) {
        const r = await q.query<{ code: string; n: number }>(
          `SELECT municipality_code AS code, count(*)::int AS n FROM ${table} GROUP BY 1`,
        );
        out[table] = Object.fromEntries(r.rows.map((x) => [x.code, x.n]));
      }
      return out;
    });
    // The application role sees all of its own rows and none of anyone else's.
    expect(seen).toEqual(Object.fromEntries(tables.map((tb) => [tb, { [OWN]: all[tb][OWN] }])));
    await expect(
      srv.t.db.tx(async (q) => {
        await q.query('SET LOCAL ROLE fremdrift_app');
        await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [OWN]);
        await q.query(
          `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind) VALUES ($1, $2, current_date, 'individuel')`,
          [w.other.women[0].id, OTHER],
        );
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps analysts and administrators away from the casework pages', async () => {
    for (const user of w.agency) {
      const s = await loginAs(srv.app, user);
      expect((await s.get('/mine-borgere')).statusCode).toBe(403);
      expect((await s.get('/indskrivning')).statusCode).toBe(403);
    }
  });
});
