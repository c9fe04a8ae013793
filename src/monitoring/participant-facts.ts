/**
 * Facts of a participant the engine needs besides register data: enrolment and exit months,
 * and the group keys (spec §5).
 */
import { centuryYear, normaliseCpr } from '../domain/cpr.ts';
import { isoDate, monthIndex, parseDate } from './calendar.ts';
import type { Participant } from './types.ts';

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

/**
 * Age in whole years on an ISO date from the CPR birth date (century rule of domain/cpr.ts).
 * Same result as `ageOn(parseCpr(cpr).birthDate, on)` (a test checks it), without its
 * allocations: the engine calls this once per woman, 100,000 times per run.
 */
export function ageAt(p: Participant, on: string): number {
  const c = p.cpr.length === 10 ? p.cpr : normaliseCpr(p.cpr);
  if (c === null || !/^\d{10}$/.test(c)) throw new Error(`Deltager ${p.id}: CPR-nummeret skal være 10 cifre.`);
  const d = (i: number) => c.charCodeAt(i) - 48;
  const birthYear = centuryYear(d(4) * 10 + d(5), d(6));
  const birthMd = (d(2) * 10 + d(3)) * 100 + d(0) * 10 + d(1);
  const onMd = Number(on.slice(5, 7)) * 100 + Number(on.slice(8, 10));
  return Number(on.slice(0, 4)) - birthYear - (onMd < birthMd ? 1 : 0);
}

/** `YYYY-MM-DD` as given by the readers; other forms go through the full parser. */
function isoOf(text: string, what: string, id: string): string {
  if (text.length === 10 && text[4] === '-' && text[7] === '-') return text;
  const day = parseDate(text);
  if (day === null) throw new Error(`Deltager ${id}: ugyldig ${what} «${text}».`);
  return isoDate(day);
}

function monthOfIso(iso: string, what: string, id: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) throw new Error(`Deltager ${id}: ugyldig ${what} «${iso}».`);
  return monthIndex(y, m);
}

export function participantFacts(p: Participant): Facts {
  const inIso = isoOf(p.indskrevet, 'indskrivningsdato', p.id);
  const outIso = p.udskrevet ? isoOf(p.udskrevet, 'udskrivningsdato', p.id) : null;
  return {
    enrol: monthOfIso(inIso, 'indskrivningsdato', p.id),
    exit: outIso === null ? Infinity : monthOfIso(outIso, 'udskrivningsdato', p.id),
    band: ageBand(ageAt(p, inIso)),
    year: inIso.slice(0, 4),
  };
}
