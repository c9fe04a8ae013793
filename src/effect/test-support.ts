/**
 * Builders for effect tests: participants and pool women described by their weeks and hours,
 * turned into an engine input through the same register builder the readers use.
 */
import { parseMonth, parseWeek, weekString } from '../monitoring/calendar.ts';
import { testCpr } from '../monitoring/test-support.ts';
import type { CodeTable, Participant, Visitation } from '../monitoring/types.ts';
import { RegisterBuilder } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import type { EffectInput, PoolMember } from './types.ts';

export interface WomanSpec {
  /** Birth date YYYY-MM-DD (1900–1999), default 1985-05-05. */
  born?: string;
  kommune?: string;
  /** Serial of the test CPR number (orders pool women: smaller serial = smaller CPR). */
  serial: number;
  /** ISO week `YYYY-Www` → DREAM code; also ranges `YYYY-Www..YYYY-Www`. */
  weeks?: Record<string, number>;
  /** `YYYY-MM` → paid hours. */
  hours?: Record<string, number>;
}

export interface ParticipantSpec extends WomanSpec {
  id: string;
  in: string;
  visitation?: Visitation;
}

export function cprOf(w: WomanSpec): string {
  return testCpr(w.born ?? '1985-05-05', w.serial);
}

function addWoman(b: RegisterBuilder, w: WomanSpec): string {
  const cpr = cprOf(w);
  for (const [key, code] of Object.entries(w.weeks ?? {})) {
    const [from, to] = key.split('..');
    const a = parseWeek(from);
    const z = parseWeek(to ?? from);
    if (a === null || z === null) throw new Error(`bad week ${key}`);
    for (let x = a; x <= z; x++) b.setWeek(cpr, x, code);
  }
  for (const [m, h] of Object.entries(w.hours ?? {})) b.addHours(cpr, parseMonth(m)!, h);
  return cpr;
}

export function effectInputOf(participants: ParticipantSpec[], pool: WomanSpec[], codeTable: CodeTable = defaultCodeTable()): EffectInput {
  const b = new RegisterBuilder();
  const ps: Participant[] = participants.map((s) => ({
    id: s.id,
    cpr: addWoman(b, s),
    kommune: s.kommune ?? 'Aalborg',
    visitation: s.visitation ?? 'aktivitetsparat',
    indskrevet: s.in,
    udskrevet: null,
  }));
  const seen = new Set(ps.map((p) => p.cpr));
  const ws: PoolMember[] = pool.map((s) => {
    const cpr = cprOf(s);
    if (!seen.has(cpr)) addWoman(b, s);
    return { cpr, kommune: s.kommune ?? 'Aalborg' };
  });
  return { participants: ps, pool: ws, register: b.build(codeTable), codeTable };
}

/** `YYYY-Www..YYYY-Www` of the n weeks that end with `last`. */
export function weeksEnding(last: string, n: number): string {
  const z = parseWeek(last)!;
  return `${weekString(z - n + 1)}..${last}`;
}

// ---- the hand-worked scenario ------------------------------------------------------------

const W21 = '2021-W21';
const support = (n: number) => ({ [weeksEnding(W21, n)]: 131 });

