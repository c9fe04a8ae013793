/**
 * The agency's national view: every municipality side by side, computed from current data with
 * the engine (national scope, no microdata) and one aggregate of the enrolments (municipality ×
 * visitation). Every table and chart of the page is suppressed in ONE pass (monitoring/
 * suppress-pass.ts, issue 18 point 12): the engine's figures and the page's other tables are one
 * system, a figure shown in two tables is one variable, and complements are chosen by cost, the
 * evaluation's headline figures last. Never a name, a CPR number or a per-person row.
 */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { systemDoor } from '../../db/door.ts';
import { enrolmentsByMunicipalityAndVisitation } from '../../db/steering/national.ts';
import { suppressTogether, type Figure, type PassResult, type Relation } from '../../monitoring/suppress-pass.ts';
import { resultFigures, suppressedResult } from '../../monitoring/suppress-result.ts';
import { VISITATIONS, type Count, type MonitorResult } from '../../monitoring/types.ts';
import { computeResults, registerVintage, type Vintage } from '../register/monitor-results.ts';
import type { Deps, Months } from './steering-data.ts';

export interface VisitationRow {
  municipality: string;
  n: Count;
  byVisitation: Record<string, Count>;
}

export interface NationalData {
  months: Months;
  vintage: Vintage & { caseDataAt: Date };
  threshold: number;
  result: MonitorResult;
  visitationByMunicipality: VisitationRow[];
  /** How many printed figures of the page are hidden (`<N` or `x`). */
  hidden: number;
}

export function requireAgencyAnalyst(actor: Actor) {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
}

export async function loadNationalData(deps: Deps, actor: Actor, months: Months): Promise<NationalData> {
  requireAgencyAnalyst(actor);
  const view = await computeResults(deps, actor, { ...months, unsuppressed: true });
  const raw = view.result;
  if (raw.participants.length) throw new Error('microdata in the national view');
  const rows = await systemDoor(deps.db, actor, async (tx) => ({
    value: await enrolmentsByMunicipalityAndVisitation(tx, months.month),
    audit: { action: 'laes', entity: 'nationalt_overblik', detail: { month: months.month } },
  }));
  const threshold = deps.config.suppressThreshold;
  const munis = Object.keys(raw.groups.kommune);
  const vis = VISITATIONS as readonly string[];
  const cellsOf = (m: string, v: string) => rows.filter((r) => r.name === m && r.visitation === v).reduce((s, r) => s + r.n, 0);
  const pass = nationalPass(raw, munis.map((m) => vis.map((v) => cellsOf(m, v))), threshold);
  const result = suppressedResult(raw, pass);
  const kv = (m: string, v: string) => pass.display(`kv.${m}.${v}`);
  return {
    months,
    vintage: { ...(await registerVintage(deps.db)), caseDataAt: new Date() },
    threshold,
    result,
    visitationByMunicipality: munis.map((m) => ({ municipality: m, n: pass.display(`groups.kommune.${m}.n`), byVisitation: Object.fromEntries(vis.map((v) => [v, kv(m, v)])) })),
    hidden: pass.hiddenCount(),
  };
}

/**
 * What hiding a figure costs: its value; the evaluation's figures (national totals) far more, and
 * the published headline shares (durable employment by best level) most, so that they stay
 * shown whenever a cheaper complement protects as well (issue 18: Mål 1 durable was hidden for nothing).
 */
export function nationalCost(key: string, value: number): number {
  if (/^groups\.all\.(durableByAccumulated|accumulated)\./.test(key)) return value * 10_000;
  if (key.startsWith('groups.all.') || /^groups\.visitation\.[a-z]+\.n$/.test(key)) return value * 100;
  return value;
}

const memo = new WeakMap<MonitorResult, Map<string, PassResult>>();

/**
 * The page's one pass: the engine's figures (keys = result paths) and the municipality ×
 * visitation table (`kv.<municipality>.<visitation>`, its rows adding up to the engine's
 * municipality counts and its columns to the engine's visitation counts). Memoised per stored result.
 */
export function nationalPass(raw: MonitorResult, byMunicipality: number[][], threshold: number): PassResult {
  const sig = JSON.stringify([byMunicipality, threshold]);
  const hit = memo.get(raw)?.get(sig);
  if (hit) return hit;
  const { figures, relations } = resultFigures(raw, { cost: nationalCost });
  addMunicipalityVisitation(figures, relations, Object.keys(raw.groups.kommune), byMunicipality);
  const pass = suppressTogether(figures, relations, threshold);
  let m = memo.get(raw);
  if (!m) memo.set(raw, (m = new Map()));
  m.set(sig, pass);
  return pass;
}

function addMunicipalityVisitation(figures: Map<string, Figure>, relations: Relation[], munis: string[], cells: number[][]): void {
  const vis = VISITATIONS as readonly string[];
  munis.forEach((m, r) => vis.forEach((v, c) => figures.set(`kv.${m}.${v}`, { value: cells[r][c] })));
  for (const m of munis) relations.push({ total: `groups.kommune.${m}.n`, parts: vis.map((v) => `kv.${m}.${v}`) });
  for (const v of vis) relations.push({ total: `groups.visitation.${v}.n`, parts: munis.map((m) => `kv.${m}.${v}`) });
}
