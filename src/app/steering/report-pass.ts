/**
 * One suppression pass over the engine figures of a project's reports that leave the municipality
 * (issue 18 point 12): the half-yearly follow-up, the final report and the committee brief read
 * one suppressed result, so every table and chart of them — and every format, HTML, PDF, XLSX and
 * CSV, rendered from one model — hides the same cells. The pass (monitoring/suppress-pass.ts) puts
 * all the result's figures and relations into one system, protects small counts against the
 * equations and against interval bounds (a `<5` confined to part of 1..4), and chooses complements
 * by cost (their size: large groups stay shown, issue 18: the committee chart had no bars when the
 * large visitation groups' «Mål 1 eller 2» were hidden).
 *
 * Consistent with the national page: when the project's women are its municipality's women in the
 * national view (a project of one municipality with as many women as the national view counts
 * there, and the same figures), the figures the national page publishes for that municipality are
 * fixed: shown here when the page shows them (public already; hiding them protects nothing, so the
 * pass protects small counts with other complements) and hidden when the page hides them (printing
 * them here would give the page's hidden figures away).
 *
 * Used by loadSteeringData for every project report. The figures the reports never print (a
 * visitation group's durable.none, the year groups, …) are unknowns (≥ 0) to their reader, not
 * known figures: before, counted as printed, at 2026-09 the small groups' unprinted durable.none
 * forced jobparat's «Mål 1 eller 2» (9 of 11) out as a complement, and the committee chart lost
 * jobparat's bar; now the complements fall on printed figures only where a printed equation needs
 * them. Interval protection (step 4) forbids only *pinning* (`pinsOnly`): with the bounds (a `<5`
 * is 1–4, an `x` 5 or more, counts ≥ 0) a reader pinned small counts to one value — in the demo's
 * historic Aalborg reports the Mål 2 women's durable full-time employment to 1 and jobparat's Mål 3
 * to 1, and with the national page its Aalborg durable.full to 20 (issue 18 point 12; asserted in
 * test/reports-published-recoverability.test.ts). Forbidding every narrowing (mode 'all') cascades
 * over the whole group's durable-by-level table (two `<5` in one row adding up to a shown
 * difference: the cheapest widening complement is a level total, then the row of levels, then n —
 * at 2026-09 the whole group's n hidden), so the reports leave a `<5` narrowed to 1–3 or 2–4 shown
 * as `<5` (test helper `narrowed`). At 2022-12 (linked) the national page hides
 * kv.Aalborg.jobparat (11), so the report hides jobparat's n as well, with the reason
 * «Skjult på den nationale side».
 */
import type { Count, MonitorResult } from '../../monitoring/types.ts';
import { HIDDEN_ON_NATIONAL_PAGE, VISITATIONS } from '../../monitoring/types.ts';
import { COMPLEMENT, SHOWN, suppressTogether, type PassResult } from '../../monitoring/suppress-pass.ts';
import { resultFigures, suppressedResult } from '../../monitoring/suppress-result.ts';

/** The group figures the national page prints per municipality (national-data.ts, onNationalPage). */
const NATIONAL_GROUP_FIGURES = ['n', 'accumulated.1', 'accumulated.2', 'accumulated.3', 'accumulated.1_or_2', 'durable.full'] as const;

/**
 * The figures the reports print: the whole group's (levels, durable, status tables), the series
 * (month by month, enrolment), and per visitation and age group the group table's
 * columns (not per municipality or year). The result's other figures are not printed (a reader knows them only as ≥ 0).
 */
export const onReport = (key: string) =>
  /^(groups\.all\.|series\.|groups\.(visitation|alder)\.[^.]+\.(n|accumulated\.(1|2|3|1_or_2)|durable\.full)$)/.test(key);

/**
 * What hiding a figure costs: its size; the whole group's figures (the headline) a thousand times, its levels
 * and durable employment by level ten thousand times;
 * a visitation or age group's women, «Mål 1 eller 2» and durable employment a hundred times, since hiding
 * one also hides a share and the group's bar in the committee chart (issue 18: no bars drawn).
 */
