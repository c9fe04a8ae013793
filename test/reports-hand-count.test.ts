/**
 * The monthly report's figures against a hand count (issue 17: expected values must not come from
 * the code under test). Ten women of a fresh municipality, enrolled 4 January 2021, each given
 * DREAM weeks and paid hours chosen so that every level, durable status and snapshot category of
 * spec `kib-2019.1` §§3–4 occurs; the expected figures below were worked out by hand from the
 * spec's text and the public DREAM list (../shared/reference/dream-statuskoder.csv):
 * 651 SU → uddannelse, 137 virksomhedspraktik → praktik, 135 løntilskud → loentilskud,
 * 730 kontanthjælp → ydelse, 740 ledighedsydelse → fleksjob, 997 udvandret → udgaaet.
 * The report is read back as its user gets it: the CSV download of `/styring/rapporter`.
 */
import { describe, expect, it } from 'vitest';
import { importRegisterFile } from '../src/app/register/import-register-file.ts';
import { createVault } from '../src/security/vault.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { TEST_SECRET } from './helpers/env.ts';
import { loginAs } from './helpers/http.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const vault = createVault(TEST_SECRET);
const analyst = { userId: 0, username: 'test-analytiker', role: 'analytiker' as const, ip: '127.0.0.1' };

/** ISO weeks 2021-W01 … 2021-W25: their Thursdays fall from 7 January to 24 June 2021. */
const WEEKS = Array.from({ length: 25 }, (_, i) => i + 1);
const col = (w: number) => `y_21${String(w).padStart(2, '0')}`;

interface Plan {
  weeks: Record<number, number>;
  hours: Record<string, number>;
}
const fill = (code: number, except: Record<number, number> = {}) => Object.fromEntries(WEEKS.map((w) => [w, except[w] ?? code]));

/**
 * Per woman (index 0–9), her weeks (week number → code) and hours (month → hours). The comments
 * give her hand-worked result for report month 2021-06: accumulated (best) level, current level in
 * June, durable status over January–June, snapshot at the last week of June (2021-W25).
 */
const PLANS: Plan[] = [
  // 1: SU in W10 (Thu 11 March) → acc 1; June 730 → current 0; snapshot ledig_ydelse.
  { weeks: fill(730, { 10: 651 }), hours: {} },
  // 2: 100 h in April, May, June (a = 23.3, 22.6, 23.3 > 18.5) → acc 1, current 1, durable full,
  //    no code in W25 → snapshot beskaeftigelse_fuld.
  { weeks: {}, hours: { '2021-04': 100, '2021-05': 100, '2021-06': 100 } },
  // 3: 40 h in June (a = 9.3) → acc 2, current 2, durable none, snapshot beskaeftigelse_delvis.
  { weeks: {}, hours: { '2021-06': 40 } },
  // 4: praktik in W14 (Thu 8 April) → acc 3; June 730 → current 0; snapshot ledig_ydelse.
  { weeks: fill(730, { 14: 137 }), hours: {} },
  // 5: løntilskud in W23–W25 (June) → acc 3, current 3; snapshot ledig_ydelse (§4 rule 8).
  { weeks: fill(730, { 23: 135, 24: 135, 25: 135 }), hours: {} },
  // 6: kontanthjælp throughout → acc 0, current 0, snapshot ledig_ydelse.
  { weeks: fill(730), hours: {} },
  // 7: nothing at all → acc 0, current 0, snapshot selvforsoergende.
  { weeks: {}, hours: {} },
  // 8: ledighedsydelse in W25 → acc 0, current 0, snapshot fleksjob.
  { weeks: { 25: 740 }, hours: {} },
  // 9: 74 h in February (a = 18.5 exactly: D, spec's worked example) and 80 h in March (a = 18.06)
  //    → acc 2; nothing in June → current 0; emigrated in W25 → snapshot udgaaet.
  { weeks: { 25: 997 }, hours: { '2021-02': 74, '2021-03': 80 } },
  // 10: SU in W24 and W25 (June) → acc 1, current 1, snapshot uddannelse.
  { weeks: { 24: 651, 25: 651 }, hours: {} },
];

/** Hand-counted expectations for report month 2021-06 (see PLANS). */
const EXPECTED = {
  levels: { '1': [3, 2], '2': [2, 1], '3': [2, 1], '0': [3, 6], '1_or_2': [5] }, // [accumulated, current in June]
  total: 10,
  active: 10,
  durableFull: { '1': 1, '2': 0, '3': 0, '0': 0 },
  snapshot: {
    ledig_ydelse: 4,
    beskaeftigelse_fuld: 1,
    beskaeftigelse_delvis: 1,
    selvforsoergende: 1,
    fleksjob: 1,
    udgaaet: 1,
    uddannelse: 1,
  },
  /** Month → [enrolled, active, current 1, 2, 3, acc 1, 2, 3, acc 1 or 2]. */
  series: {
    '2021-01': [10, 10, 0, 0, 0, 0, 0, 0, 0],
    '2021-02': [10, 10, 0, 1, 0, 0, 1, 0, 1], // woman 9's 74 h
    '2021-03': [10, 10, 1, 1, 0, 1, 1, 0, 2], // woman 1's SU week, woman 9's 80 h
    '2021-04': [10, 10, 1, 0, 1, 2, 1, 1, 3], // woman 2's full time, woman 4's praktik week
    '2021-05': [10, 10, 1, 0, 0, 2, 1, 1, 3],
    '2021-06': [10, 10, 2, 1, 1, 3, 2, 2, 5],
  } as Record<string, number[]>,
};

