/**
 * A long ("tidy") table of a result's groups and series: one row per group × measure ×
 * category, the form an analyst pivots in Excel. Used by the CSV and XLSX outputs.
 */
import type { Count, GroupResult, MonitorResult } from './types.ts';

export interface TidyRow {
  /** `grupper` or `serie`. */
  afsnit: string;
  /** `all`, `kommune`, `visitation`, `alder` or `aar`. */
  gruppe: string;
  /** The group's key (municipality, band, …); empty for `all`. */
  vaerdi: string;
  maaned: string;
  /** n, accumulated, current, durable, durableByAccumulated, snapshot, enrolled, active. */
  maal: string;
  /** The category within the measure, e.g. `1`, `1_or_2`, `full`, `1.full`; empty for n. */
  kategori: string;
  antal: Count;
}

export const TIDY_COLUMNS: (keyof TidyRow)[] = ['afsnit', 'gruppe', 'vaerdi', 'maaned', 'maal', 'kategori', 'antal'];

const LEVEL_ORDER = ['active', '1', '2', '3', '0', '1_or_2'];

/** Keys in reading order: in a level object active, 1, 2, 3, 0, 1_or_2 (JSON puts "0" first). */
function orderedKeys(o: object): string[] {
  const keys = Object.keys(o);
  if (!keys.includes('0')) return keys;
  return LEVEL_ORDER.filter((k) => keys.includes(k));
}

function flatten(value: unknown, path: string[], emit: (maal: string, kategori: string, antal: Count) => void): void {
  if (typeof value === 'number' || typeof value === 'string') {
    emit(path[0], path.slice(1).join('.'), value);
    return;
  }
  for (const k of orderedKeys(value as object)) flatten((value as Record<string, unknown>)[k], [...path, k], emit);
}

export function tidyRows(r: MonitorResult): TidyRow[] {
  const rows: TidyRow[] = [];
  const group = (gruppe: string, vaerdi: string, g: GroupResult) =>
    flatten(g, [], (maal, kategori, antal) => rows.push({ afsnit: 'grupper', gruppe, vaerdi, maaned: r.month, maal, kategori, antal }));
  group('all', '', r.groups.all);
  for (const dim of ['kommune', 'visitation', 'alder', 'aar'] as const) {
    for (const [k, g] of Object.entries(r.groups[dim])) group(dim, k, g);
  }
  for (const p of r.series) {
    const { month, ...measures } = p;
    flatten(measures, [], (maal, kategori, antal) =>
      rows.push({ afsnit: 'serie', gruppe: 'all', vaerdi: '', maaned: month, maal, kategori, antal }),
    );
  }
  return rows;
}
