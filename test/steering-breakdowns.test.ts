/**
 * Issue 13 build 4: results (register) and case measures by Flere skal med group, recruitment
 * channel, country of origin (DST's grouping), exit reason and municipality × visitation — on
 * Styring, in the project reports and nationally (suppressed).
 *
 * The data is a world this file builds (test/helpers/world.ts): a jobcentre of two fresh
 * municipalities with one project, twenty women enrolled in January 2015 (before any demo
 * enrolment, so the national view of December 2015 holds only them) with the fields, register
 * weeks, activities and plans of WOMEN. The expected figures are a hand count from the database
 * rows: the recorded fields, activities and plans are read with plain SQL here and counted in the
 * test; the register level of each enrolment is the engine's own per-enrolment result (the engine
 * is not the code under test, the grouping is), and a few figures are also written out by hand
 * from WOMEN. Country groups come from the public country list (domain/countries.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { breakdownOf, type Breakdown } from '../src/app/steering/breakdowns.ts';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { loadSteeringData } from '../src/app/steering/steering-data.ts';
import { defaultMonths } from '../src/app/register/default-months.ts';
import { BUILT_IN_ACTIVITY_TYPES } from '../src/domain/activities.ts';
import { COUNTRIES } from '../src/domain/countries.ts';
import { loadActor } from '../src/db/users.ts';
import { useTestServer } from './helpers/server.ts';
import { channelMembers, noGoalGroup } from './helpers/breakdown-members.ts';
import { determinedCells, SECONDARY, VISIBLE } from '../src/monitoring/suppress.ts';
import type { MonitorResult } from '../src/monitoring/types.ts';
import { backends, testDeps } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { importRegisterFile } from '../src/app/register/import-register-file.ts';
import { planSchema } from '../src/domain/plan.ts';
import { createVault } from '../src/security/vault.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { addNeighbour, createAgency, createMunicipality, type TestMunicipality, type TestWoman } from './helpers/world.ts';

/**
 * The twenty women: 0–13 of municipality a, 14–19 of its neighbour b. Register weeks of 2015: SU
 * (651, uddannelse → Mål 1) in week 20 for 0, 1, 2, 5; virksomhedspraktik (137 → Mål 3) in week 25
 * for 6, 7, 12. A company-oriented activity started for 0, 6, 7, 13 (9's is only planned); CV on
 * Jobnet with a full ABC strategy for 1, 6, 10 (11 has only A). Exits: 3 and 8 (job) in September,
 * 17 (education) in October.
 */
const N = 20;
const IN_A = 14;
const SU = [0, 1, 2, 5];
const PRAKTIK = [6, 7, 12];
const COMPANY = [0, 6, 7, 13];
const CV = [1, 6, 10];
const EXITS: Record<number, [string, string]> = {
  3: ['2015-09-30', 'job_ordinaer'],
  8: ['2015-09-30', 'job_ordinaer'],
  17: ['2015-10-31', 'uddannelse'],
};
const womanSpec = (i: number) => ({
  visitation: i % 3 === 0 ? 'aktivitetsparat' : 'jobparat',
  fsm: [1, 2, 3, null][i % 4],
  channel: i < 12 ? 'jobcenter' : i < 15 ? 'boligomraade' : 'lokaltv',
  country: i % 5 === 0 ? 'Tyskland' : i % 5 === 4 ? null : i % 2 ? 'Syrien' : 'Somalia',
});
/** By hand from the lists above, for the women of recruitment channel jobcenter (0–11): [women, Mål 1 or 2, Mål 3, company, CV]. */
const JOBCENTER_BY_HAND = [12, 4, 2, 3, 3];
/** The same for all twenty. */
const ALL_BY_HAND = [20, 4, 3, 4, 3];

/**
 * Hidden cells a reader determines from the table's rows and columns (the exact check): the cells
 * printed here or elsewhere on the page are known when shown, the never-printed ones (no goal, not
 * durable, …) unknowns; a hidden printed cell, or a small never-printed one, must not be determined.
 */
function determinedByReader(b: Breakdown): number[] {
  const { values, sets, state, printed } = b.cells;
  const reader = state.map((s, i) => (printed.has(i) ? s : SECONDARY));
  return determinedCells(values, sets, reader).filter((i) => (printed.has(i) ? state[i] !== VISIBLE : values[i] >= 1 && values[i] < 5));
}