describe.each(backends())('the monthly report against a hand count on %s', (backend) => {
  const srv = useTestServer(
    backend,
    {},
    {
      seed: async (t) => {
        m = await createMunicipality(t.db, { women: PLANS.length, enrolledOn: '2021-01-04' });
        const header = ['PNR', ...WEEKS.map(col)].join(';');
        const rows = m.women.map((w, i) => [w.cpr, ...WEEKS.map((wk) => PLANS[i].weeks[wk] ?? '')].join(';'));
        await importRegisterFile({ db: t.db, vault }, analyst, {
          kind: 'ydelser',
          fileName: 'haandtal-ydelser.csv',
          bytes: new TextEncoder().encode([header, ...rows].join('\n')),
        });
        const hours = m.women.flatMap((w, i) => Object.entries(PLANS[i].hours).map(([mo, h]) => `${w.cpr};${mo};${h}`));
        await importRegisterFile({ db: t.db, vault }, analyst, {
          kind: 'loentimer',
          fileName: 'haandtal-loentimer.csv',
          bytes: new TextEncoder().encode(['cpr;maaned;timer', ...hours].join('\n')),
        });
      },
    },
  );
  let m: TestMunicipality;

  async function monthlyCsv() {
    const s = await loginAs(srv.app, m.leader.username);
    const res = await s.get(`/styring/rapporter/maanedlig.csv?projekt=${m.projectId}&maaned=2021-06&varig=2021-06&status=2021-06`);
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  it('gives every level, accumulated and current, as counted by hand', async () => {
    const csv = await monthlyCsv();
    const lines = csv.split(/\r?\n/).map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
    // The levels table: rows start with the level's label; find them by the hand-counted figures'
    // position (accumulated in column 2, current in column 4) under the table's own header row.
    const header = lines.findIndex((l) => l[0] === 'Niveau' && l[1] === 'Akkumuleret antal');
    expect(header, csv.slice(0, 2000)).toBeGreaterThanOrEqual(0);
    const body = lines.slice(header + 1, header + 7);
    const byLabel = (re: RegExp) => {
      const row = body.find((l) => re.test(l[0]));
      expect(row, `row ${re} in ${JSON.stringify(body)}`).toBeDefined();
      return row!;
    };
    const rowOf = {
      '1': byLabel(/^Mål 1:/),
      '2': byLabel(/^Mål 2:/),
      '3': byLabel(/^Mål 3:/),
      '0': byLabel(/^Intet af målene$/),
      '1_or_2': byLabel(/^Mål 1 eller 2$/),
    };
    for (const [k, [acc, cur]] of Object.entries(EXPECTED.levels)) {
      const row = rowOf[k as keyof typeof rowOf];
      expect(Number(row[1]), `accumulated ${k}`).toBe(acc);
      if (cur !== undefined) expect(Number(row[3]), `current ${k}`).toBe(cur);
    }
    const total = body.find((l) => /i alt/.test(l[0]))!;
    expect(Number(total[1])).toBe(EXPECTED.total);
    expect(Number(total[3])).toBe(EXPECTED.active);
  });

  it('gives the month-by-month series as counted by hand', async () => {
    const csv = await monthlyCsv();
    const lines = csv.split(/\r?\n/).map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
    const header = lines.findIndex((l) => l[0] === 'Måned' && l[1] === 'Indskrevne i alt');
    expect(header).toBeGreaterThanOrEqual(0);
    for (const [month, want] of Object.entries(EXPECTED.series)) {
      const row = lines.slice(header + 1).find((l) => l[0] === month || l[0].includes(month));
      expect(row, `series row ${month}`).toBeDefined();
      expect(row!.slice(1, 10).map(Number), month).toEqual(want);
    }
  });

  it('gives durable employment and the June status as counted by hand', async () => {
    const csv = await monthlyCsv();
    const lines = csv.split(/\r?\n/).map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
    const status = lines.findIndex((l) => l[0] === 'Status' && l[1] === 'Antal');
    expect(status).toBeGreaterThanOrEqual(0);
    const statusRows = [];
    for (let i = status + 1; i < lines.length && lines[i].length >= 2 && lines[i][0] !== ''; i++) statusRows.push(lines[i]);
    const shown = Object.fromEntries(statusRows.map((l) => [l[0], Number(l[1])]));
    expect(shown).toMatchObject({
      'Ledig på ydelse (inkl. praktik og løntilskud)': EXPECTED.snapshot.ledig_ydelse,
      'Beskæftigelse over deltid': EXPECTED.snapshot.beskaeftigelse_fuld,
      'Beskæftigelse, deltid eller mindre': EXPECTED.snapshot.beskaeftigelse_delvis,
      Fleksjob: EXPECTED.snapshot.fleksjob,
      'Udgået af populationen': EXPECTED.snapshot.udgaaet,
      'Uddannelse (SU)': EXPECTED.snapshot.uddannelse,
    });
    expect(statusRows.map((l) => Number(l[1])).reduce((a, b) => a + b, 0)).toBe(EXPECTED.total);
    expect(statusRows.find((l) => /selvforsørg/i.test(l[0]))?.[1]).toBe(String(EXPECTED.snapshot.selvforsoergende));
    const durable = lines.findIndex((l) => l[0] === 'Bedste niveau' && l[1] === 'Kvinder');
    expect(durable).toBeGreaterThanOrEqual(0);
    const full = lines.slice(durable + 1, durable + 5).map((l) => Number(l[2]));
    expect(full).toEqual([EXPECTED.durableFull['1'], EXPECTED.durableFull['2'], EXPECTED.durableFull['3'], EXPECTED.durableFull['0']]);
  });
});
