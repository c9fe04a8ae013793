/**
 * The agency's national view: every municipality side by side, computed from current data with
 * the engine (national scope: small numbers suppressed, no microdata) and one aggregate of the
 * enrolments (municipality × visitation) suppressed jointly with the engine's totals. Never a
 * name, a CPR number or a per-person row.
 */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { systemDoor } from '../../db/door.ts';
import { enrolmentsByMunicipalityAndVisitation } from '../../db/steering/national.ts';
import type { AdditiveSet } from '../../monitoring/suppress.ts';
import { isSuppressed } from '../../monitoring/suppress.ts';
import { VISITATIONS, type Count, type MonitorResult } from '../../monitoring/types.ts';
import { computeResults, registerVintage, type Vintage } from '../register/monitor-results.ts';
import { suppressJoint, shown } from '../../monitoring/suppress-joint.ts';
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
  /** The raw cells and sets behind `visitationByMunicipality`, for checks. */
  cells: { values: number[]; state: Uint8Array; sets: AdditiveSet[] };
}

export function requireAgencyAnalyst(actor: Actor) {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
}

export async function loadNationalData(deps: Deps, actor: Actor, months: Months): Promise<NationalData> {
  requireAgencyAnalyst(actor);
  const view = await computeResults(deps, actor, months);
  const result = view.result;
  if (result.participants.length) throw new Error('microdata in the national view');
  const rows = await systemDoor(deps.db, actor, async (tx) => ({
    value: await enrolmentsByMunicipalityAndVisitation(tx, months.month),
    audit: { action: 'laes', entity: 'nationalt_overblik', detail: { month: months.month } },
  }));
  const threshold = deps.config.suppressThreshold;
  const munis = Object.keys(result.groups.kommune);
  const vis = VISITATIONS as readonly string[];
  // Cells: per municipality [n, v1..v4]; then national [N, V1..V4].
  const width = vis.length + 1;
  const values: number[] = [];
  const at = (r: number, c: number) => r * width + c;
  for (const m of [...munis, '*']) {
    const mine = rows.filter((r) => m === '*' || r.name === m);
    values.push(mine.reduce((s, r) => s + r.n, 0), ...vis.map((v) => mine.filter((r) => r.visitation === v).reduce((s, r) => s + r.n, 0)));
  }
  const nat = munis.length;
  const sets: AdditiveSet[] = [
    ...[...munis.keys(), nat].map((r) => ({ total: at(r, 0), parts: vis.map((_, c) => at(r, c + 1)) })),
    ...[0, ...vis.map((_, c) => c + 1)].map((c) => ({ total: at(nat, c), parts: munis.map((_, r) => at(r, c)) })),
  ];
  // The totals are shown in the engine's tables too: keep the engine's choice for them.
  const fixed = new Map<number, 'shown' | 'hidden'>();
  const engineState = (c: Count) => (isSuppressed(c) ? 'hidden' : 'shown') as 'shown' | 'hidden';
  munis.forEach((m, r) => fixed.set(at(r, 0), engineState(result.groups.kommune[m].n)));
  vis.forEach((v, c) => { const g = result.groups.visitation[v]; if (g) fixed.set(at(nat, c + 1), engineState(g.n)); });
  fixed.set(at(nat, 0), engineState(result.groups.all.n));
  const state = suppressJoint(values, sets, threshold, fixed);
  const show = shown(values, state, threshold);
  return {
    months,
    vintage: { ...(await registerVintage(deps.db)), caseDataAt: new Date() },
    threshold,
    result,
    visitationByMunicipality: munis.map((m, r) => ({ municipality: m, n: show(at(r, 0)), byVisitation: Object.fromEntries(vis.map((v, c) => [v, show(at(r, c + 1))])) })),
    cells: { values, state, sets },
  };
}
