/**
 * The report model: plain data that every renderer (HTML, PDF, XLSX, CSV) reads. A table cell
 * is a count (or a suppressed count, `<5` / `x`), a share, a number or text; a figure taken
 * from the monitoring engine names where in the engine's result it comes from (`ref`), so a
 * test can check every figure against the engine.
 */
import type { Count } from '../monitoring/types.ts';

export type CellKind = 'text' | 'count' | 'share' | 'number' | 'date';

export interface Cell {
  kind: CellKind;
  /** count: Count; share: 0–1 or null (hidden or no denominator); number: any; text/date: string. */
  value: Count | number | string | null;
  /** Engine path of a count (`groups.all.accumulated.1`), or of a share's count and denominator. */
  ref?: string | { count: string; denominator: string };
  /** A status shown in colour as well as words: good (reached), bad (missed, late), neutral. */
  tone?: 'good' | 'bad' | 'neutral';
  /** Why a suppressed count is hidden (small itself, or which figure it protects), shown to the reader. */
  reason?: string;
}

export interface Table {
  id: string;
  caption: string;
  /** Where the figures come from: the engine (registerdata), the case data, or the plan. */
  source: 'engine' | 'case' | 'plan';
  columns: string[];
  /** The first cell of each row is its heading. */
  rows: Cell[][];
  note?: string;
}

export interface ChartSeries {
  name: string;
  type: 'line' | 'bar';
  data: (number | null)[];
  stack?: string;
  dashed?: boolean;
}

/** A chart: one definition serves the page and the PDF; its numbers are in `tableId`. */
export interface Chart {
  id: string;
  title: string;
  /** Text alternative, also the SVG's aria-label. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  yName?: string;
  percent?: boolean;
  tableId: string;
  /** Categories whose figures are suppressed and nothing is drawn: a marked gap («skjult»), never 0. */
  hidden?: boolean[];
  /** Categories with some bars drawn and some suppressed: labelled «delvis skjult». */
  partlyHidden?: boolean[];
}

/**
 * Which categories to mark: `suppressed[i]` says category i has a suppressed figure. Only a
 * category with nothing drawn is a gap («skjult»); one with a bar drawn is «delvis skjult»
 * (issue 18: all four groups were marked though two had their bars).
 */
export function gapMarks(series: ChartSeries[], suppressed: boolean[]): Pick<Chart, 'hidden' | 'partlyHidden'> {
  const drawn = suppressed.map((_, i) => series.some((s) => s.data[i] !== null && s.data[i] !== undefined));
  return { hidden: suppressed.map((h, i) => h && !drawn[i]), partlyHidden: suppressed.map((h, i) => h && drawn[i]) };
}

/** True when the chart has something to draw: some value shown (not every figure suppressed). */
export function chartHasData(c: Chart): boolean {
  return c.series.some((s) => s.data.some((v) => v !== null && v !== undefined));
}

/**
 * What stands in place of a chart with nothing to draw (page and PDF say the same). Not «for få
 * kvinder» in every group: a large group's share is hidden too when it would give a small group's
 * count away (the current Aalborg project's 54 aktivitetsparate, 1 Dec 2026).
 */
export const EMPTY_CHART_TEXT = (c: Chart) =>
  `${c.title}: ingen søjler at vise, fordi tallene er skjult for at beskytte små grupper, så ingen kan genkendes (diskretionering). Tabellen viser det, der kan vises.`;

export interface Section {
  heading: string;
  paragraphs?: string[];
  /** Text the project leader wrote (kept as typed, line breaks preserved). */
  freeText?: string;
  charts?: Chart[];
  tables?: Table[];
}

export interface DataVintage {
  definition: string;
  registerImportedAt: string | null;
  lastWeek: string | null;
  lastMonth: string | null;
  periodFrom: string;
  periodTo: string;
  caseDataAt: string;
  /** The same in plain words, for readers outside the analysts (the committee brief). */
  plain?: string;
}

export interface Report {
  kind: 'maanedlig' | 'halvaar' | 'slut' | 'udvalg' | 'national';
  title: string;
  subtitle: string;
  vintage: DataVintage;
  /** Small-number suppression applied (spec §6), and its threshold. */
  suppressed: boolean;
  threshold: number;
  sections: Section[];
}

export const count = (value: Count | null | undefined, ref?: string): Cell => ({ kind: 'count', value: value ?? null, ...(ref ? { ref } : {}) });
export const text = (value: string): Cell => ({ kind: 'text', value });
export const status = (value: string, tone: NonNullable<Cell['tone']>): Cell => ({ kind: 'text', value, tone });
export const num = (value: number | null): Cell => ({ kind: 'number', value });
export const date = (value: string): Cell => ({ kind: 'date', value });

/** A share of two counts; hidden (null) when either is suppressed or the denominator is 0. */
export function share(c: Count | null | undefined, d: Count | null | undefined, ref?: { count: string; denominator: string }): Cell {
  const v = typeof c === 'number' && typeof d === 'number' && d > 0 ? c / d : null;
  return { kind: 'share', value: v, ...(ref ? { ref } : {}) };
}

export const allTables = (r: Pick<Report, 'sections'>) => r.sections.flatMap((s) => s.tables ?? []);
