/**
 * Effect and money (issue 12) through the HTTP routes, on both backends: the project leader's
 * budget and spending with a correctable history shown on Styring; the administrator's weekly
 * rates with sources and audited changes; the investment case on the Effekt page checked against
 * the test's own arithmetic from the stored (suppressed) runs; "Effekt og økonomi" in the
 * committee brief (HTML and PDF); the pool's retention and erasure of its register history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runPoolRetention } from '../src/app/effect/pool-retention.ts';
import { importPoolRows } from '../src/db/effect/pool.ts';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { seedDemoPool } from './helpers/effect-pool.ts';
import { pdfText, fold } from './helpers/downloads.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { csrfOf, loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { handleOf } from '../src/db/database.ts';
import { createAgency, createMunicipality, type TestMunicipality } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);
const kr = (n: number) => `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format(n)} kr.`;
const strip = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(backends())('effect and money on %s', (backend) => {
  const s = useTestServer(backend);
  let pid = 0;
  /** Fresh municipalities (no women, so the demo's effect figures are untouched): one, another jobcentre, and an agency. */
  let m: TestMunicipality;
  let other: TestMunicipality;
  let agency: Awaited<ReturnType<typeof createAgency>>;

  beforeAll(async () => {
    expect(await seedDemoPool(s.t.db)).toBeGreaterThan(1000);
    m = await createMunicipality(s.t.db, { women: 0 });
    other = await createMunicipality(s.t.db, { women: 0 });
    agency = await createAgency(s.t.db);
    pid = (
      await s.t.db.query<{ id: number }>(
        `SELECT p.id FROM project p JOIN project_municipality pm ON pm.project_id = p.id WHERE pm.municipality_code = '851' ORDER BY p.id LIMIT 1`,
      )
    ).rows[0].id;
  });

  const entries = async () =>
    (await s.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM project_money_entry WHERE project_id = $1', [pid])).rows[0].n;

  it('lets the project leader enter grant, budget and spending, correct them with the history kept, and shows them on Styring', async () => {
    const pl = await loginAs(s.app, 'projektleder.aalborg');
    const post = (f: Record<string, string>) =>
      pl.post(`/styring/oekonomi?projekt=${pid}`, { line: '', year: '', half: '', note: '', ...f });
    for (const f of <Record<string, string>[]>[
      { kind: 'bevilling', amount: '2.000.000' },
      { kind: 'egenfinansiering', amount: '500000' },
      { kind: 'budget', line: 'Løn til projektmedarbejdere', year: '2021', amount: '800.000' },
      { kind: 'budget', line: 'Løn til projektmedarbejdere', year: '2022', amount: '900.000' },
      { kind: 'forbrug', line: 'Løn til projektmedarbejdere', year: '2021', half: '1', amount: '380.000' },
      { kind: 'forbrug', line: 'Løn til projektmedarbejdere', year: '2021', half: '2', amount: '410.500,50' },
      // A correction: the 2021 budget was 850,000.
      { kind: 'budget', line: 'Løn til projektmedarbejdere', year: '2021', amount: '850.000', note: 'Rettet efter regnskab' },
    ])
      expect((await post(f)).statusCode).toBe(303);
    expect(await entries()).toBe(7);

    const bad = await post({ kind: 'forbrug', line: 'Løn til projektmedarbejdere', year: '21', half: '', amount: '12.000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv året med fire cifre, fx 2021.');
    expect(bad.body).toContain('Vælg første eller andet halvår.');
    expect(bad.body).toContain('value="21"');
    const badAmount = await post({ kind: 'forbrug', line: 'Løn til projektmedarbejdere', year: '2021', half: '1', amount: '12,3,4' });
    expect(badAmount.statusCode).toBe(400);
    expect(badAmount.body).toContain('Skriv beløbet i kroner som et tal');
    expect(badAmount.body).toContain('value="12,3,4"');
    expect(await entries()).toBe(7);

    const page = await pl.get(`/styring/oekonomi?projekt=${pid}`);
    expect(page.statusCode).toBe(200);
    const text = strip(page.body);
    // 850,000 + 900,000 = 1,750,000 budget; 380,000 + 410,500.50 = 790,500.50 spent; 850,000 − 790,500.50 = 59,499.50 left on 2021.
    expect(text).toContain('budget i alt: 1.750.000 kr.');
    expect(text).toContain('forbrug i alt: 790.501 kr. (til og med andet halvår 2021)');
    expect(text).toContain('59.500 kr.');
    const history = page.body.slice(page.body.indexOf('data-testid="money-history"'));
    expect(strip(history)).toContain('800.000,00 kr.');
    expect(strip(history)).toContain('850.000,00 kr.');
    expect(history).toContain('Rettet efter regnskab');

    const styring = strip((await pl.get(`/styring?projekt=${pid}`)).body);
    expect(styring).toContain('Budget og forbrug');
    expect(styring).toContain('Bevilling fra SIRI: 2.000.000 kr.');
    expect(styring).toContain('egenfinansiering: 500.000 kr.');

    const audit = (await s.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'projekt_oekonomi'`)).rows[0]
      .n;
    expect(audit).toBe(7);
  });

  it("lets a caseworker read but not enter, and nobody reach another municipality's project", async () => {
    const cw = await loginAs(s.app, m.caseworker.username);
    expect((await cw.get(`/styring/oekonomi?projekt=${m.projectId}`)).statusCode).toBe(200);
    expect((await cw.post(`/styring/oekonomi?projekt=${m.projectId}`, { kind: 'bevilling', amount: '1' })).statusCode).toBe(403);
    const pl = await loginAs(s.app, m.leader.username);
    expect((await pl.get(`/styring/oekonomi?projekt=${m.projectId}`)).statusCode).toBe(200);
    expect((await pl.get(`/styring/oekonomi?projekt=${other.projectId}`)).statusCode).toBe(404);
    expect((await pl.post(`/styring/oekonomi?projekt=${other.projectId}`, { kind: 'bevilling', amount: '1' })).statusCode).toBe(404);
    const count = async (project: number) =>
      (await s.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM project_money_entry WHERE project_id = $1', [project])).rows[0].n;
    expect(await count(m.projectId)).toBe(0);
    expect(await count(other.projectId)).toBe(0);
    for (const u of [agency.analyst, agency.administrator])
      expect((await (await loginAs(s.app, u.username)).get('/styring/oekonomi')).statusCode).toBe(403);
  });

  it('ships default rates with their source and lets only an administrator change them, audited', async () => {
    const admin = await loginAs(s.app, agency.administrator.username);
    const page = await admin.get('/admin/satser');
    expect(page.statusCode).toBe(200);
    expect(strip(page.body)).toContain('3.663,23 kr.');
    expect(page.body).toContain('Beskæftigelsesministeriet, Satser for 2023');
    const csrf = csrfOf(page.body);
    const post = (f: Record<string, string>) =>
      s.app.inject({
        method: 'POST',
        url: '/admin/satser',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, ...f }).toString(),
      });
    expect((await post({ category: 'fleksjob', year: '2022', rate: '2.500,00', source: 'Testkilde for fleksjob' })).statusCode).toBe(303);
    expect((await post({ category: 'fleksjob', year: '2022', rate: '2.600', source: 'Rettet testkilde' })).statusCode).toBe(303);
    const bad = await post({ category: 'fleksjob', year: '2022', rate: 'mange', source: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv satsen i kroner pr. uge');
    const row = (
      await s.t.db.query<{ rate: number; source: string }>(
        `SELECT weekly_rate::float8 AS rate, source FROM effect_rate WHERE category = 'fleksjob' AND year = 2022`,
      )
    ).rows[0];
    expect(row).toEqual({ rate: 2600, source: 'Rettet testkilde' });
    const audit = (
      await s.t.db.query<{ action: string; detail: { before: unknown; after: unknown } }>(
        `SELECT action, detail FROM audit_log WHERE entity = 'effekt_sats' ORDER BY id`,
      )
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['opret', 'ret']);
    expect(audit[1].detail.before).toEqual({ rate: 2500, source: 'Testkilde for fleksjob' });
    expect((await post({ category: 'fleksjob', year: '2022', rate: '', source: '' })).statusCode).toBe(303);
    expect((await s.t.db.query(`SELECT 1 FROM effect_rate WHERE category = 'fleksjob'`)).rows).toHaveLength(0);
    for (const u of [m.leader, agency.analyst]) {
      const x = await loginAs(s.app, u.username);
      expect((await x.get('/admin/satser')).statusCode).toBe(403);
      expect((await x.post('/admin/satser', { category: 'ydelse', year: '2023', rate: '1', source: 'xx' })).statusCode).toBe(403);
    }
    expect(
      (await s.t.db.query<{ r: number }>(`SELECT weekly_rate::float8 AS r FROM effect_rate WHERE category = 'ydelse' AND year = 2023`))
        .rows[0].r,
    ).toBe(3663.23);
  });

  it("shows the project leader the investment case in kroner, to the krone of the test's own sum, with break-even and caveats", async () => {
    const pl = await loginAs(s.app, 'projektleder.aalborg');
    const res = await pl.get(`/effekt?projekt=${pid}`);
    expect(res.statusCode).toBe(200);
    const stored = (
      await s.t.db.query<{
        key: string;
        result: {
          horizons: {
            horizon: number;
            supportSaved: { category: string; year: number; weeks: number }[] | null;
            matchedN: number | null;
          }[];
        };
      }>(`SELECT key, result FROM effect_result WHERE key LIKE '["project",' || $1 || ',%'`, [pid])
    ).rows[0];
    const h12 = stored.result.horizons.find((h) => h.horizon === 12)!;
    expect(h12.matchedN).toBeGreaterThan(5);
    // The test's own sum: weeks × matched × the shipped rate of the year, or of the nearest year (the earlier on a tie).
    const RATE: Record<string, Record<number, number>> = {
      ydelse: { 2021: 3587.77, 2023: 3663.23 },
      praktik: { 2021: 3587.77, 2023: 3663.23 },
      ressourceforloeb: { 2021: 3587.77, 2023: 3663.23 },
    };
    const rate = (c: string, y: number) => (RATE[c] ? (RATE[c][y] ?? (y <= 2022 ? RATE[c][2021] : RATE[c][2023])) : 0);
    const sum = h12.supportSaved!.reduce((acc, x) => acc + x.weeks * h12.matchedN! * rate(x.category, x.year), 0);
    const row = /data-testid="investment-12">([\s\S]*?)<\/tr>/.exec(res.body)![1];
    expect(strip(row)).toContain(kr(Math.round(sum)));
    // Net against spending to date, 790,500.50 kr.
    expect(strip(row)).toContain(kr(Math.round(sum - 790_500.5)));
    const cost = strip(/data-testid="investment-cost">([\s\S]*?)<\/p>/.exec(res.body)![1]);
    expect(cost).toContain('790.501 kr. – forbrug til og med andet halvår 2021');
    expect(res.body).toContain('data-testid="break-even"');
    expect(res.body).toContain('Forbehold ved investeringscasen');
    expect(res.body).toContain('Beskæftigelsesministeriet, Satser for 2021');
    const csv = (await pl.get(`/effekt.csv?projekt=${pid}`)).body;
    expect(csv).toContain(`12;investering;sparet;kroner;${Math.round(sum)}`);
  });

  it('shows the analyst the national case against the summed cost of the projects', async () => {
    const res = await (await loginAs(s.app, 'analytiker.siri')).get('/effekt');
    expect(res.statusCode).toBe(200);
    expect(strip(res.body)).toContain('Omkostning: 790.501 kr., summen af det, 1 projekter har indtastet');
  });

  it('puts "Effekt og økonomi" in plain Danish in the committee brief, in HTML and in the PDF', async () => {
    const pl = await loginAs(s.app, 'projektleder.aalborg');
    const html = (await pl.get(`/styring/rapporter/udvalg?projekt=${pid}`)).body;
    const main = html.slice(html.indexOf('<main'));
    expect(main).toContain('<h2>Effekt og økonomi</h2>');
    const section = strip(
      main.slice(main.indexOf('<h2>Effekt og økonomi</h2>'), main.indexOf('<h2>', main.indexOf('<h2>Effekt og økonomi</h2>') + 5)),
    );
    expect(section).toContain('Projektet har fået 2.000.000 kr. fra SIRI og 500.000 kr. i egenfinansiering.');
    expect(section).toContain('til og med andet halvår 2021 er der brugt 790.501 kr.');
    expect(section).toContain('lignende kvinder');
    expect(section).toContain('Tallene er usikre.');
    expect(section).not.toMatch(/effekt-2026|weeksOnSupport|SMD/);
    // A saving, or (when the women were more weeks on support than the comparison) an extra cost, never a negative saving.
    expect(section).not.toMatch(/omkring -/);
    expect(section).not.toContain('kr..');
    const kroner = /omkring ([\d.]+ kr\.) (?:mere )?i offentlige ydelser/.exec(section)![1];
    const effekt = strip((await pl.get(`/effekt?projekt=${pid}`)).body);
    expect(strip(/data-testid="investment-12">([\s\S]*?)<\/tr>/.exec((await pl.get(`/effekt?projekt=${pid}`)).body)![1])).toContain(kroner);
    expect(effekt).toContain(kroner);
    const pdf = await pl.get(`/styring/rapporter/udvalg.pdf?projekt=${pid}`);
    expect(pdf.statusCode).toBe(200);
    const text = fold(pdfText(pdf.rawPayload));
    expect(text).toContain('Effekt og økonomi');
    expect(text).toContain(kroner);
  });

  /** The latest register batch, and the CPR hash of a participant who has register data. */
  async function latestBatchAndParticipant() {
    const db = s.t.db;
    const batch = (await db.query<{ id: number }>('SELECT max(id) AS id FROM register_batch')).rows[0].id;
    const participantHash = (
      await db.query<{ h: string }>('SELECT p.cpr_hash AS h FROM participant p JOIN register_person r ON r.cpr_hash = p.cpr_hash LIMIT 1')
    ).rows[0].h;
    return { batch, participantHash };
  }

  it("deletes pool women past the retention period with their register data, keeps a participant's, and erasure removes her register history", async () => {
    const db = s.t.db;
    const { batch, participantHash } = await latestBatchAndParticipant();
    const old = (
      await db.query<{ id: number }>(
        `INSERT INTO comparison_pool_import (file_name, sha256, rows, imported_by_name, imported_at) VALUES ('gammel', 'x', 2, 'test', now() - interval '40 months') RETURNING id`,
      )
    ).rows[0].id;
    for (const h of ['ret:gammel', participantHash]) {
      await db.query(
        `INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, import_id) VALUES ($1, '1980-01-01', 'Aalborg', $2)`,
        [h, old],
      );
    }
    await db.query(`INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ('ret:gammel', '\\x01', $1)`, [batch]);
    await db.query(`INSERT INTO register_person_version (cpr_hash, batch_id, data) VALUES ('ret:gammel', $1, '\\x01')`, [batch]);
    const pool = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_pool')).rows[0].n;
    const before = await pool();

    const dry = await runPoolRetention({ db: handleOf(db) }, { months: 36, dryRun: true });
    expect([dry.women, dry.registerRows]).toEqual([2, 1]);
    expect(await pool()).toBe(before);
    const r = await runPoolRetention({ db: handleOf(db) }, { months: 36, dryRun: false });
    expect([r.women, r.registerRows]).toEqual([2, 1]);
    expect(await pool()).toBe(before - 2);
    expect((await db.query(`SELECT 1 FROM register_person WHERE cpr_hash = 'ret:gammel'`)).rows).toHaveLength(0);
    expect((await db.query(`SELECT 1 FROM register_person_version WHERE cpr_hash = 'ret:gammel'`)).rows).toHaveLength(0);
    expect((await db.query('SELECT 1 FROM register_person WHERE cpr_hash = $1', [participantHash])).rows).toHaveLength(1);
    // The demo pool, imported now, is kept.
    expect(await pool()).toBeGreaterThan(1000);
    const audit = (
      await db.query<{ detail: { women: number } }>(
        `SELECT detail FROM audit_log WHERE action = 'opbevaring' AND entity = 'comparison_pool'`,
      )
    ).rows;
    expect(audit.map((a) => a.detail.women)).toEqual([2]);

    // Erasure on request also removes her per-delivery register history.
    const hash = vault.hashCpr('0505904002');
    await db.query(`INSERT INTO comparison_pool (cpr_hash, birth_date, municipality, import_id) VALUES ($1, '1990-05-05', 'Aalborg', $2)`, [
      hash,
      old + 0,
    ]);
    await db.query(`INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ($1, '\\x01', $2)`, [hash, batch]);
    await db.query(`INSERT INTO register_person_version (cpr_hash, batch_id, data) VALUES ($1, $2, '\\x01')`, [hash, batch]);
    const analyst = await loginAs(s.app, 'analytiker.siri');
    const csrf = csrfOf((await analyst.get('/effekt/pulje')).body);
    const res = await s.app.inject({
      method: 'POST',
      url: '/effekt/pulje/slet',
      headers: { cookie: analyst.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, cpr: '050590-4002' }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect((await db.query('SELECT 1 FROM register_person_version WHERE cpr_hash = $1', [hash])).rows).toHaveLength(0);
    expect((await db.query('SELECT 1 FROM comparison_pool WHERE cpr_hash = $1', [hash])).rows).toHaveLength(0);
  });

  it("a new pool list that drops a woman deletes her register data with her, keeps a participant's and the women still listed", async () => {
    const db = s.t.db;
    const { batch, participantHash } = await latestBatchAndParticipant();
    const saved = (
      await db.query<{ cpr_hash: string; birth_date: string; municipality: string; origin_country: string | null }>(
        `SELECT cpr_hash, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, municipality, origin_country FROM comparison_pool`,
      )
    ).rows;
    const row = (hash: string) => ({ hash, birthDate: '1980-01-01', municipality: 'Aalborg', originCountry: null });
    for (const h of ['drop:a', 'drop:b']) {
      await db.query(`INSERT INTO register_person (cpr_hash, data, batch_id) VALUES ($1, '\\x01', $2)`, [h, batch]);
      await db.query(`INSERT INTO register_person_version (cpr_hash, batch_id, data) VALUES ($1, $2, '\\x01')`, [h, batch]);
    }
    const actor = { userId: 0, username: 'test-analytiker', role: 'analytiker' as const, ip: '127.0.0.1' } as Parameters<
      typeof importPoolRows
    >[1];
    await importPoolRows(db, actor, { fileName: 'pulje-1.csv', sha256: 'a', rows: [row('drop:a'), row('drop:b'), row(participantHash)] });
    await importPoolRows(db, actor, { fileName: 'pulje-2.csv', sha256: 'b', rows: [row('drop:b')] });
    const has = async (table: string, h: string) => (await db.query(`SELECT 1 FROM ${table} WHERE cpr_hash = $1`, [h])).rows.length;
    expect([await has('register_person', 'drop:a'), await has('register_person_version', 'drop:a')]).toEqual([0, 0]);
    expect([await has('register_person', 'drop:b'), await has('register_person_version', 'drop:b')]).toEqual([1, 1]);
    expect(await has('register_person', participantHash)).toBe(1);
    const audit = (
      await db.query<{ detail: { droppedRegisterRows: number } }>(
        `SELECT detail FROM audit_log WHERE action = 'puljeimport' ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0];
    expect(audit.detail.droppedRegisterRows).toBe(1);
    // Put the demo pool back for any test after this one.
    await importPoolRows(db, actor, {
      fileName: 'demo',
      sha256: 'c',
      rows: saved.map((r) => ({
        hash: r.cpr_hash,
        birthDate: r.birth_date,
        municipality: r.municipality,
        originCountry: r.origin_country,
      })),
    });
  });
});
