/**
 * Facts of a participant the engine needs besides register data: enrolment and exit months,
 * and the group keys (spec §5).
 */
import { centuryYear, normaliseCpr } from '../core/cpr.ts';
import { isoDateText, monthIndex } from './calendar.ts';
import { VISITATIONS, type Participant, type PreparedParticipants } from './types.ts';
import { distinctTenDigitKeys } from './ordered-lookup.ts';

export const AGE_BANDS = ['18-29', '30-39', '40-49', '50-59', '60-64', 'other'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age band at enrolment; "other" for anyone outside 18–64. */
export function ageBand(age: number): AgeBand {
  if (age < 18 || age > 64) return 'other';
  if (age >= 60) return '60-64';
  if (age >= 50) return '50-59';
  if (age >= 40) return '40-49';
  if (age >= 30) return '30-39';
  return '18-29';
}

export interface Facts {
  enrol: number; // month index
  exit: number; // month index, or +Infinity while enrolled
  band: AgeBand;
  year: string;
}

/** Two-digit number at position i of a string (NaN when not digits). */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * Age in whole years on an ISO date from the CPR birth date (century rule of domain/cpr.ts).
 * Same result as `ageOn(parseCpr(cpr).birthDate, on)` (a test checks it), without its
 * allocations: the engine calls this once per woman, 100,000 times per run.
 */
export function ageAt(p: { id?: string; cpr: string; birthDate?: string }, on: string): number {
  if (p.birthDate) {
    const b = p.birthDate;
    const md = two(on, 5) * 100 + two(on, 8) < two(b, 5) * 100 + two(b, 8) ? 1 : 0;
    return two(on, 0) * 100 + two(on, 2) - (two(b, 0) * 100 + two(b, 2)) - md;
  }
  const c = p.cpr.length === 10 ? p.cpr : normaliseCpr(p.cpr);
  const seventh = c === null ? NaN : c.charCodeAt(6) - 48;
  const yy = c === null ? NaN : two(c, 4);
  const birthMd = c === null ? NaN : two(c, 2) * 100 + two(c, 0);
  if (!(seventh >= 0 && seventh <= 9 && birthMd >= 0 && yy >= 0) || !(two(c!, 7) >= 0 && two(c!, 8) >= 0)) {
    throw new Error(`${p.id === undefined ? 'En kvinde i sammenligningspuljen' : `Deltager ${p.id}`}: CPR-nummeret skal være 10 cifre.`);
  }
  const onMd = two(on, 5) * 100 + two(on, 8);
  return two(on, 0) * 100 + two(on, 2) - centuryYear(yy, seventh) - (onMd < birthMd ? 1 : 0);
}

/** The date as `YYYY-MM-DD` (readers already give this form; in-memory input may not). */
function isoOf(text: string, what: string, id: string): string {
  const iso = isoDateText(text);
  if (iso === null) throw new Error(`Deltager ${id}: ugyldig ${what} «${text}».`);
  return iso;
}

function monthOfIso(iso: string): number {
  return monthIndex(two(iso, 0) * 100 + two(iso, 2), two(iso, 5));
}

export function participantFacts(p: Participant): Facts {
  if (!(VISITATIONS as readonly string[]).includes(p.visitation))
    throw new Error(`Deltager ${p.id}: ukendt visitationskategori «${p.visitation}».`);
  const inIso = isoOf(p.indskrevet, 'indskrivningsdato', p.id);
  const outIso = p.udskrevet ? isoOf(p.udskrevet, 'udskrivningsdato', p.id) : null;
  return {
    enrol: monthOfIso(inIso),
    exit: outIso === null ? Infinity : monthOfIso(outIso),
    band: ageBand(ageAt(p, inIso)),
    year: inIso.slice(0, 4),
  };
}

/**
 * The facts of all participants in columns, for the engine's one pass over 100,000 women: the
 * same as `participantFacts` woman by woman (and the same error for the first woman it refuses),
 * without keeping an object per woman, and with each group key as an index.
 */
export interface FactColumns {
  enrol: Int32Array;
  /** +Infinity while enrolled. */
  exit: Float64Array;
  /** The earliest enrolment month; +Infinity when there are no participants. */
  earliest: number;
  /** The municipalities in the order first met, and each participant's index into them. */
  kommune: string[];
  kommuneOf: Int32Array;
  /** Index into VISITATIONS. */
  visitationOf: Int32Array;
  /** Index into AGE_BANDS. */
  bandOf: Int32Array;
  /** The enrolment years (`Facts.year`) in the order first met, and each participant's index into them. */
  year: string[];
  yearOf: Int32Array;
}

export function factColumns(participants: readonly Participant[]): FactColumns {
  const n = participants.length;
  const enrol = new Int32Array(n);
  const exit = new Float64Array(n);
  const kommuneOf = new Int32Array(n);
  const visitationOf = new Int32Array(n);
  const bandOf = new Int32Array(n);
  const yearOf = new Int32Array(n);
  const kommune = new Map<string, number>();
  const year = new Map<string, number>();
  // Dates repeat from woman to woman (the readers even give one string per distinct date): each
  // date text is checked and turned into a month (and year) once, as participantFacts would.
  const enrolOf = new Map<string, EnrolDate>();
  const exitOf = new Map<string, number>();
  let earliest = Infinity;
  for (let i = 0; i < n; i++) {
    const p = participants[i];
    // The checks of participantFacts in its order, so the first woman refused gets its message.
    const v = VISITATIONS.indexOf(p.visitation);
    if (v < 0) throw new Error(`Deltager ${p.id}: ukendt visitationskategori «${p.visitation}».`);
    let e = enrolOf.get(p.indskrevet);
    if (e === undefined) {
      const iso = isoOf(p.indskrevet, 'indskrivningsdato', p.id);
      e = { iso, month: monthOfIso(iso), year: indexIn(year, iso.slice(0, 4)) };
      enrolOf.set(p.indskrevet, e);
    }
    let out = Infinity;
    if (p.udskrevet) {
      const had = exitOf.get(p.udskrevet);
      if (had === undefined) exitOf.set(p.udskrevet, (out = monthOfIso(isoOf(p.udskrevet, 'udskrivningsdato', p.id))));
      else out = had;
    }
    bandOf[i] = bandIndex(ageAt(p, e.iso));
    enrol[i] = e.month;
    exit[i] = out;
    if (e.month < earliest) earliest = e.month;
    kommuneOf[i] = indexIn(kommune, p.kommune);
    visitationOf[i] = v;
    yearOf[i] = e.year;
  }
  return { enrol, exit, earliest, kommune: [...kommune.keys()], kommuneOf, visitationOf, bandOf, year: [...year.keys()], yearOf };
}

/** An enrolment date text as `factColumns` reads it: the ISO date, its month and the index of its year. */
interface EnrolDate {
  iso: string;
  month: number;
  year: number;
}

/** Index into AGE_BANDS of `ageBand(age)`. */
function bandIndex(age: number): number {
  return AGE_BANDS.indexOf(ageBand(age));
}

/** The index of key in the order keys were first met, adding it when new. */
function indexIn(seen: Map<string, number>, key: string): number {
  let k = seen.get(key);
  if (k === undefined) seen.set(key, (k = seen.size));
  return k;
}

/**
 * What the engine derives from the participants alone (`PreparedParticipants`), or null when
 * their facts cannot be made: then the engine makes them itself and refuses the participant as
 * it always has. `cprs`: their CPR numbers, when the caller has them already.
 */
export function prepareParticipants(
  participants: readonly Participant[],
  cprs = participants.map((p) => p.cpr),
): PreparedParticipants | null {
  let facts: FactColumns;
  try {
    facts = factColumns(participants);
  } catch {
    return null;
  }
  return { of: participants, facts, cprs, distinct: distinctTenDigitKeys(cprs) };
}