export function reportCost(key: string, value: number): number {
  // The levels and durable employment by best level most, as on the national page (nationalCost): SIRI's
  // headline, Mål 1 durable (19 of 40 in the demo), stays shown and the durable total is hidden instead.
  // The number of women most of all: every report says it in words, and a brief without it cannot be read.
  if (key === 'groups.all.n') return value * 100_000;
  if (/^groups\.all\.(durableByAccumulated|accumulated)\./.test(key)) return value * 10_000;
  if (key.startsWith('groups.all.')) return value * 1000;
  if (/^groups\.(visitation|alder)\.[^.]+\.(n|accumulated\.1_or_2|durable\.full)$/.test(key)) return value * 100;
  return value;
}

/** The national page's state of each report figure it also publishes: project key → SHOWN, SMALL or COMPLEMENT. */
export type NationalStates = Map<string, number>;

/**
 * The national page's states for the project's figures, or null when the project's women are not
 * the municipality's women in the national view (then the two publications share no figure).
 */
export function nationalStates(
  project: MonitorResult,
  municipalities: readonly string[],
  national: { raw: MonitorResult; pass: PassResult },
): NationalStates | null {
  if (municipalities.length !== 1) return null;
  const m = municipalities[0];
  const g = national.raw.groups.kommune[m];
  if (!g) return null;
  const value = (o: unknown, path: string): Count | undefined => {
    let v: unknown = o;
    for (const p of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[p];
    return v as Count | undefined;
  };
  const out: NationalStates = new Map();
  for (const f of NATIONAL_GROUP_FIGURES) {
    // A project's women are among its municipality's: as many, and the same figures, means the same women.
    if (value(project.groups.all, f) !== value(g, f)) return null;
    const s = national.pass.state.get(`groups.kommune.${m}.${f}`);
    if (s !== undefined) out.set(`groups.all.${f}`, s);
  }
  for (const v of VISITATIONS) {
    const s = national.pass.state.get(`kv.${m}.${v}`);
    if (s !== undefined) out.set(`groups.visitation.${v}.n`, s);
  }
  return out;
}

/** The project's unsuppressed result suppressed in one pass, agreeing with the national page when `national` is given. */
export function reportPass(
  raw: MonitorResult,
  threshold: number,
  national: NationalStates | null,
  intervals: 'pins' | 'all' | 'off' = 'pins',
): MonitorResult {
  const { figures, relations } = resultFigures(raw, { cost: reportCost });
  // What the reports never print is an unknown (≥ 0) to their reader, not a known figure: small ones
  // are still protected, but none is a complement, and none forces one (issue 18 point 12: at 2026-09
  // the unprinted durable.none of the small visitation groups made jobparat's «Mål 1 eller 2» a complement).
  for (const [k, f] of figures) if (!onReport(k)) f.printed = false;
  // The number of women (and the month-by-month table's row for the report month, the same figure) is
  // hidden against pinning only when nothing else can be: every report says it in words. Seeded for
  // 2 Dec 2026, the pinned whole group's Mål 1 (1 woman) had n as its only full widener at 2026-02..04,
  // and n was hidden though cheaper cells linked to it freed it (reports-review-fixes test).
  const month = raw.series.findIndex((p) => p.month === raw.month);
  const women = new Set(['groups.all.n', ...(month >= 0 ? [`series.${month}.enrolled`] : [])]);
  const pass = suppressTogether(figures, relations, threshold, {
    intervals: intervals !== 'off' && onReport,
    pinsOnly: intervals === 'pins',
    keepShown: (k) => national?.get(k) === SHOWN,
    hidden: (k) => national?.get(k) === COMPLEMENT,
    lastResort: (k) => women.has(k),
  });
  const out = suppressedResult(raw, pass);
  // Hidden because the national page hides it: that is its reason (no complement of its own here).
  for (const [k, s] of national ?? [])
    if (s === COMPLEMENT && pass.state.get(k) === COMPLEMENT) out.suppressedFor![k] ??= HIDDEN_ON_NATIONAL_PAGE;
  return out;
}
