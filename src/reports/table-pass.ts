/**
 * The case-data tables of a report (activity mix, recruitment funnel; the breakdowns through
 * app/steering/breakdowns.ts) suppressed the way its engine figures are (issue 18 point 12): one
 * pass (monitoring/suppress-pass.ts) over the table's figures and the equations a reader can form
 * — row and column totals, and the figures the table never prints but that follow from the printed
 * ones (the contacted who neither enrolled nor declined) as unknowns ≥ 0 — complements chosen by
 * cost, and interval protection against pinning (`pinsOnly`, as reportPass): before, these tables
 * were suppressed against the equations only, and a half-year of 8 activities, 4 company-oriented
 * and 4 courses, printed both as `<5` beside its total 8 (each is 4). Every hidden cell says why:
 * small itself, or the cell (table, row, column) it protects.
 */
import { COMPLEMENT, SMALL, suppressTogether, type Figure, type PassResult, type Relation } from '../monitoring/suppress-pass.ts';
import { count, type Cell } from './model.ts';
import { complementReason, smallReason } from './suppression-reasons.ts';

/** The figures of one table (or of tables that share figures) and the equations between them. */
export class TableFigures {
  readonly figures = new Map<string, Figure>();
  readonly relations: Relation[] = [];

  /** A figure the table prints (`cost`: what hiding it costs, default its value). */
  add(key: string, value: number, cost?: number): void {
    this.figures.set(key, { value, ...(cost !== undefined ? { cost } : {}) });
  }

  /** A figure never printed that a reader can name (a difference of printed ones): an unknown ≥ 0 to her. */
  unprinted(key: string, value: number): void {
    this.figures.set(key, { value, printed: false });
  }

  /** total = Σ parts. */
  sum(total: string, parts: string[]): void {
    this.relations.push({ total, parts });
  }

  /**
   * Suppressed when `threshold` ≥ 1: small counts hidden, complements against the equations and against
   * pinning (`narrowing: 'pins'`, the reports) or against every narrowing of a `<N` (`'all'`, the national page).
   */
  suppress(threshold: number, narrowing: 'pins' | 'all' = 'pins'): PassResult {
    return suppressTogether(this.figures, this.relations, threshold, { intervals: true, pinsOnly: narrowing === 'pins' });
  }
}

/**
 * A count cell of the pass: the figure's printed form and, when hidden, why — small itself, or the
 * figure it protects (`where`: «table», row, column of a figure the report prints).
 */
export function passCell(pass: PassResult, key: string, where: (key: string) => string | undefined): Cell {
  const c = count(pass.display(key));
  const s = pass.state.get(key);
  if (s === SMALL) c.reason = smallReason(pass.threshold);
  else if (s === COMPLEMENT) {
    const target = pass.protects.get(key);
    c.reason = complementReason(target === undefined ? undefined : where(target), pass.threshold);
  }
  return c;
}

/** «caption», rækken «row», kolonnen «column»: where a figure stands in a report. */
export const place = (caption: string, row: string, column: string) => `«${caption}», rækken «${row}», kolonnen «${column}»`;
