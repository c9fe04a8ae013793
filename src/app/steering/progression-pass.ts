/**
 * The progression tables of a project's reports (distance travelled per instrument and visitation
 * group at enrolment, issue 13) suppressed the way the reports' other tables are (issue 18 point 12):
 * one pass (monitoring/suppress-pass.ts) per instrument over the table's counts (the women with two or
 * more measurements per group and in all), the engine's visitation groups' women — whose states the
 * report pass decided and which stay as they are (shown stays shown, hidden stays hidden) — and the
 * women of each group without two measurements (never printed: an unknown ≥ 0 to the reader),
 * complements chosen by cost and protected against pinning (`pinsOnly`, as reportPass). Before, the
 * table was suppressed against its own equation only: seeded for 2 Dec 2026, Fremdriftstrappen's
 * jobparat and selvforsørgende were printed as `<5` beside a total that left 2 for the two, so each
 * was 1.
 *
 * When the project's women are its municipality's on the national page, the page's states of the
 * municipality's progression counts are fixed too (national-data.ts, nationalProgressionStates).
 */
import type { DistanceByVisitation } from '../../domain/instruments.ts';
import { SHOWN, suppressTogether, type Figure, type Relation } from '../../monitoring/suppress-pass.ts';
import { VISITATIONS, type MonitorResult } from '../../monitoring/types.ts';

/** The column of the progression table's total (the groups' columns are keyed by visitation). */
export const PROGRESSION_TOTAL = 'I alt';

/** One progression table's suppression: per column (visitation or `I alt`) its state and the column an `x` protects. */
export interface ProgressionStates {
  state: Map<string, number>;
  protects: Map<string, string>;
}

const col = (k: string) => `p.${k}`;

/**
 * The states of one instrument's progression counts. `raw`: the engine's unsuppressed result;
 * `result`: the same suppressed by the report pass (the states its tables print); `national`: the
 * national page's states for the same women, when it has them.
 */
export function progressionPass(
  d: DistanceByVisitation,
  raw: MonitorResult,
  result: MonitorResult,
  threshold: number,
  national?: ReadonlyMap<string, number>,
): ProgressionStates {
  const figures = new Map<string, Figure>();
  const relations: Relation[] = [];
  const fixed = new Map<string, 'shown' | 'hidden'>();
  const groups = d.groups.map((g) => ({ key: g.visitation as string, n: g.distance.n }));
  for (const g of groups) figures.set(col(g.key), { value: g.n });
  figures.set(col(PROGRESSION_TOTAL), { value: d.all.distance.n });
  relations.push({ total: col(PROGRESSION_TOTAL), parts: groups.map((g) => col(g.key)) });
  for (const [k, s] of national ?? []) if (figures.has(col(k))) fixed.set(col(k), s === SHOWN ? 'shown' : 'hidden');
  // The engine's women of a group (printed by the report, its state decided there) are the group's women
  // with two measurements and those without; linked only where that holds (the same women counted).
  const engine = (key: string, rawN: unknown, shownN: unknown, measured: number) => {
    if (typeof rawN !== 'number' || rawN < measured) return false;
    figures.set(`e.${key}`, { value: rawN });
    fixed.set(`e.${key}`, typeof shownN === 'number' ? 'shown' : 'hidden');
    figures.set(`r.${key}`, { value: rawN - measured, printed: false });
    relations.push({ total: `e.${key}`, parts: [col(key), `r.${key}`] });
    return true;
  };
  const linked = groups.map((g) => engine(g.key, raw.groups.visitation[g.key]?.n, result.groups.visitation[g.key]?.n, g.n));
  const all = engine(PROGRESSION_TOTAL, raw.groups.all.n, result.groups.all.n, d.all.distance.n);
  // The engine's groups add up to its whole group: a reader of the report knows that too.
  const parts = VISITATIONS.map((v) => raw.groups.visitation[v]?.n);
  if (all && linked.every(Boolean) && parts.every((n) => typeof n === 'number')) {
    const nums = parts as number[];
    if (nums.reduce((a, b) => a + b, 0) === raw.groups.all.n) {
      for (const [i, v] of VISITATIONS.entries())
        if (!figures.has(`e.${v}`)) {
          figures.set(`e.${v}`, { value: nums[i] });
          fixed.set(`e.${v}`, typeof result.groups.visitation[v]?.n === 'number' ? 'shown' : 'hidden');
        }
      relations.push({ total: `e.${PROGRESSION_TOTAL}`, parts: VISITATIONS.map((v) => `e.${v}`) });
    }
  }
  const pass = suppressTogether(figures, relations, threshold, {
    intervals: true,
    pinsOnly: true,
    keepShown: (k) => fixed.get(k) === 'shown',
    hidden: (k) => fixed.get(k) === 'hidden',
  });
  const out: ProgressionStates = { state: new Map(), protects: new Map() };
  for (const k of [...groups.map((g) => g.key), PROGRESSION_TOTAL]) {
    const s = pass.state.get(col(k))!;
    out.state.set(k, s);
    const t = pass.protects.get(col(k));
    if (t?.startsWith('p.')) out.protects.set(k, t.slice(2));
  }
  return out;
}
