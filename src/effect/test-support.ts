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
