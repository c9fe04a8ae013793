/**
 * Progression (issue 13): distance travelled from the first to the latest measurement on WHO-5,
 * Fremdriftstrappen (and any project instrument), per visitation group at enrolment, as a table
 * and a chart. One builder for the project reports (every format) and the Progression page.
 *
 * Suppression (reports that leave the municipality): the women with two or more measurements per
 * group add up to the total; in the project reports they are suppressed in one pass with the
 * engine's visitation groups (app/steering/progression-pass.ts: complements against the equations
 * and against pinning), elsewhere as one additive set (small cells and a complement); a hidden
 * count also hides the group's mean changes ("x"), which would otherwise be a figure about those
 * few women.
 */
import { VISITATION_LABELS } from '../core/labels.ts';
import type { DistanceByVisitation } from '../domain/instruments.ts';
import { display, suppressCells, VISIBLE } from '../monitoring/suppress.ts';
import type { Count } from '../monitoring/types.ts';
import type { Cell, Chart, Section, Table } from './model.ts';
import type { NationalProgression } from '../app/steering/national-data.ts';
import type { ProgressionStates } from '../app/steering/progression-pass.ts';
import { place } from './table-pass.ts';
import { protectsReason } from './suppression-reasons.ts';

export const PROGRESSION_NOTE = 'Udvikling fra hendes første til seneste måling i forløbet; kun kvinder med mindst to målinger tæller med. '
  + 'Grupperet efter visitation ved indskrivning (som SIRI gør).';

interface Column {
  label: string;
  n: Count;
  hidden: boolean;
  meanTotal: number | null;
  dims: (number | null)[];
}

/**
 * The columns (groups, then "I alt") of one instrument, suppressed when `threshold` is given:
 * on their own, or with `state` (groups then total) decided by a larger table they belong to.
 */
