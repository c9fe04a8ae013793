/**
 * Small builders for tests: people described by their weeks and hours, turned into an engine
 * input through the same builder the readers use.
 */
import { RegisterBuilder } from '../register/builder.ts';
import { defaultCodeTable } from '../register/codetable.ts';
import fc from 'fast-check';
import { firstWeekOfMonth, monthIndex, monthString, parseMonth, parseWeek, weekString } from './calendar.ts';
import { PRIMARY, SECONDARY, type AdditiveSet } from './suppress.ts';
import type { CodeTable, MonitorInput, Participant, Visitation } from './types.ts';

export interface PersonSpec {
  id?: string;
  /** Birth date YYYY-MM-DD (1858–2057), default 1985-05-05. */
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

/**
 * A CPR number for a birth date from 1858 to 2057; `serial` keeps numbers apart. The seventh
 * digit carries the century (domain/cpr.ts): 0–3 for the 1900s, 4 for 2000–2036, 5 for
 * 2037–2057 and for 1858–1899, so that a woman born in 2005 is not read as born in 1905.
 */
export function testCpr(born: string, serial: number): string {
  const [y, m, d] = born.split('-');
  const year = Number(y);
  let tail: string;
  if (year >= 1900 && year <= 1999) tail = String(serial % 4000).padStart(4, '0');
  else if (year >= 2000 && year <= 2036) tail = `4${String(serial % 1000).padStart(3, '0')}`;
  else if ((year >= 2037 && year <= 2057) || (year >= 1858 && year <= 1899)) tail = `5${String(serial % 1000).padStart(3, '0')}`;
  else throw new Error(`no CPR number can carry the birth year ${year}`);
  return `${d}${m}${y.slice(2)}${tail}`;
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
    // Born 1950–2006: women past 64 and under 18 at enrolment, and born after 2000, occur.
    born: fc
      .record({ y: fc.integer({ min: 1950, max: 2006 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
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

/** A table with row totals, column totals and a grand total (row r, column c at r·(C+1)+c+1; totals in column 0 and row R): values and additive sets, for the suppression tests. */
export function totalsGrid(rows: number[][]): { values: number[]; sets: AdditiveSet[]; at: (r: number, c: number) => number; R: number } {
  const R = rows.length,
    C = rows[0].length,
    w = C + 1;
  const values: number[] = [];
  for (const r of rows)
    values.push(
      r.reduce((a, b) => a + b, 0),
      ...r,
    );
  const col = Array.from({ length: C }, (_, c) => rows.reduce((a, r) => a + r[c], 0));
  values.push(
    col.reduce((a, b) => a + b, 0),
    ...col,
  );
  const at = (r: number, c: number) => r * w + c;
  const sets: AdditiveSet[] = [
    ...Array.from({ length: R + 1 }, (_, r) => ({ total: at(r, 0), parts: Array.from({ length: C }, (_, c) => at(r, c + 1)) })),
    ...Array.from({ length: C + 1 }, (_, c) => ({ total: at(R, c), parts: Array.from({ length: R }, (_, r) => at(r, c)) })),
  ];
  return { values, sets, at, R };
}

/** Random tables of zeros, small counts and larger ones, for `totalsGrid` (1–rows × 1–cols, large counts up to `large`). */
export function tablesArb(rows = 4, cols = 4, large = 40) {
  return fc.integer({ min: 1, max: rows }).chain((R) =>
    fc.integer({ min: 1, max: cols }).chain((C) =>
      fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 5, max: large })), {
          minLength: C,
          maxLength: C,
        }),
        { minLength: R, maxLength: R },
      ),
    ),
  );
}

export const smallTablesArb = tablesArb();

/**
 * What is wrong with the marks of a suppression, as messages: a count of 1 to threshold − 1 not
 * marked primary (or another cell marked so), a complement that hides a 0, a complement without
 * its reason in `protects`.
 */
export function markFaults(values: number[], state: ArrayLike<number>, protects: Map<number, number>, threshold = 5): string[] {
  const faults: string[] = [];
  values.forEach((v, i) => {
    const small = v >= 1 && v < threshold;
    if ((state[i] === PRIMARY) !== small) faults.push(`cell ${i}=${v} is ${small ? 'not ' : ''}marked primary`);
    if (state[i] === SECONDARY && v <= 0) faults.push(`a hidden 0 at ${i}`);
    if (state[i] === SECONDARY && !protects.has(i)) faults.push(`no reason for the complement ${i}`);
  });
  return faults;
}
