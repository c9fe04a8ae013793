/**
 * Merging a new file's register data into a person's stored arrays. A new file replaces the
 * weeks (benefits) or months (paid hours) it covers for the people it names, and keeps the
 * others: DREAM and eIndkomst are redelivered with corrections, and a missing code or row in
 * the covered period means none (so a correction can remove a week or lower a month). Two
 * different codes for one week within one file remain an error (the readers, spec §1.2).
 */
import type { PersonHours, PersonWeeks } from '../../monitoring/types.ts';

/** The index of the first non-zero value and one past the last (equal when all are zero). */
export function nonZeroRange(values: ArrayLike<number>): [number, number] {
  let a = 0;
  let b = values.length;
  while (a < b && values[a] === 0) a++;
  while (b > a && values[b - 1] === 0) b--;
  return [a, b];
}

/** Drop empty weeks/months at both ends so the stored row stays compact. */
export function trimWeeks(p: PersonWeeks): PersonWeeks {
  const [a, b] = nonZeroRange(p.codes);
  return a === 0 && b === p.codes.length ? p : { weekStart: p.weekStart + a, codes: p.codes.slice(a, b) };
}

export function trimHours(p: PersonHours): PersonHours {
  const [a, b] = nonZeroRange(p.hours);
  return a === 0 && b === p.hours.length ? p : { monthStart: p.monthStart + a, hours: p.hours.slice(a, b) };
}

/**
 * Replace weeks `from..to` (inclusive) of `stored` with `incoming` (no code where it has none):
 * DREAM is redelivered with its full history and past weeks change (issue 9). Weeks outside
 * the range are kept. `changedWeeks` counts the weeks whose code differs from before.
 */
export function replaceWeeks(
  stored: PersonWeeks,
  incoming: PersonWeeks,
  from: number,
  to: number,
): { merged: PersonWeeks; changed: boolean; changedWeeks: number } {
  const has = stored.codes.length > 0;
  const start = Math.min(has ? stored.weekStart : from, from);
  const end = Math.max(has ? stored.weekStart + stored.codes.length - 1 : to, to);
  const codes = new Int16Array(end - start + 1);
  codes.set(stored.codes, has ? stored.weekStart - start : 0);
  let changedWeeks = 0;
  for (let w = from; w <= to; w++) {
    const i = w - incoming.weekStart;
    const v = i >= 0 && i < incoming.codes.length ? incoming.codes[i] : 0;
    if (codes[w - start] !== v) {
      codes[w - start] = v;
      changedWeeks++;
    }
  }
  return { merged: trimWeeks({ weekStart: start, codes }), changed: changedWeeks > 0, changedWeeks };
}

/** Replace months `from..to` (inclusive) of `stored` with `incoming` (zero where it has none). */
export function mergeHours(
  stored: PersonHours,
  incoming: PersonHours,
  from: number,
  to: number,
): { merged: PersonHours; changed: boolean } {
  const start = Math.min(stored.hours.length ? stored.monthStart : from, from);
  const end = Math.max(stored.hours.length ? stored.monthStart + stored.hours.length - 1 : to, to);
  const hours = new Float64Array(end - start + 1);
  hours.set(stored.hours, stored.hours.length ? stored.monthStart - start : 0);
  let changed = false;
  for (let m = from; m <= to; m++) {
    const i = m - incoming.monthStart;
    const v = i >= 0 && i < incoming.hours.length ? incoming.hours[i] : 0;
    if (hours[m - start] !== v) {
      hours[m - start] = v;
      changed = true;
    }
  }
  return { merged: trimHours({ monthStart: start, hours }), changed };
}
