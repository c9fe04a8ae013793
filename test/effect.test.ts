/**
 * The "Effekt" page and the comparison pool: who may see what, pool women stored only under the
 * keyed hash, suppression of small numbers, erasure, and the CSV download. The caseworker, project
 * leaders and administrators are a fresh municipality's, another's and an agency's (test/helpers/world.ts);
 * the agency's analyst on the national pages is the demo's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { seedDemoPool } from './helpers/effect-pool.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { csvRows } from './helpers/downloads.ts';
import { csrfOf, formBody, getOk, loginAs, type Session } from './helpers/http.ts';
import { createAgency, useMunicipalities, type TestUser } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);

function multipart(session: Session, url: string, fileName: string, text: string) {
  const boundary = '----effekt';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return { boundary, body, url: `${url}?_csrf=${encodeURIComponent(session.csrf)}` };
}

describe.each(backends())('effect page and pool on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = useMunicipalities(srv, { m: { women: 3 }, other: { women: 1 } });
  let agencyAdmin: TestUser;
  beforeAll(async () => {
    agencyAdmin = (await createAgency(srv.t.db)).administrator;
  });

  /** An analyst's session with the CSRF token of the pool page (her home page has no form). */
  async function analyst(): Promise<Session> {
    const s = await loginAs(srv.app, 'analytiker.siri');
    const csrf = csrfOf((await s.get('/effekt/pulje')).body);
    return {
      ...s,
      csrf,
      post: (url, form) =>
        srv.app.inject({
          method: 'POST',
          url,
          headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: formBody({ _csrf: csrf, ...form }),
        }),
    };
  }

  async function upload(s: Session, fileName: string, text: string) {
    const m = multipart(s, '/effekt/pulje', fileName, text);
    return srv.app.inject({
      method: 'POST',
      url: m.url,
      headers: { cookie: s.cookie, 'content-type': `multipart/form-data; boundary=${m.boundary}` },
      payload: m.body,
    });
  }

  it("lets the agency's analyst import a pool, stored under the keyed hash only; a bad file saves nothing", async () => {
    const s = await analyst();
    const ok = await upload(
      s,
      'pulje.csv',
      'cpr;kommune;oprindelsesland\n010185-4002;Aalborg;Syrien\n0202864002;851;\n030387-4002;Aarhus;Somalia\n',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('3 kvinder');
    const rows = (
      await srv.t.db.query<{ cpr_hash: string; birth: string; municipality: string; origin_country: string | null }>(
        `SELECT cpr_hash, to_char(birth_date, 'YYYY-MM-DD') AS birth, municipality, origin_country FROM comparison_pool ORDER BY birth_date`,
      )
    ).rows;
    expect(rows.map((r) => [r.birth, r.municipality, r.origin_country])).toEqual([
      ['1985-01-01', 'Aalborg', 'Syrien'],
      ['1986-02-02', 'Aalborg', null],
      ['1987-03-03', 'Aarhus', 'Somalia'],
    ]);
    expect(rows[0].cpr_hash).toBe(vault.hashCpr('0101854002'));
    expect(JSON.stringify(rows)).not.toMatch(/\d{6}-?4002/);
    const audit = (await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'puljeimport'`)).rows[0].n;
    expect(audit).toBe(1);

    const bad = await upload(s, 'fejl.csv', 'cpr;kommune\n0404884002;Aalborg\n12345;Aalborg\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('fejl.csv, linje 3, kolonne «cpr»');
    expect((await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_pool')).rows[0].n).toBe(3);
  });

  it("erases a pool woman and her register row on request, keeps a participant's", async () => {
    const s = await analyst();
    const hash = vault.hashCpr('0303874002');
    await srv.t.db.query(
      `INSERT INTO register_batch (kind, file_name, sha256, bytes, rows, persons, changed_persons, imported_by_name) VALUES ('ydelser', 't.csv', 'x', 1, 1, 1, 1, 'test') ON CONFLICT DO NOTHING`,
    );
    const batch = (await srv.t.db.query<{ id: number }>('SELECT max(id) AS id FROM register_batch')).rows[0].id;
    await srv.t.db.query(`INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ($1, '\\x01', $2)`, [hash, batch]);
    const bad = await s.post('/effekt/pulje/slet', { cpr: '12-34' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="12-34"');
    expect(bad.body).toContain('id="cpr-error"');
    const res = await s.post('/effekt/pulje/slet', { cpr: '030387-4002' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('sammen med hendes registerdata');
    expect((await srv.t.db.query('SELECT 1 FROM comparison_pool WHERE cpr_hash = $1', [hash])).rows).toHaveLength(0);
    expect((await srv.t.db.query('SELECT 1 FROM register_person WHERE cpr_hash = $1', [hash])).rows).toHaveLength(0);
  });

  it("refuses the pool to everyone but the agency's analysts", async () => {
    for (const u of [w.m.caseworker, w.m.leader, w.m.analyst, w.m.administrator, agencyAdmin].map((x) => x.username)) {
      const s = await loginAs(srv.app, u);
      expect((await s.get('/effekt/pulje')).statusCode).toBe(403);
      expect((await s.post('/effekt/pulje/slet', { cpr: '0101854002' })).statusCode).toBe(403);
      expect((await upload(s, 'p.csv', 'cpr;kommune\n0505854002;Aalborg\n')).statusCode).toBe(403);
    }
    expect((await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_pool')).rows[0].n).toBe(2);
  });

  describe('with a national pool', () => {
    beforeAll(async () => {
      expect(await seedDemoPool(srv.t.db)).toBeGreaterThan(1000);
    });

    it("shows the analyst every municipality's effect at 6, 12 and 24 months with balance and caveats, no person", async () => {
      const s = await loginAs(srv.app, 'analytiker.siri');
      const res = await getOk(s, '/effekt');
      for (const h of [6, 12, 24]) expect(res.body).toContain(`Efter ${h} måneder`);
      expect(res.body).toContain('data-testid="outcomes-12"');
      expect(res.body).toContain('data-testid="balance-12"');
      expect(res.body).toContain('Registrene viser ikke motivation');
      expect(res.body).not.toMatch(/\b\d{6}-?\d{4}\b/);
      const names = (
        await srv.t.db.query<{ n: string }>(`SELECT first_name || ' ' || last_name AS n FROM participant ORDER BY random() LIMIT 30`)
      ).rows;
      for (const { n } of names) expect(res.body).not.toContain(n);
      const matched = /Matchede deltagere: <strong>([^<]+)<\/strong>/.exec(res.body)![1];
      expect(Number(matched.replace(/\./g, ''))).toBeGreaterThan(100);
      const audit = (
        await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'beregning' AND entity = 'effekt'`)
      ).rows[0].n;
      expect(audit).toBeGreaterThan(0);
      // Stored and reused while the data is unchanged.
      const again = await s.get('/effekt');
      expect(again.body).toContain(`Matchede deltagere: <strong>${matched}</strong>`);
      expect((await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM effect_result')).rows[0].n).toBeGreaterThan(0);
    });

    it("downloads the analyst's figures as CSV without a count from 1 to 4 and without ids", async () => {
      const s = await loginAs(srv.app, 'analytiker.siri');
      const res = await getOk(s, '/effekt.csv');
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvRows(res.body);
      expect(rows[0]).toEqual(['horisont', 'afsnit', 'navn', 'maal', 'vaerdi']);
      const counts = rows.filter((r) => r[1] === 'antal');
      expect(counts).toHaveLength(12);
      for (const r of counts) expect(r[4]).not.toMatch(/^[1-4]$/);
      expect(res.body).not.toMatch(/\b\d{6}-?\d{4}\b/);
    });

    it("shows a project leader her own project against the national pool, and not another municipality's project", async () => {
      const s = await loginAs(srv.app, w.m.leader.username);
      const res = await getOk(s, '/effekt');
      expect(res.body).toContain(`Projektet ${w.m.projectName}: deltagere i ${w.m.name} mod den nationale sammenligningspulje`);
      expect((await s.get(`/effekt?projekt=${w.other.projectId}`)).statusCode).toBe(404);
      expect((await s.get(`/effekt.csv?projekt=${w.other.projectId}`)).statusCode).toBe(404);
    });

    it('refuses caseworkers and administrators, and a bad month is a Danish error', async () => {
      for (const u of [w.m.caseworker, w.m.administrator, agencyAdmin].map((x) => x.username)) {
        const s = await loginAs(srv.app, u);
        expect((await s.get('/effekt')).statusCode).toBe(403);
        expect((await s.get('/effekt.csv')).statusCode).toBe(403);
      }
      const s = await loginAs(srv.app, 'analytiker.siri');
      const bad = await s.get('/effekt?maaned=2022-13');
      expect(bad.statusCode).toBe(400);
    });
  });
});