export function progressionColumns(d: DistanceByVisitation, threshold: number | null, given?: ArrayLike<number>): Column[] {
  const groups = [...d.groups.map((g) => ({ label: VISITATION_LABELS[g.visitation], dist: g.distance })), { label: 'I alt', dist: d.all.distance }];
  const values = groups.map((g) => g.dist.n);
  const state = threshold === null
    ? new Uint8Array(values.length)
    : given ?? suppressCells(values, [{ total: values.length - 1, parts: values.slice(0, -1).map((_, i) => i) }], threshold);
  return groups.map((g, i) => {
    const hidden = state[i] !== VISIBLE;
    return {
      label: g.label,
      n: threshold === null ? values[i] : display(values[i], state[i], threshold),
      hidden,
      meanTotal: hidden ? null : g.dist.meanTotalChange,
      dims: g.dist.dimensions.map((x) => (hidden ? null : x.meanChange)),
    };
  });
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const mean = (c: Column, x: number | null): Cell => ({ kind: 'number', value: c.hidden ? 'x' : round1(x) });

const COUNT_ROW = 'Borgere med mindst to målinger';

/** The caption of an instrument's progression table. */
const captionOf = (d: DistanceByVisitation) => `${d.instrumentName}: gennemsnitlig ændring fra første til seneste måling efter visitation ved indskrivning`;

/**
 * `reasons`: per column (groups, then «I alt») why its hidden count is hidden, when its pass says
 * (the column it protects); the others get theirs from explainSuppression.
 */
export function progressionTable(
  d: DistanceByVisitation,
  threshold: number | null,
  given?: ArrayLike<number>,
  id = `progression-${d.instrumentKey}`,
  reasons?: readonly (string | undefined)[],
): Table {
  const cols = progressionColumns(d, threshold, given);
  const dims = d.groups[0]?.distance.dimensions ?? d.all.distance.dimensions;
  const countCell = (c: Column, i: number): Cell => {
    const reason = c.hidden ? reasons?.[i] : undefined;
    return { kind: 'count', value: c.n, ...(reason ? { reason } : {}) };
  };
  return {
    id,
    caption: captionOf(d),
    source: 'case',
    columns: ['', ...cols.map((c) => c.label)],
    rows: [
      [{ kind: 'text', value: COUNT_ROW }, ...cols.map(countCell)],
      [{ kind: 'text', value: 'Ændring i samlet score' }, ...cols.map((c) => mean(c, c.meanTotal))],
      ...dims.map((dim, i) => [{ kind: 'text', value: dim.name } as Cell, ...cols.map((c) => mean(c, c.dims[i]))]),
    ],
    note: PROGRESSION_NOTE,
  };
}

export function progressionChart(d: DistanceByVisitation, threshold: number | null, given?: ArrayLike<number>): Chart {
  const cols = progressionColumns(d, threshold, given);
  const dims = d.all.distance.dimensions;
  const drawn = cols.filter((c) => !c.hidden && typeof c.n === 'number' && c.n > 0);
  const left = cols.filter((c) => c.hidden).map((c) => c.label);
  return {
    id: `graf-progression-${d.instrumentKey}`,
    title: `Distance travelled på ${d.instrumentName} efter visitation`,
    description: `Gennemsnitlig ændring pr. dimension fra første til seneste måling, en søjle pr. visitationsgruppe og i alt `
      + `(positive tal er fremgang). ${drawn.map((c) => `${c.label}: ${c.n} borgere, samlet ændring ${c.meanTotal === null ? '–' : String(round1(c.meanTotal)).replace('.', ',')}`).join('; ')}.`
      + (left.length ? ` Ikke vist (for få borgere): ${left.join(', ')}.` : '')
      + ' Tallene står i tabellen.',
    categories: dims.map((x) => x.name),
    series: drawn.map((c) => ({ name: c.label, type: 'bar' as const, data: c.dims.map(round1) })),
    yName: 'Gns. ændring (trin)',
    tableId: `progression-${d.instrumentKey}`,
  };
}

/**
 * The report section: a chart and a table per instrument. `given`: per instrument key, the
 * suppression of each group's count (by visitation, `I alt` for the total) decided by the report's
 * pass over them (app/steering/progression-pass.ts).
 */
export function progressionSection(
  list: readonly DistanceByVisitation[],
  threshold: number | null,
  given?: ReadonlyMap<string, ProgressionStates>,
): Section {
  const keys = (d: DistanceByVisitation) => [...d.groups.map((x) => x.visitation as string), 'I alt'];
  const states = (d: DistanceByVisitation) => {
    const g = given?.get(d.instrumentKey);
    return g && threshold !== null ? Uint8Array.from(keys(d).map((k) => g.state.get(k) ?? 0)) : undefined;
  };
  const labelOf = (k: string) => (k === 'I alt' ? k : VISITATION_LABELS[k as keyof typeof VISITATION_LABELS]);
  const reasons = (d: DistanceByVisitation) => {
    const g = given?.get(d.instrumentKey);
    return keys(d).map((k) => {
      const t = g?.protects.get(k);
      return t === undefined ? undefined : protectsReason(place(captionOf(d), COUNT_ROW, labelOf(t)));
    });
  };
  return {
    heading: 'Progression: distance travelled',
    paragraphs: [PROGRESSION_NOTE],
    charts: list.map((d) => progressionChart(d, threshold, states(d))),
    tables: list.map((d) => progressionTable(d, threshold, states(d), undefined, reasons(d))),
  };
}

/** The national tables of one instrument: municipality × visitation (count and mean total change), then the dimensions nationally. */
export function nationalProgressionTables(p: NationalProgression, threshold: number): Table[] {
  const labels = p.national.groups.map((g) => VISITATION_LABELS[g.visitation]);
  const key = p.national.instrumentKey;
  const pair = (c: { n: Count; meanTotal: number | null | 'x' }): Cell[] => [
    { kind: 'count', value: c.n }, { kind: 'number', value: c.meanTotal === 'x' ? 'x' : round1(c.meanTotal) },
  ];
  const nat = progressionColumns(p.national, threshold, p.nationalState);
  return [
    {
      id: `progression-kommune-${key}`,
      caption: `${p.national.instrumentName}: borgere med mindst to målinger og gennemsnitlig ændring i samlet score, pr. kommune og visitation ved indskrivning`,
      source: 'case',
      columns: ['Kommune', ...[...labels, 'I alt'].flatMap((l) => [`${l}: borgere`, `${l}: ændring`])],
      rows: [
        ...p.rows.map((r) => [{ kind: 'text', value: r.municipality } as Cell, ...r.groups.flatMap(pair), ...pair(r.total)]),
        [{ kind: 'text', value: 'Hele landet' } as Cell, ...nat.flatMap((c) => pair({ n: c.n, meanTotal: c.hidden ? 'x' : c.meanTotal }))],
      ],
      note: PROGRESSION_NOTE,
    },
    progressionTable(p.national, threshold, p.nationalState, `progression-${key}`),
  ];
}
