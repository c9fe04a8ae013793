/** The analyst's microdata download: stable pseudonyms per person and project, never CPR or names. */
import { describe, expect, it } from 'vitest';
import { generateCohort } from '../src/demo/cohort.ts';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { getOk, loginAs } from './helpers/http.ts';
import { csvRows } from './helpers/downloads.ts';
import { createMunicipality } from './helpers/world.ts';

describe.each(backends())('pseudonymised microdata on %s', (backend) => {
  const srv = useTestServer(backend);

  it('gives the analyst one row per enrolment with a stable pseudonym and no CPR number or name', async () => {
    const s = await loginAs(srv.app, 'analytiker.siri');
    const res = await getOk(s, '/nationalt/mikrodata.csv?maaned=2022-12&varig=2023-02&status=2023-02');
    expect(res.headers['content-disposition']).toContain('mikrodata-pseudonymiseret-2022-12.csv');
    const lines = csvRows(res.body);
    expect(lines[0].slice(0, 11)).toEqual([
      'pseudonym',
      'projekt',
      'kommune',
      'visitation',
      'aldersgruppe',
      'indskrevet_maaned',
      'udskrevet_maaned',
      'aktuel',
      'akkumuleret',
      'varig',
      'status',
    ]);
    const enrolments = (await srv.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment')).rows[0].n;
    expect(lines.length - 1).toBe(enrolments);
    const women = generateCohort({ seed: 2019 }).women;
    const cells = new Set(lines.flat());
    for (const w of women) {
      expect(res.body).not.toContain(w.cpr);
      expect(res.body).not.toContain(`${w.cpr.slice(0, 6)}-${w.cpr.slice(6)}`);
      expect(cells.has(w.lastName)).toBe(false);
    }
    // The pseudonym is the keyed one for her CPR hash and project, the same on every download.
    const vault = createVault(TEST_SECRET);
    const w = women.find((x) => x.projectKey === 'aalborg')!;
    const expected = vault.pseudonym(vault.hashCpr(w.cpr), 'aalborg');
    expect(lines.some((l) => l[0] === expected && l[1] === 'aalborg')).toBe(true);
    const again = await s.get('/nationalt/mikrodata.csv?maaned=2022-12&varig=2023-02&status=2023-02');
    expect(again.body).toBe(res.body);
    const audited = await srv.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'mikrodata_eksport'`);
    expect(audited.rows[0].n).toBe(2);
  });

  it('adds per instrument and dimension the first and latest score inside the enrolment and their difference (hand count from the rows)', async () => {
    const s = await loginAs(srv.app, 'analytiker.siri');
    const res = await getOk(s, '/nationalt/mikrodata.csv?maaned=2022-12&varig=2023-02&status=2023-02');
    const [head, ...rows] = csvRows(res.body);
    const col = (name: string) => {
      const i = head.indexOf(name);
      expect(i, name).toBeGreaterThan(0);
      return i;
    };
    for (const c of [
      'who5_antal',
      'who5_foerste',
      'who5_seneste',
      'who5_aendring',
      'who5_glad_foerste',
      'fremdriftstrappen_antal',
      'fremdriftstrappen_aendring',
      'fremdriftstrappen_dansk_foerste',
      'fremdriftstrappen_dansk_seneste',
      'fremdriftstrappen_dansk_aendring',
      'fremdriftstrappen_jobsoegning_aendring',
    ])
      col(c);
    // Independently: her assessments dated inside the enrolment and up to the report month, first and latest by date.
    const vault = createVault(TEST_SECRET);
    const fact = async (instrument: string, dim: string) =>
      (
        await srv.t.db.query<{
          hash: string;
          project: string;
          on: string;
          n: number;
          f: number | null;
          l: number | null;
          fd: number | null;
          ld: number | null;
        }>(
          `SELECT p.cpr_hash AS hash, pr.key AS project, to_char(e.enrolled_on, 'YYYY-MM') AS "on", count(a.id)::int AS n,
              ((array_agg(a.total ORDER BY a.assessed_on, a.created_at, a.id) FILTER (WHERE a.id IS NOT NULL))[1])::int AS f,
              ((array_agg(a.total ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC) FILTER (WHERE a.id IS NOT NULL))[1])::int AS l,
              ((array_agg((a.answers ->> $2)::int ORDER BY a.assessed_on, a.created_at, a.id) FILTER (WHERE a.id IS NOT NULL))[1]) AS fd,
              ((array_agg((a.answers ->> $2)::int ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC) FILTER (WHERE a.id IS NOT NULL))[1]) AS ld
       FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN project pr ON pr.id = e.project_id
       LEFT JOIN casework_assessment a ON a.participant_id = e.participant_id AND a.instrument_key = $1
         AND a.assessed_on BETWEEN e.enrolled_on AND LEAST(coalesce(e.exited_on, DATE '2022-12-31'), DATE '2022-12-31')
       GROUP BY e.id, p.cpr_hash, pr.key, e.enrolled_on`,
          [instrument, dim],
        )
      ).rows;
    for (const [instrument, dim] of [
      ['fremdriftstrappen', 'dansk'],
      ['who5', 'glad'],
    ] as const) {
      const expected = (await fact(instrument, dim))
        .map((r) =>
          [
            vault.pseudonym(r.hash, r.project),
            r.on,
            r.n,
            r.f === null ? '' : r.f,
            r.l === null ? '' : r.l,
            r.n >= 2 ? r.l! - r.f! : '',
            r.fd ?? '',
            r.ld ?? '',
            r.n >= 2 ? r.ld! - r.fd! : '',
          ].join('|'),
        )
        .sort();
      const got = rows
        .map((l) =>
          [
            l[0],
            l[col('indskrevet_maaned')],
            ...['antal', 'foerste', 'seneste', 'aendring', `${dim}_foerste`, `${dim}_seneste`, `${dim}_aendring`].map(
              (c) => l[col(`${instrument}_${c}`)],
            ),
          ].join('|'),
        )
        .sort();
      expect(got).toEqual(expected);
      // The demo has women with two or more measurements on each instrument, and some who moved.
      const moved = rows.filter((l) => Number(l[col(`${instrument}_antal`)]) >= 2 && l[col(`${instrument}_aendring`)] !== '0');
      expect(moved.length, instrument).toBeGreaterThan(20);
    }
  });

  it("is refused to a municipality's caseworker and project leader", async () => {
    const m = await createMunicipality(srv.t.db, { women: 1 }); // test/helpers/world.ts
    for (const u of [m.caseworker.username, m.leader.username]) {
      const s = await loginAs(srv.app, u);
      expect((await s.get('/nationalt/mikrodata.csv')).statusCode).toBe(403);
    }
  });
});
