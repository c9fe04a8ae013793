/**
 * Merging a new file's register data into a person's stored arrays. Benefit weeks: a week's
 * code is added when empty, kept when equal, and a different code is a conflict (spec §1.2).
 * Paid hours: a new file replaces the months it covers for the people it names (a missing row
 * means 0 hours, spec §1.3, so a correction can lower a month), other months are kept.
 */
import type { PersonHours, PersonWeeks } from '../../monitoring/types.ts';

export interface WeekConflict {
  week: number;
  stored: number;
  incoming: number;
}

/** Drop empty weeks/months at both ends so the stored row stays compact. */
export function trimWeeks(p: PersonWeeks): PersonWeeks {
  let a = 0;
  let b = p.codes.length;
  while (a < b && p.codes[a] === 0) a++;
  while (b > a && p.codes[b - 1] === 0) b--;
  return a === 0 && b === p.codes.length ? p : { weekStart: p.weekStart + a, codes: p.codes.slice(a, b) };
}

export function trimHours(p: PersonHours): PersonHours {
  let a = 0;
  let b = p.hours.length;
  while (a < b && p.hours[a] === 0) a++;
  while (b > a && p.hours[b - 1] === 0) b--;
  return a === 0 && b === p.hours.length ? p : { monthStart: p.monthStart + a, hours: p.hours.slice(a, b) };
}

export function mergeWeeks(stored: PersonWeeks, incoming: PersonWeeks): { merged: PersonWeeks; changed: boolean; conflict?: WeekConflict } {
  if (incoming.codes.length === 0) return { merged: stored, changed: false };
  if (stored.codes.length === 0) return { merged: incoming, changed: true };
  const start = Math.min(stored.weekStart, incoming.weekStart);
  const end = Math.max(stored.weekStart + stored.codes.length, incoming.weekStart + incoming.codes.length);
  const codes = new Int16Array(end - start);
  codes.set(stored.codes, stored.weekStart - start);
  let changed = false;
  const off = incoming.weekStart - start;
  for (let i = 0; i < incoming.codes.length; i++) {
    const c = incoming.codes[i];
    if (c === 0) continue;
    const old = codes[off + i];
    if (old === 0) {
      codes[off + i] = c;
      changed = true;
    } else if (old !== c) {
      return { merged: stored, changed: false, conflict: { week: incoming.weekStart + i, stored: old, incoming: c } };
    }
  }
  return { merged: { weekStart: start, codes }, changed };
}

/** Replace months `from..to` (inclusive) of `stored` with `incoming` (zero where it has none). */
export function mergeHours(stored: PersonHours, incoming: PersonHours, from: number, to: number): { merged: PersonHours; changed: boolean } {
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