const vault = createVault(TEST_SECRET);
const analyst = { userId: 0, username: 'test-analytiker', role: 'analytiker' as const, ip: '127.0.0.1' };

type Row = {
  id: string;
  participantId: string;
  projectId: number;
  municipality: string;
  visitation: string;
  fsm: number | null;
  channel: string | null;
  country: string | null;
  exitedOn: string | null;
  exitReason: string | null;
};

const monthEndOf = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** A group that a hand-counted enrolment falls in, for each dimension. */
function keysOf(r: Row, at: string): Record<Breakdown['dimension'], string> {
  const lower = (r.country ?? '').trim().toLowerCase();
  const country = COUNTRIES.find((c) => c.name.toLowerCase() === lower || c.code.toLowerCase() === lower);
  return {
    flere_skal_med: r.fsm === null ? 'ikke_oplyst' : String(r.fsm),
    kanal: r.channel ?? 'ikke_oplyst',
    oprindelse: country?.group ?? 'ikke_oplyst',
    udskrivning: r.exitedOn && r.exitedOn <= at ? (r.exitReason ?? 'ikke_oplyst') : 'ikke_udskrevet',
    kommune_visitation: `${r.municipality}|${r.visitation}`,
  };
}

describe.each(backends())('results and case measures by recorded fields on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = {} as { a: TestMunicipality; b: { name: string }; women: { w: TestWoman; code: string }[]; siri: string };
  beforeAll(async () => {
    const db = srv.t.db;
    const visitation = (i: number) => womanSpec(i).visitation;
    w.a = await createMunicipality(db, { women: IN_A, enrolledOn: '2015-01-05', visitation });
    const b = await addNeighbour(db, w.a, { women: N - IN_A, enrolledOn: '2015-01-05', visitation: (i) => visitation(IN_A + i) });
    w.b = b;
    w.women = [...w.a.women.map((x) => ({ w: x, code: w.a.code })), ...b.women.map((x) => ({ w: x, code: b.code }))];
    for (const [i, { w: x, code }] of w.women.entries()) {
      const spec = womanSpec(i);
      await db.query(
        `UPDATE enrolment SET flere_skal_med = $2, recruitment_channel = $3, exited_on = $4, exit_reason = $5 WHERE participant_id = $1`,
        [x.id, spec.fsm, spec.channel, EXITS[i]?.[0] ?? null, EXITS[i]?.[1] ?? null],
      );
      await db.query('UPDATE participant SET country_of_origin = $2 WHERE id = $1', [x.id, spec.country]);
      if (COMPANY.includes(i) || i === 9)
        await db.query(
          `INSERT INTO casework_activity (participant_id, municipality_code, type_key, provider, start_date, status)
           VALUES ($1, $2, 'virksomhedspraktik', 'Bageriet ApS', '2015-03-01', $3)`,
          [x.id, code, i === 9 ? 'planlagt' : 'i_gang'],
        );
      if (CV.includes(i) || i === 11) {
        const abc = { a: 'Bager', b: i === 11 ? null : 'Kantine', c: i === 11 ? null : 'Rengøring' };
        const plan = { ...planSchema.parse({ abcStrategy: {} }), cvOnJobnet: true, abcStrategy: abc };
        await db.query(`INSERT INTO casework_plan (participant_id, municipality_code, data, updated_by) VALUES ($1, $2, $3, $4)`, [
          x.id,
          code,
          JSON.stringify(plan),
          w.a.caseworker.id,
        ]);
      }
    }
    const weeks = Array.from({ length: 30 }, (_, k) => k + 1);
    const codeOf = (i: number, wk: number) => (wk === 20 && SU.includes(i) ? 651 : wk === 25 && PRAKTIK.includes(i) ? 137 : '');
    const lines = [
      ['PNR', ...weeks.map((wk) => `y_15${String(wk).padStart(2, '0')}`)].join(';'),
      ...w.women.map(({ w: x }, i) => [x.cpr, ...weeks.map((wk) => codeOf(i, wk))].join(';')),
    ];
    await importRegisterFile({ db, vault }, analyst, {
      kind: 'ydelser',
      fileName: 'opdeling-ydelser.csv',
      bytes: new TextEncoder().encode(lines.join('\n')),
    });
    w.siri = (await createAgency(db)).analyst.username;
  });
  const q = <T>(sql: string, params: unknown[] = []) => srv.t.db.query<T>(sql, params).then((r) => r.rows);
  const actorOf = async (username: string) =>
    (await loadActor(srv.t.db, (await q<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id, '127.0.0.1'))!;

  /** The hand count: [women, Mål 1 or 2, Mål 3, company-oriented course, CV and ABC] per group key. */
  async function handCount(scope: { projectId: number } | 'all', result: MonitorResult, at: string) {
    const where = scope === 'all' ? '' : 'AND e.project_id = $2';
    const rows = await q<Row>(
      `SELECT e.id, e.participant_id AS "participantId", e.project_id AS "projectId", m.name AS municipality, e.visitation, e.flere_skal_med AS fsm,
              e.recruitment_channel AS channel, p.country_of_origin AS country, e.exited_on::text AS "exitedOn", e.exit_reason AS "exitReason"
       FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.code = p.municipality_code
       WHERE e.enrolled_on <= $1::date ${where}`,
      scope === 'all' ? [at] : [at, scope.projectId],
    );
    const acts = await q<{ participantId: string; typeKey: string; startDate: string; status: string }>(
      `SELECT participant_id AS "participantId", type_key AS "typeKey", start_date::text AS "startDate", status FROM casework_activity`,
    );
    const extra = await q<{ projectId: number; key: string; category: string }>(
      `SELECT project_id AS "projectId", key, category FROM project_activity_type`,
    );
    const plans = new Map(
      (
        await q<{ participantId: string; data: { cvOnJobnet?: boolean; abcStrategy?: { a?: string; b?: string; c?: string } } }>(
          `SELECT participant_id AS "participantId", data FROM casework_plan`,
        )
      ).map((p) => [p.participantId, p.data]),
    );
    const builtIn = new Map(BUILT_IN_ACTIVITY_TYPES.map((b) => [b.key, b.category]));
    const categoryOf = (projectId: number, key: string) =>
      builtIn.get(key) ?? extra.find((x) => x.projectId === projectId && x.key === key)?.category;
    const level = new Map(result.participants.map((p) => [p.id, p]));
    const counts = new Map<string, number[]>();
    const bump = (k: string, v: number[]) => {
      const c = counts.get(k) ?? [0, 0, 0, 0, 0];
      v.forEach((x, i) => {
        c[i] += x;
      });
      counts.set(k, c);
    };
    let members = 0;
    for (const r of rows) {
      const res = level.get(r.id);
      if (!res) continue; // not in the engine's cohort
      members++;
      const company = acts.some(
        (a) =>
          a.participantId === r.participantId &&
          a.status !== 'planlagt' &&
          a.startDate <= at &&
          categoryOf(r.projectId, a.typeKey) === 'virksomhedsrettet',
      );
      const plan = plans.get(r.participantId);
      const cv = plan?.cvOnJobnet === true && Boolean(plan.abcStrategy?.a && plan.abcStrategy.b && plan.abcStrategy.c);
      const v = [1, res.accumulated === 1 || res.accumulated === 2 ? 1 : 0, res.accumulated === 3 ? 1 : 0, company ? 1 : 0, cv ? 1 : 0];
      const keys = keysOf(r, at);
      for (const [dim, k] of Object.entries(keys)) {
        bump(`${dim}:${k}`, v);
        bump(`${dim}:*`, v);
        if (dim === 'kommune_visitation') bump(`${dim}:${r.municipality}|*`, v);
      }
    }
    return { counts, members };
  }

  it('a project’s tables on Styring equal a hand count, with both municipalities and visitation at enrolment', async () => {
    const pid = w.a.projectId;
    const months = await defaultMonths(srv.t.db);
    const d = await loadSteeringData(testDeps(srv.t.db), await actorOf(w.a.leader.username), pid, months, {
      suppress: false,
    });
    const { counts, members } = await handCount({ projectId: pid }, d.result, monthEndOf(months.month));
    expect(members).toBe(N);
    // The hand count agrees with the figures worked out from WOMEN.
    expect(counts.get('kanal:jobcenter')).toEqual(JOBCENTER_BY_HAND);
    expect(counts.get('kanal:*')).toEqual(ALL_BY_HAND);
    const bs = d.breakdowns!;
    expect(bs.map((b) => b.dimension)).toEqual(['flere_skal_med', 'kanal', 'oprindelse', 'udskrivning', 'kommune_visitation']);
    let compared = 0;
    for (const b of bs) {
      for (const row of b.rows) {
        const want = counts.get(`${b.dimension}:${row.key}`) ?? [0, 0, 0, 0, 0];
        expect(row.values, `${b.dimension} ${row.key}`).toEqual(want);
        compared++;
      }
      // Every hand-counted group has its row.
      for (const k of counts.keys())
        if (k.startsWith(`${b.dimension}:`))
          expect(
            b.rows.some((r) => `${b.dimension}:${r.key}` === k),
            k,
          ).toBe(true);
      // The total is the engine's whole group.
      const total = b.rows.find((r) => r.kind === 'total')!.values;
      expect(total.slice(0, 3)).toEqual([
        d.result.groups.all.n,
        d.result.groups.all.accumulated['1_or_2'],
        d.result.groups.all.accumulated['3'],
      ]);
    }
    expect(compared).toBeGreaterThan(30);
    // The world records something in every breakdown: more than one group with women.
    for (const b of bs)
      expect(b.rows.filter((r) => r.kind === 'group' && r.values[0] !== 0).length, b.dimension).toBeGreaterThan(
        b.dimension === 'oprindelse' ? 0 : 1,
      );
    // Two municipalities: each with its subtotal, which is the engine's municipality group.
    const kv = bs.find((b) => b.dimension === 'kommune_visitation')!;
    for (const m of [w.a.name, w.b.name]) expect(kv.rows.find((r) => r.key === `${m}|*`)!.values[0]).toBe(d.result.groups.kommune[m].n);

    // Shown on Styring, saying that visitation is her category at enrolment.
    const s = await loginAs(srv.app, w.a.leader.username);
    const page = await s.get(`/styring?projekt=${pid}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>Resultater og indsats efter baggrund</h2>');
    for (const id of ['flere_skal_med', 'kanal', 'oprindelse', 'udskrivning', 'kommune_visitation'])
      expect(page.body).toContain(`data-testid="tabel-opdeling-${id}"`);
    expect(page.body).toContain('kvindens kategori ved indskrivningen, som i SIRI');
    const fsm = /data-testid="tabel-opdeling-kanal"[\s\S]*?<\/table>/.exec(page.body)![0];
    const jobcenter = counts.get('kanal:jobcenter')!;
    expect(fsm).toMatch(
      new RegExp(`Jobcenter / sagsbehandler</th>\\s*<td[^>]*>${new Intl.NumberFormat('da-DK').format(jobcenter[0])}</td>`),
    );
  }, 300_000);

  it('the half-yearly and final reports carry the tables in every format', async () => {
    const pid = w.a.projectId;
    const s = await loginAs(srv.app, w.a.leader.username);
    for (const kind of ['halvaarlig', 'slutrapport']) {
      const csv = await s.get(`/styring/rapporter/${kind}.csv?projekt=${pid}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('Resultater og indsats efter rekrutteringskanal');
      expect(csv.body).toContain('Resultater og indsats efter kommune og visitationskategori ved indskrivning');
      const htmlRes = await s.get(`/styring/rapporter/${kind}?projekt=${pid}`);
      expect(htmlRes.body).toContain('Resultater og indsats efter Flere skal med-gruppe');
      for (const format of ['pdf', 'xlsx']) {
        const r = await s.get(`/styring/rapporter/${kind}.${format}?projekt=${pid}`);
        expect(r.statusCode, `${kind}.${format}`).toBe(200);
        expect(r.rawPayload.length).toBeGreaterThan(5_000);
      }
    }
  }, 300_000);

  it('nationally: every shown figure equals the hand count, small ones are hidden, and no hidden one follows from the rest', async () => {
    // December 2015: only this file's twenty women have been enrolled by then.
    const months = { month: '2015-12', durableMonth: '2015-12', snapshotMonth: '2015-12' };
    const nd = await loadNationalData(testDeps(srv.t.db, { suppressThreshold: 5 }), await actorOf(w.siri), months);
    expect(nd.threshold).toBe(5);
    expect(nd.breakdowns.map((b) => b.dimension)).toEqual(['flere_skal_med', 'kanal', 'oprindelse', 'udskrivning']);
    // The engine's per-enrolment results for the hand count (unsuppressed, only inside the test).
    const { monitor } = await import('../src/monitoring/engine.ts');
    const { nationalMonitorInput, cohortOf } = await import('../src/app/register/load-monitor-input.ts');
    const full = monitor(cohortOf((await nationalMonitorInput(srv.t.db)).input, months.month).input, { ...months, suppress: 0 });
    const { counts, members } = await handCount('all', full, monthEndOf(months.month));
    expect(members).toBe(N);
    expect(counts.get('kanal:*')).toEqual(ALL_BY_HAND);
    let small = 0,
      secondary = 0;
    for (const b of nd.breakdowns) {
      for (const row of b.rows) {
        const want = counts.get(`${b.dimension}:${row.key}`) ?? [0, 0, 0, 0, 0];
        row.values.forEach((v, i) => {
          const w = want[i];
          if (w >= 1 && w < nd.threshold) {
            expect(v, `${b.dimension} ${row.key} ${i}`).toBe(`<${nd.threshold}`);
            small++;
          } else if (v === 'x') secondary++;
          else expect(v, `${b.dimension} ${row.key} ${i}`).toBe(w);
        });
      }
      // No hidden cell is determined by the table's rows and columns (the exact check).
      expect(determinedByReader(b), b.dimension).toEqual([]);
    }
    expect(small).toBeGreaterThan(0);
    expect(secondary).toBeGreaterThan(0);
    // The national page shows them.
    const s = await loginAs(srv.app, w.siri);
    const page = await s.get(`/nationalt?maaned=${months.month}&varig=${months.durableMonth}&status=${months.snapshotMonth}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="tabel-opdeling-udskrivning"');
    expect(page.body).not.toContain('data-testid="tabel-opdeling-kommune_visitation"');
    expect(page.body).toContain('Ikke-vestligt land');
  }, 300_000);
});

describe('suppression of a breakdown table', () => {
  const members = (channel: string, n: number) => channelMembers(channel, n);
  const g = noGoalGroup;
  const result = { groups: { all: g(33), kommune: { Aalborg: g(33) }, visitation: {} } } as unknown as MonitorResult;

  it('hides a small group and a complement in the same column, and shows the total the engine shows', () => {
    const b = breakdownOf(
      'kanal',
      [...members('jobcenter', 20), ...members('boligomraade', 3), ...members('lokaltv', 10)],
      '2024-12-31',
      5,
      { result },
    );
    const n = Object.fromEntries(b.rows.map((r) => [r.key, r.values[0]]));
    expect(n).toEqual({ jobcenter: 20, boligomraade: '<5', lokaltv: 'x', netvaerk_forening: 0, rollemodel: 0, andet: 0, '*': 33 });
    expect(b.rows[0].values).toHaveLength(5);
    // The three without a company-oriented course (never shown) are protected too: the rows' «virksomhed» (0) cannot give them away.
    expect(determinedByReader(b)).toEqual([]);
  });

  it("keeps the whole group's hidden figure hidden in municipality × visitation when the project has one municipality", () => {
    // The report hides the whole group's «Mål 3» (x); the municipality's figures are never printed (shown, 10).
    // With one municipality the table's total is the whole group: before, the municipality's state overwrote
    // the whole group's there and the total row printed the hidden 10 (seeded for 2 Dec 2026: 24).
    const women = members('jobcenter', 30).map((m, i) => ({ ...m, accumulated: (i < 10 ? 3 : 0) as 3 | 0 }));
    const acc = (three: number | string) => ({ '1': 0, '2': 0, '3': three, '0': 20, '1_or_2': 0 });
    const group = (three: number | string) => ({ n: 30, accumulated: acc(three), durable: { full: 0, partial: 0, none: 30 } });
    const both = { groups: { all: group('x'), kommune: { Aalborg: group(10) }, visitation: { jobparat: group('x') } } };
    const b = breakdownOf('kommune_visitation', women, '2024-12-31', 5, { result: both as unknown as MonitorResult });
    const total = b.rows.find((r) => r.kind === 'total')!;
    expect(total.values[0]).toBe(30);
    expect(total.values[2]).toBe('x');
    expect(b.rows.filter((r) => r.kind !== 'total').map((r) => r.values[2])).not.toContain(10);
  });

  it('shows everything inside the municipality (no suppression)', () => {
    const b = breakdownOf('kanal', [...members('jobcenter', 20), ...members('boligomraade', 3)], '2024-12-31', 0, null);
    expect(b.rows.map((r) => r.values[0])).toEqual([20, 3, 0, 0, 0, 0, 23]);
  });
});
