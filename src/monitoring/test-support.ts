/**
 * Small builders for tests: people described by their weeks and hours, turned into an engine
 * input through the same builder the readers use.
 */
import { RegisterBuilder } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import fc from 'fast-check';
import { firstWeekOfMonth, monthIndex, monthString, parseMonth, parseWeek, weekString } from './calendar.ts';
import type { CodeTable, MonitorInput, Participant, Visitation } from './types.ts';

export interface PersonSpec {
  id?: string;
  /** Birth date YYYY-MM-DD (1900–1999), default 1985-05-05. */
  born?: string;
  kommune?: string;
  visitation?: Visitation;
  in: string;
  out?: string | null;
  /** ISO week `YYYY-Www` → DREAM code. */
  weeks?: Record<string, number>;
  /** `YYYY-MM` → paid hours. */
  hours?: Record<string, number>;
}

/** A CPR number for a 1900s birth date; `serial` keeps numbers apart. */
export function testCpr(born: string, serial: number): string {
  const [y, m, d] = born.split('-');
  return `${d}${m}${y.slice(2)}${String(serial % 4000).padStart(4, '0')}`;
}

export function inputOf(people: PersonSpec[], codeTable: CodeTable = defaultCodeTable()): MonitorInput {
  const participants: Participant[] = [];
  const b = new RegisterBuilder();
  people.forEach((s, i) => {
    const cpr = testCpr(s.born ?? '1985-05-05', i);
    participants.push({
      id: s.id ?? `P${i + 1}`,
      cpr,
      kommune: s.kommune ?? 'Aalborg',
      visitation: s.visitation ?? 'aktivitetsparat',
      indskrevet: s.in,
      udskrevet: s.out ?? null,
    });
    for (const [w, code] of Object.entries(s.weeks ?? {})) b.setWeek(cpr, parseWeek(w)!, code);
    for (const [m, h] of Object.entries(s.hours ?? {})) b.addHours(cpr, parseMonth(m)!, h);
  });
  return { participants, register: b.build(codeTable), codeTable };
}


// ---- random cohorts for property tests -----------------------------------------------

const CODES = [730, 707, 705, 771, 651, 810, 783, 890, 997, 100, 121];
const FIRST = monthIndex(2021, 1);
/** Report month of the random cohorts. */
export const R = '2022-12';

const personArb: fc.Arbitrary<PersonSpec> = fc
  .record({
    enrol: fc.integer({ min: 0, max: 26 }),
    stay: fc.option(fc.integer({ min: 0, max: 30 })),
    kommune: fc.constantFrom('Aalborg', 'Aarhus', 'Brøndby'),
    visitation: fc.constantFrom('aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige' as const),
    born: fc.constantFrom('1950-03-01', '1962-07-15', '1975-01-31', '1990-12-01', '2005-06-06'),
    weeks: fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom(...CODES)), { maxLength: 15 }),
    hours: fc.array(fc.tuple(fc.integer({ min: 0, max: 27 }), fc.constantFrom(0, 5, 40, 74, 74.5, 81.93, 160)), { maxLength: 8 }),
  })
  .map((g) => ({
    in: `${monthString(FIRST + g.enrol)}-10`,
    out: g.stay === null ? null : `${monthString(FIRST + g.enrol + g.stay)}-05`,
    kommune: g.kommune,
    visitation: g.visitation,
    born: g.born,
    weeks: Object.fromEntries(g.weeks.map(([w, c]) => [weekString(firstWeekOfMonth(FIRST) + w), c])),
    hours: Object.fromEntries(g.hours.map(([m, h]) => [monthString(FIRST + m), h])),
  }));

export const cohortArb = fc.array(personArb, { minLength: 1, maxLength: 40 });
