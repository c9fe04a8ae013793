/**
 * An unsuppressed engine result as figures and relations for the one-pass suppression
 * (suppress-pass.ts), keyed by the result's own paths (`groups.all.n`,
 * `groups.kommune.Aalborg.durableByAccumulated.1.full`, `series.3.active`) — the keys the report
 * model's count cells carry as `ref` — and the suppressed result read back from the pass.
 * The relations are the engine's own additive sets (aggregate.ts, series.ts).
 */
import { GROUP_CELLS, groupCellPath, groupResult, groupSets, INACTIVE, partitionSets } from './aggregate.ts';
import { SERIES_CELLS, seriesCellPath, seriesPoints, seriesSets, S_INACTIVE } from './series.ts';
import { parseMonth } from './calendar.ts';
import { type Figure, type PassResult, type Relation } from './suppress-pass.ts';
import type { GroupResult, MonitorResult, SeriesPoint } from './types.ts';

const DIMENSIONS = ['kommune', 'visitation', 'alder', 'aar'] as const;

function get(o: unknown, path: string): number {
  let v: unknown = o;
  for (const p of path.split('.')) v = (v as Record<string, unknown>)[p];
  if (typeof v !== 'number') throw new Error(`not an unsuppressed count: ${path}`);
  return v;
}

function groupValues(g: GroupResult): Int32Array {
  const out = new Int32Array(GROUP_CELLS);
  for (let c = 0; c < GROUP_CELLS; c++) out[c] = c === INACTIVE ? get(g, 'n') - get(g, 'current.active') : get(g, groupCellPath(c));
  return out;
}

function seriesValues(s: SeriesPoint): Int32Array {
  const out = new Int32Array(SERIES_CELLS);
  for (let c = 0; c < SERIES_CELLS; c++) out[c] = c === S_INACTIVE ? get(s, 'enrolled') - get(s, 'active') : get(s, seriesCellPath(c));
  return out;
}

/** Group blocks of a result: path prefix and values. */
function blocks(r: MonitorResult): { prefix: string; values: Int32Array }[] {
  const out = [{ prefix: 'groups.all', values: groupValues(r.groups.all) }];
  for (const d of DIMENSIONS)
    for (const [k, g] of Object.entries(r.groups[d])) out.push({ prefix: `groups.${d}.${k}`, values: groupValues(g) });
  return out;
}

/**
 * The figures and relations of an unsuppressed result (`suppress: 0`). `prefix` namespaces the
 * keys (empty for a page that shows one result); `cost` may raise the cost of headline figures.
 */
export function resultFigures(
  r: MonitorResult,
  opts: { prefix?: string; cost?: (key: string, value: number) => number } = {},
): { figures: Map<string, Figure>; relations: Relation[] } {
  const pre = opts.prefix ?? '';
  const figures = new Map<string, Figure>();
  const relations: Relation[] = [];
  const add = (key: string, value: number, printed: boolean) =>
    figures.set(pre + key, { value, printed, cost: opts.cost ? opts.cost(pre + key, value) : value });
  const bs = blocks(r);
  const pathOfGroup = (i: number) => `${bs[Math.floor(i / GROUP_CELLS)].prefix}.${groupCellPath(i % GROUP_CELLS)}`;
  bs.forEach((b) => b.values.forEach((v, c) => add(`${b.prefix}.${groupCellPath(c)}`, v, c !== INACTIVE)));
  const asRel = (s: { total: number; parts: number[] }, path: (i: number) => string) => ({
    total: pre + path(s.total),
    parts: s.parts.map((p) => pre + path(p)),
  });
  const sets = bs.flatMap((_, k) => groupSets(k * GROUP_CELLS));
  let k = 1;
  for (const d of DIMENSIONS) {
    const n = Object.keys(r.groups[d]).length;
    sets.push(
      ...partitionSets(
        0,
        Array.from({ length: n }, (_, i) => (k + i) * GROUP_CELLS),
      ),
    );
    k += n;
  }
  for (const s of sets) relations.push(asRel(s, pathOfGroup));
  r.series.forEach((p, m) => seriesValues(p).forEach((v, c) => add(`series.${m}.${seriesCellPath(c)}`, v, c !== S_INACTIVE)));
  const pathOfSeries = (i: number) => `series.${Math.floor(i / SERIES_CELLS)}.${seriesCellPath(i % SERIES_CELLS)}`;
  for (const s of seriesSets(0, r.series.length)) relations.push(asRel(s, pathOfSeries));
  // The series in the report month is the whole group: the same women, the same month.
  const last = r.series.length - 1;
  if (last >= 0 && r.series[last].month === r.month) {
    for (const [a, b] of [
      ['enrolled', 'n'],
      ['active', 'current.active'],
      ['inactive', 'inactive'],
      ['accumulated.1_or_2', 'accumulated.1_or_2'],
      ...['1', '2', '3', '0'].flatMap((l) => [
        [`current.${l}`, `current.${l}`],
        [`accumulated.${l}`, `accumulated.${l}`],
      ]),
    ]) {
      relations.push({ total: `${pre}series.${last}.${a}`, parts: [`${pre}groups.all.${b}`] });
    }
  }
  return { figures, relations };
}

/** The result as the pass shows it (same shape as the engine's suppressed result), with `suppressedFor`. */
export function suppressedResult(raw: MonitorResult, pass: PassResult, prefix = ''): MonitorResult {
  const threshold = pass.threshold;
  const stateOf = (key: string) => pass.state.get(prefix + key) ?? 0;
  const group = (g: GroupResult, p: string) => {
    const values = groupValues(g);
    const state = new Uint8Array(GROUP_CELLS);
    for (let c = 0; c < GROUP_CELLS; c++) state[c] = c === INACTIVE ? 0 : stateOf(`${p}.${groupCellPath(c)}`);
    return groupResult(values, state, 0, threshold);
  };
  const groups = {
    all: group(raw.groups.all, 'groups.all'),
    ...Object.fromEntries(
      DIMENSIONS.map((d) => [d, Object.fromEntries(Object.entries(raw.groups[d]).map(([k, g]) => [k, group(g, `groups.${d}.${k}`)]))]),
    ),
  } as MonitorResult['groups'];
  const values = new Int32Array(raw.series.length * SERIES_CELLS);
  const state = new Uint8Array(raw.series.length * SERIES_CELLS);
  raw.series.forEach((p, m) => {
    values.set(seriesValues(p), m * SERIES_CELLS);
    for (let c = 0; c < SERIES_CELLS; c++) state[m * SERIES_CELLS + c] = c === S_INACTIVE ? 0 : stateOf(`series.${m}.${seriesCellPath(c)}`);
  });
  const first = raw.series.length ? parseMonth(raw.series[0].month)! : 0;
  const suppressedFor: Record<string, string> = {};
  for (const [c, d] of pass.protects)
    if (c.startsWith(prefix)) suppressedFor[c.slice(prefix.length)] = d.startsWith(prefix) ? d.slice(prefix.length) : d;
  return {
    ...raw,
    suppress: threshold,
    groups,
    series: seriesPoints(values, state, 0, first, raw.series.length, threshold),
    suppressedFor,
  };
}