/** The hand-worked scenario of engine.test.ts (see the comment there). */
export const HAND_PARTICIPANTS: ParticipantSpec[] = [
  // P1: 20 support weeks; in the window 9 weeks of 131, 2 weeks of SU (651), full time in
  // September 2021 and March–May 2022 (durable full at May 2022).
  {
    id: 'P1',
    serial: 1,
    in: '2021-06-10',
    weeks: { ...support(20), '2021-W22..2021-W30': 131, '2021-W31..2021-W32': 651 },
    hours: { '2021-09': 160, '2022-03': 160, '2022-04': 160, '2022-05': 160 },
  },
  // P2: 10 support weeks; 4 weeks of 131 in the window; 74 h in February 2022 = 18.5 h/week: D, level 2.
  { id: 'P2', serial: 2, in: '2021-06-15', weeks: { ...support(10), '2021-W22..2021-W25': 131 }, hours: { '2022-02': 74 } },
  // P3: Aarhus, where the pool has nobody: unmatched.
  { id: 'P3', serial: 3, in: '2021-06-10', kommune: 'Aarhus', weeks: support(20) },
  // P4: enrolled June 2022: e + 11 = May 2023 > R: outside a 12-month horizon. 10 support weeks up to 2022-W21.
  { id: 'P4', serial: 4, in: '2022-06-01', weeks: { [weeksEnding('2022-W21', 10)]: 131 } },
  // P5: like P1 at baseline, nothing in the window: shares P1's controls.
  { id: 'P5', serial: 5, in: '2021-06-20', weeks: support(20) },
];

export const HAND_POOL: WomanSpec[] = [
  { serial: 110, weeks: support(20) }, // A: distance 0
  { serial: 120, weeks: support(20), hours: { '2021-01': 50, '2021-07': 40 } }, // K: distance 0 (h12 left out); 40 h in July 2021 = 9.0 h/week: level 2
  { serial: 105, weeks: { ...support(21), '2021-W22..2022-W21': 131 } }, // D: Δ 1 → 0.258; on support all 52 window weeks
  { serial: 111, weeks: support(21) }, // B: Δ 1, ties with D and loses on CPR
  { serial: 112, weeks: { '2021-W03..2021-W21': 131 } }, // C: Δ 1 (19 weeks), ties and loses
  { serial: 130, weeks: support(22) }, // E: Δ 2 → 0.516, outside the caliper
  { serial: 140, kommune: 'Brøndby', weeks: support(20) }, // F: other municipality
  { serial: 150, weeks: { '2021-W02..2021-W20': 131 } }, // G: no code in W21: status selvforsoergende
  { serial: 160, born: '1995-05-05', weeks: support(20) }, // H: age 26, band 18–29
  { serial: 170, weeks: { ...support(11), '2021-W40': 137 } }, // J: Δ 1 from P2; one week of virksomhedspraktik (137) in the window: level 3, on support
  { serial: 171, weeks: support(13) }, // J2: Δ 3 from P2, outside
  { serial: 2, weeks: support(10) }, // P2 herself: removed from the pool
];

/** The scenario as the CSV files of spec §7 (long DREAM layout), for CLI and import tests. */
export function effectFiles(
  participants: ParticipantSpec[],
  pool: WomanSpec[],
): Record<'deltagere' | 'pulje' | 'ydelser' | 'loentimer', string> {
  const deltagere = [
    'id;cpr;kommune;indskrevet;visitation',
    ...participants.map((p) => `${p.id};${cprOf(p)};${p.kommune ?? 'Aalborg'};${p.in};${p.visitation ?? 'aktivitetsparat'}`),
  ];
  const pulje = ['cpr;kommune', ...pool.map((w) => `${cprOf(w).slice(0, 6)}-${cprOf(w).slice(6)};${w.kommune ?? 'Aalborg'}`)];
  const ydelser = ['cpr;uge;kode'];
  const loentimer = ['cpr;maaned;timer'];
  const seen = new Set<string>();
  for (const w of [...participants, ...pool]) {
    const cpr = cprOf(w);
    if (seen.has(cpr)) continue;
    seen.add(cpr);
    for (const [key, code] of Object.entries(w.weeks ?? {})) {
      const [from, to] = key.split('..');
      for (let x = parseWeek(from)!; x <= parseWeek(to ?? from)!; x++) ydelser.push(`${cpr};${weekString(x)};${code}`);
    }
    for (const [m, h] of Object.entries(w.hours ?? {})) loentimer.push(`${cpr};${m};${String(h).replace('.', ',')}`);
  }
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  return { deltagere: text(deltagere), pulje: text(pulje), ydelser: text(ydelser), loentimer: text(loentimer) };
}
