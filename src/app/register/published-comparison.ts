/**
 * Computed figures beside the ones SIRI published for KIB (src/reference/published.ts): each row is a
 * count over a stated denominator, so a reader sees both the share and what it is a share of.
 */
import { PUBLISHED_FIGURES, type PublishedFigure } from '../../reference/published.ts';
import type { Count, GroupResult, MonitorResult } from '../../monitoring/types.ts';

export interface ComparisonRow {
  figure: PublishedFigure;
  count: Count | null;
  denominator: Count | null;
}

const num = (c: Count | undefined): number | null => (typeof c === 'number' ? c : null);
const sum = (...c: Count[]): Count => (c.every((x) => typeof x === 'number') ? (c as number[]).reduce((a, b) => a + b, 0) : 'x');

function row(figure: PublishedFigure, count: Count | null, denominator: Count | null): ComparisonRow {
  return { figure, count, denominator };
}

export function publishedComparison(r: MonitorResult): ComparisonRow[] {
  const all: GroupResult = r.groups.all;
  const out: ComparisonRow[] = [];
  for (const f of PUBLISHED_FIGURES.visitation) {
    const key = f.key.split('.')[1];
    out.push(row(f, r.groups.visitation[key]?.n ?? 0, all.n));
  }
  for (const f of PUBLISHED_FIGURES.accumulated) {
    if (f.key === 'accumulated.aktivitetsparat.1_or_2') {
      const g = r.groups.visitation.aktivitetsparat;
      out.push(row(f, g?.accumulated['1_or_2'] ?? 0, g?.n ?? 0));
    } else {
      const k = f.key.split('.')[1] as '1' | '2' | '3' | '1_or_2';
      out.push(row(f, all.accumulated[k], all.n));
    }
  }
  for (const f of PUBLISHED_FIGURES.durable) {
    const [, level, kind] = f.key.split('.') as [string, '1' | '2' | '3', 'full' | 'partial' | 'any'];
    const d = all.durableByAccumulated[level];
    const count = kind === 'any' ? sum(d.full, d.partial) : d[kind];
    out.push(row(f, count, all.accumulated[level]));
  }
  const s = all.snapshot;
  for (const f of PUBLISHED_FIGURES.snapshot) {
    const count =
      f.key === 'snapshot.employment_or_education'
        ? sum(s.uddannelse, s.beskaeftigelse_fuld, s.beskaeftigelse_delvis)
        : s[f.key.split('.')[1] as 'fleksjob' | 'foertidspension' | 'ledig_ydelse'];
    out.push(row(f, count, all.n));
  }
  return out;
}

/** A share in whole percent, or null when a count is suppressed or the denominator is 0. */
export function percent(count: Count | null, denominator: Count | null): number | null {
  const c = num(count ?? undefined);
  const d = num(denominator ?? undefined);
  return c === null || d === null || d === 0 ? null : (100 * c) / d;
}
