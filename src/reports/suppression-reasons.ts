/**
 * Every suppressed cell of a report says why (issue 18 point 12): a count from 1 to N−1 is small
 * itself; an `x` would reveal another hidden figure — named by its table, row and column when the
 * report shows it (the engine records which cell each complement protects, `suppressedFor`).
 */
import { HIDDEN_ON_NATIONAL_PAGE, type MonitorResult } from '../monitoring/types.ts';
import { allTables, type Cell, type Report } from './model.ts';

/** Where a figure stands in the report: «table», row, column. */
function locations(r: Report): Map<string, string> {
  const at = new Map<string, string>();
  for (const t of allTables(r)) {
    t.rows.forEach((row) => row.forEach((c, i) => {
      if (c.kind === 'count' && typeof c.ref === 'string' && !at.has(c.ref)) at.set(c.ref, `«${t.caption}», rækken «${String(row[0].value)}», kolonnen «${t.columns[i]}»`);
    }));
  }
  return at;
}

/** An `x` the national page hides too: printing it here would give away what the page protects. */
export const NATIONAL_REASON = 'Skjult på den nationale side: tallet er det samme som dér, og vist her ville det afsløre det, siden skjuler.';

export function smallReason(threshold: number): string {
  return `Færre end ${threshold} kvinder: tallet vises ikke, så ingen kan genkendes.`;
}

/** An `x` that protects the hidden figure at `place` in the report («table», row, column). */
export const protectsReason = (place: string) => `Skjult, fordi tallet ellers sammen med de viste tal ville afsløre det skjulte tal i ${place}.`;

/** An `x`: what it protects, by its place in the report, when known. */
export function complementReason(place: string | undefined, threshold: number): string {
  return place
    ? protectsReason(place)
    : `Skjult, fordi tallet ellers sammen med de viste tal i rækken, kolonnen eller en anden tabel ville afsløre et tal under ${threshold}.`;
}

/** Adds `reason` to every suppressed count of the report (in place) and returns the report. */
export function explainSuppression(r: Report, result: Pick<MonitorResult, 'suppressedFor'> | null): Report {
  if (!r.suppressed) return r;
  const where = locations(r);
  const because = result?.suppressedFor ?? {};
  for (const t of allTables(r)) {
    for (const row of t.rows) {
      for (const c of row as Cell[]) {
        // A reason its table's own pass gave (table-pass.ts) stays: it names the cell protected there.
        if (c.kind !== 'count' || typeof c.value !== 'string' || c.reason) continue;
        if (c.value.startsWith('<')) { c.reason = smallReason(r.threshold); continue; }
        const target = typeof c.ref === 'string' ? because[c.ref] : undefined;
        if (target === HIDDEN_ON_NATIONAL_PAGE) {
          c.reason = NATIONAL_REASON;
          continue;
        }
        c.reason = complementReason(target ? where.get(target) : undefined, r.threshold);
      }
    }
  }
  return r;
}

/** One line per suppressed cell of a table, for formats without footnote marks (CSV, PDF, XLSX notes). */
export function reasonLines(t: { columns: string[]; rows: Cell[][] }): string[] {
  const out: string[] = [];
  for (const row of t.rows) {
    row.forEach((c, i) => { if (c.reason) out.push(`«${String(c.value)}» i rækken «${String(row[0].value)}», kolonnen «${t.columns[i]}»: ${c.reason}`); });
  }
  return out;
}
