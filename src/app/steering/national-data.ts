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
import { enrolmentsByMunicipalityAndVisitation, municipalityNames } from '../../db/steering/national.ts';
import { suppressCells, VISIBLE, type AdditiveSet } from '../../monitoring/suppress.ts';
import { distanceByVisitation, type DistanceByVisitation, type Instrument } from '../../domain/instruments.ts';
import { instrumentCohorts, loadEnrolmentProgression, type EnrolmentProgression } from '../casework/cohort-progression.ts';
import { monthEnd } from './case-measures.ts';
import { suppressTogether, type Figure, type PassResult, type Relation } from '../../monitoring/suppress-pass.ts';
import { resultFigures, suppressedResult } from '../../monitoring/suppress-result.ts';
import { VISITATIONS, type Count, type MonitorResult } from '../../monitoring/types.ts';
import { computeResults, registerVintage, type Vintage } from '../register/monitor-results.ts';
import { nationalResults } from '../register/national-results.ts';
import type { Deps, Months } from './steering-data.ts';
import { breakdownsOf, nationalMembers, NATIONAL_BREAKDOWNS, type Breakdown } from './breakdowns.ts';

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
  /** Results and case measures by recorded fields, all municipalities, suppressed (issue 13 build 4). */
  breakdowns: Breakdown[];
  /** Distance travelled per instrument, municipality and visitation at enrolment (issue 13), suppressed. */
  progression: NationalProgression[];
}

/** One instrument nationally: per municipality × visitation group at enrolment, already suppressed. */
export interface NationalProgression {
  national: DistanceByVisitation;
  /** The national columns' states (groups, then total), from the table's suppression. */
  nationalState: Uint8Array;
  rows: {
    municipality: string;
    groups: { n: Count; meanTotal: number | null | 'x' }[];
    total: { n: Count; meanTotal: number | null | 'x' };
  }[];
}

/**
 * Distance travelled per municipality × visitation for one instrument: the women with two or
 * more measurements per cell (rows and columns add up, national row last) suppressed together
 * (small cells and complements, solved over the whole table); a hidden count hides its mean too.
 * No relation ties these counts to the page's other figures (they count women with two or more
 * measurements, which no other table does), so the table is its own system.
 */
export function nationalProgression(
  instrument: Instrument,
  enrolments: readonly EnrolmentProgression[],
  names: ReadonlyMap<string, string>,
  order: readonly string[],
  threshold: number,
): NationalProgression {
  const national = distanceByVisitation(instrument, enrolments);
  const groups = national.groups.map((g) => g.visitation);
  const nameOf = (code: string) => names.get(code) ?? code;
  const present = [...new Set(enrolments.map((e) => nameOf(e.municipality)))];
  const munis = [...order.filter((m) => present.includes(m)), ...present.filter((m) => !order.includes(m)).sort()];
  const per = munis.map((m) =>
    distanceByVisitation(
      instrument,
      enrolments.filter((e) => nameOf(e.municipality) === m),
    ),
  );
  const width = groups.length + 1;
  const at = (r: number, c: number) => r * width + c;
  const cellsOf = (d: typeof national) => [
    ...groups.map((v) => d.groups.find((g) => g.visitation === v)?.distance ?? null),
    d.all.distance,
  ];
  const dists = [...per, national].map(cellsOf);
  const values = dists.flatMap((row) => row.map((x) => x?.n ?? 0));
  const nat = munis.length;
  const sets: AdditiveSet[] = [
    ...[...munis.keys(), nat].map((r) => ({ total: at(r, groups.length), parts: groups.map((_, c) => at(r, c)) })),
    ...[...groups.keys(), groups.length].map((c) => ({ total: at(nat, c), parts: munis.map((_, r) => at(r, c)) })),
  ];
  const state = suppressCells(values, sets, threshold, { solve: true, intervals: true });
  const cell = (r: number, c: number) => {
    const hidden = state[at(r, c)] !== VISIBLE;
    return {
      n: hidden ? (state[at(r, c)] === 1 ? `<${threshold}` : 'x') : values[at(r, c)],
      meanTotal: hidden ? ('x' as const) : (dists[r][c]?.meanTotalChange ?? null),
    };
  };
  return {
    national,
    nationalState: state.slice(at(nat, 0), at(nat, 0) + width),
    rows: munis.map((m, r) => ({ municipality: m, groups: groups.map((_, c) => cell(r, c)), total: cell(r, groups.length) })),
  };
}

export function requireAgencyAnalyst(actor: Actor) {
  if (actor.organisationKind !== 'styrelse' || actor.role !== 'analytiker') throw forbidden();
}

