/**
 * Facts of a participant the engine needs besides register data: enrolment and exit months,
 * and the group keys (spec §5).
 */
import { ageOn, parseCpr } from '../domain/cpr.ts';
import { isoDate, monthOfDay, parseDate } from './calendar.ts';
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

export function participantFacts(p: Participant): Facts {
  const inDay = parseDate(p.indskrevet);
  if (inDay === null) throw new Error(`Deltager ${p.id}: ugyldig indskrivningsdato «${p.indskrevet}».`);
  const outDay = p.udskrevet ? parseDate(p.udskrevet) : null;
  if (p.udskrevet && outDay === null) throw new Error(`Deltager ${p.id}: ugyldig udskrivningsdato «${p.udskrevet}».`);
  const cpr = parseCpr(p.cpr);
  if (!cpr.ok) throw new Error(`Deltager ${p.id}: ${cpr.error}`);
  return {
    enrol: monthOfDay(inDay),
    exit: outDay === null ? Infinity : monthOfDay(outDay),
    band: ageBand(ageOn(cpr.value.birthDate, isoDate(inDay))),
    year: isoDate(inDay).slice(0, 4),
  };
}