export async function loadNationalData(deps: Deps, actor: Actor, months: Months): Promise<NationalData> {
  requireAgencyAnalyst(actor);
  const view = await computeResults(deps, actor, { ...months, unsuppressed: true });
  const raw = view.result;
  if (raw.participants.length) throw new Error('microdata in the national view');
  const { rows, cohorts, names } = await systemDoor(deps.db, actor, async (tx) => ({
    value: {
      rows: await enrolmentsByMunicipalityAndVisitation(tx, months.month),
      cohorts: await instrumentCohorts(tx, await loadEnrolmentProgression(tx, { until: monthEnd(months.month) })),
      names: await municipalityNames(tx),
    },
    audit: { action: 'laes', entity: 'nationalt_overblik', detail: { month: months.month } },
  }));
  const threshold = deps.config.suppressThreshold;
  const munis = Object.keys(raw.groups.kommune);
  const vis = VISITATIONS as readonly string[];
  const pass = nationalPass(raw, kvCells(munis, rows), threshold);
  const result = suppressedResult(raw, pass);
  const kv = (m: string, v: string) => pass.display(`kv.${m}.${v}`);
  // The breakdowns share their totals with the engine's tables and their municipality × visitation
  // women with the table above: those cells keep the state they have there.
  const kvShown = new Map(munis.flatMap((m) => vis.map((v) => [`${m}|${v}`, kv(m, v)] as const)));
  const members = await nationalMembers(deps.db, actor, months);
  return {
    months,
    vintage: { ...(await registerVintage(deps.db)), caseDataAt: new Date() },
    threshold,
    result,
    visitationByMunicipality: munis.map((m) => ({
      municipality: m,
      n: pass.display(`groups.kommune.${m}.n`),
      byVisitation: Object.fromEntries(vis.map((v) => [v, kv(m, v)])),
    })),
    hidden: pass.hiddenCount(),
    breakdowns: breakdownsOf(members, monthEnd(months.month), threshold, { result, kvShown }, NATIONAL_BREAKDOWNS),
    progression: cohorts.map((c) => nationalProgression(c.instrument, c.enrolments, names, munis, threshold)),
  };
}

/**
 * The national page's states of one municipality's progression counts (issue 18 point 12), per
 * instrument key and visitation (`I alt` for the total): for a project whose women are the
 * municipality's women in the national view, its progression tables then print what the page
 * prints for the municipality and hide what it hides (suppressed apart, the page's complements
 * for the municipality could be worked out from the report). Null for an instrument whose counts
 * differ from the project's (`project`: its unsuppressed progression), so not the same women.
 */
export async function nationalProgressionStates(
  deps: Deps,
  actor: Actor,
  months: Months,
  municipality: string,
  order: readonly string[],
  project: readonly DistanceByVisitation[],
): Promise<Map<string, Map<string, number>>> {
  const { cohorts, names } = await systemDoor(deps.db, actor, async (tx) => ({
    value: {
      cohorts: await instrumentCohorts(tx, await loadEnrolmentProgression(tx, { until: monthEnd(months.month) })),
      names: await municipalityNames(tx),
    },
    audit: [],
  }));
  const out = new Map<string, Map<string, number>>();
  for (const c of cohorts) {
    const mine = project.find((p) => p.instrumentKey === c.instrument.key);
    if (!mine) continue;
    const page = nationalProgression(c.instrument, c.enrolments, names, order, deps.config.suppressThreshold);
    const row = page.rows.find((r) => r.municipality === municipality);
    if (!row) continue;
    const states = new Map<string, number>();
    const stateOf = (n: Count) => (typeof n === 'number' ? VISIBLE : n.startsWith('<') ? 1 : 2);
    page.national.groups.forEach((g, i) => states.set(g.visitation, stateOf(row.groups[i].n)));
    states.set('I alt', stateOf(row.total.n));
    // The same women: the municipality's counts on the page are the project's, group by group.
    const there = distanceByVisitation(
      c.instrument,
      c.enrolments.filter((e) => (names.get(e.municipality) ?? e.municipality) === municipality),
    );
    const counts = (d: DistanceByVisitation) => JSON.stringify([...d.groups.map((g) => [g.visitation, g.distance.n]), d.all.distance.n]);
    const same = counts(there) === counts(mine);
    if (same) out.set(c.instrument.key, states);
  }
  return out;
}

/** The municipality × visitation table's cells, rows in the order of `munis`. */
function kvCells(munis: string[], rows: { name: string; visitation: string; n: number }[]): number[][] {
  const cellsOf = (m: string, v: string) => rows.filter((r) => r.name === m && r.visitation === v).reduce((s, r) => s + r.n, 0);
  return munis.map((m) => (VISITATIONS as readonly string[]).map((v) => cellsOf(m, v)));
}

/**
 * The national page's pass for the months, computed as the page computes it, for a project report
 * to agree with (report-pass.ts): the report prints what the page prints for the project's
 * municipality and hides what the page hides there. Any actor may ask: the caller reads only the
 * states of figures the page publishes (public), and the read is of counts, not of anyone's data.
 */
export async function nationalPagePass(deps: Deps, actor: Actor, months: Months): Promise<{ raw: MonitorResult; pass: PassResult }> {
  const n = await nationalResults(deps.resources, deps.db, deps.config.databaseUrl, { ...months, suppress: 0 });
  const raw = n.result;
  const rows = await systemDoor(deps.db, actor, async (tx) => ({
    value: await enrolmentsByMunicipalityAndVisitation(tx, months.month),
    audit: [],
  }));
  return { raw, pass: nationalPass(raw, kvCells(Object.keys(raw.groups.kommune), rows), deps.config.suppressThreshold) };
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

/**
 * The figures the national page prints: the whole group's (evaluation, levels, durable and status
 * tables), per municipality and visitation category the group table's columns (women, Mål 1, 2, 3,
 * 1 or 2, durable over part time), and the municipality × visitation table. Interval protection
 * is for these; the result's other figures are not on the page (a reader knows them only as ≥ 0).
 */
const onNationalPage = (key: string) =>
  /^(groups\.all\.|kv\.|groups\.(kommune|visitation)\.[^.]+\.(n|accumulated\.(1|2|3|1_or_2)|durable\.full)$)/.test(key);

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
  const pass = suppressTogether(figures, relations, threshold, { intervals: onNationalPage });
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
