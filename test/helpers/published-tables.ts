/**
 * The published tables of the national page and of a project's reports read as a reader gets them:
 * every count a table prints, keyed by what it counts (the engine's result path where a cell names
 * one), and the relations between them written here from the definitions (kib-2019.1 and the
 * tables' own row and column totals), for the solvers in recoverability.ts. Independent of
 * src/monitoring/suppress*.ts.
 */
import { expect } from 'vitest';
// The snapshot categories are the engine's (its list of what a woman can be doing in month S); the
// figures and relations below stay written here, independent of the engine and of suppression.
import { SNAPSHOTS, type MonitorResult } from '../../src/monitoring/types.ts';
import { allTables, type Report } from '../../src/reports/model.ts';
import type { Relation, Shown } from './recoverability.ts';

export const LEVELS = ['1', '2', '3', '0'];
export const DURABLE = ['full', 'partial', 'none'];
export const VISITATIONS = ['aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige'];

/** Every figure of one group, by its path below the group. */
export const GROUP_FIGURES = [
  'n',
  ...LEVELS.map((k) => `accumulated.${k}`),
  'accumulated.1_or_2',
  'current.active',
  ...LEVELS.map((k) => `current.${k}`),
  'inactive',
  ...DURABLE.map((d) => `durable.${d}`),
  ...LEVELS.flatMap((k) => DURABLE.map((d) => `durableByAccumulated.${k}.${d}`)),
  ...SNAPSHOTS.map((s) => `snapshot.${s}`),
];

/** The definitions' relations inside one group (prefix `p`), written from the spec's §5. */
export function groupRelations(p: string): Relation[] {
  const k = (s: string) => `${p}.${s}`;
  return [
    { total: k('n'), parts: LEVELS.map((l) => k(`accumulated.${l}`)) },
    { total: k('accumulated.1_or_2'), parts: [k('accumulated.1'), k('accumulated.2')] },
    { total: k('n'), parts: [k('current.active'), k('inactive')] }, // a woman is active in the month or not
    { total: k('current.active'), parts: LEVELS.map((l) => k(`current.${l}`)) },
    { total: k('n'), parts: DURABLE.map((d) => k(`durable.${d}`)) },
    { total: k('n'), parts: SNAPSHOTS.map((s) => k(`snapshot.${s}`)) },
    ...LEVELS.map((l) => ({ total: k(`accumulated.${l}`), parts: DURABLE.map((d) => k(`durableByAccumulated.${l}.${d}`)) })),
    ...DURABLE.map((d) => ({ total: k(`durable.${d}`), parts: LEVELS.map((l) => k(`durableByAccumulated.${l}.${d}`)) })),
  ];
}

/** All relations of one engine result under namespace `ns`. */
export function engineRelations(ns: string, r: MonitorResult): Relation[] {
  const out: Relation[] = groupRelations(`${ns}groups.all`);
  for (const dim of ['kommune', 'visitation', 'alder', 'aar'] as const) {
    const keys = Object.keys(r.groups[dim]);
    for (const g of keys) out.push(...groupRelations(`${ns}groups.${dim}.${g}`));
    if (keys.length)
      for (const f of GROUP_FIGURES) out.push({ total: `${ns}groups.all.${f}`, parts: keys.map((g) => `${ns}groups.${dim}.${g}.${f}`) });
  }
  r.series.forEach((_, i) => {
    const k = (s: string) => `${ns}series.${i}.${s}`;
    out.push(
      { total: k('enrolled'), parts: [k('active'), k('inactive')] },
      { total: k('active'), parts: LEVELS.map((l) => k(`current.${l}`)) },
      { total: k('enrolled'), parts: LEVELS.map((l) => k(`accumulated.${l}`)) },
      { total: k('accumulated.1_or_2'), parts: [k('accumulated.1'), k('accumulated.2')] },
    );
  });
  // The series in the report month is the whole group: the same women, the same month.
  const last = r.series.length - 1;
  if (last >= 0 && r.series[last].month === r.month) {
    const same = (a: string, b: string) => out.push({ total: `${ns}series.${last}.${a}`, parts: [`${ns}groups.all.${b}`] });
    same('enrolled', 'n');
    same('active', 'current.active');
    for (const l of LEVELS) {
      same(`current.${l}`, `current.${l}`);
      same(`accumulated.${l}`, `accumulated.${l}`);
    }
    same('accumulated.1_or_2', 'accumulated.1_or_2');
  }
  return out;
}

/** The counts of a report's tables that name their engine figure, under namespace `ns`. */
export function engineFigures(ns: string, report: Report, into: Map<string, Shown>) {
  for (const t of allTables(report)) {
    for (const row of t.rows) {
      for (const c of row) {
        if (c.kind !== 'count' || typeof c.ref !== 'string' || c.value === null) continue;
        const key = `${ns}${c.ref}`;
        const before = into.get(key);
        expect(before === undefined || before === c.value, `${key} shown as ${String(before)} and ${String(c.value)}`).toBe(true);
        into.set(key, c.value as Shown);
      }
    }
  }
}

/**
 * The breakdown tables (issue 13 build 4, ids `opdeling-…`), read as the reader gets them. Per row:
 * women = Mål 1 or 2 + Mål 3 + no goal; women = durable over part-time + not; women = with a
 * company-oriented course + without; women = with CV and ABC + without (the «without» figures are
 * never printed: unknowns). Columns add up to the total row, which is the engine's whole group;
 * in municipality × visitation the municipalities' rows add up to the engine's municipality
 * groups, and over the municipalities to the engine's visitation groups (and on the national page
 * each woman count is the municipality × visitation table's).
 */
const VIS_OF_LABEL: Record<string, string> = {
  Aktivitetsparat: 'aktivitetsparat',
  Jobparat: 'jobparat',
  Selvforsørgende: 'selvforsoergende',
  Øvrige: 'oevrige',
};
const BD_FIGS = [
  ['n', 1],
  ['m12', 2],
  ['m3', 4],
  ['virk', 5],
  ['cv', 6],
] as const;
const ENGINE_OF: Record<string, string> = {
  n: 'n',
  m12: 'accumulated.1_or_2',
  m3: 'accumulated.3',
  varig: 'durable.full',
  acc0: 'accumulated.0',
};
const BD_ALL = ['n', 'm12', 'm3', 'varig', 'virk', 'cv', 'acc0', 'notVarig', 'notVirk', 'notCv'];
export function breakdownFigures(
  ns: string,
  report: Report,
  out: { published: Map<string, Shown>; relations: Relation[] },
  kvNational = false,
) {
  for (const tb of allTables(report).filter((x) => x.id.startsWith('opdeling-'))) {
    const dim = tb.id.slice('opdeling-'.length);
    // A row's key for figure f: engine groups where the row is one, else the table's own.
    const keyOf = (row: string, f: string) => {
      if (row === '*' && ENGINE_OF[f]) return `${ns}groups.all.${ENGINE_OF[f]}`;
      const [m, v] = row.split('|');
      if (dim === 'kommune_visitation' && v === '*' && ENGINE_OF[f]) return `${ns}groups.kommune.${m}.${ENGINE_OF[f]}`;
      if (dim === 'kommune_visitation' && m === '*' && ENGINE_OF[f]) return `${ns}groups.visitation.${v}.${ENGINE_OF[f]}`;
      if (dim === 'kommune_visitation' && kvNational && f === 'n' && m !== '*' && v !== '*') return `${ns}kv.${m}.${v}`;
      return `${ns}bd.${dim}.${row}.${f}`;
    };
    const rows: string[] = [];
    for (const cells of tb.rows) {
      const label = String(cells[0].value);
      let row = label === 'I alt' ? '*' : label;
      if (dim === 'kommune_visitation' && row !== '*') {
        const sub = / i alt$/.exec(label);
        row = sub
          ? `${label.slice(0, sub.index)}|*`
          : `${label.slice(0, label.lastIndexOf(': '))}|${VIS_OF_LABEL[label.slice(label.lastIndexOf(': ') + 2)]}`;
      }
      rows.push(row);
      for (const [f, i] of BD_FIGS) {
        const key = keyOf(row, f);
        const before = out.published.get(key);
        expect(before === undefined || before === cells[i].value, `${key} shown as ${String(before)} and ${String(cells[i].value)}`).toBe(
          true,
        );
        out.published.set(key, cells[i].value as Shown);
      }
    }
    const rel = (total: string, parts: string[]) => out.relations.push({ total, parts });
    const margins = dim === 'kommune_visitation' ? VISITATIONS.map((v) => `*|${v}`) : [];
    for (const row of [...rows, ...margins]) {
      const k = (f: string) => keyOf(row, f);
      rel(k('n'), [k('m12'), k('m3'), k('acc0')]);
      rel(k('n'), [k('varig'), k('notVarig')]);
      rel(k('n'), [k('virk'), k('notVirk')]);
      rel(k('n'), [k('cv'), k('notCv')]);
    }
    const groups = rows.filter((r) => r !== '*' && !r.endsWith('|*'));
    for (const f of BD_ALL) {
      if (dim !== 'kommune_visitation') {
        rel(
          keyOf('*', f),
          groups.map((r) => keyOf(r, f)),
        );
        continue;
      }
      const munis = [...new Set(groups.map((r) => r.split('|')[0]))];
      for (const m of munis) {
        const mine = groups.filter((r) => r.startsWith(`${m}|`)).map((r) => keyOf(r, f));
        rel(munis.length > 1 ? keyOf(`${m}|*`, f) : keyOf('*', f), mine);
      }
      if (munis.length > 1)
        rel(
          keyOf('*', f),
          munis.map((m) => keyOf(`${m}|*`, f)),
        );
      for (const v of VISITATIONS)
        rel(
          keyOf(`*|${v}`, f),
          groups.filter((r) => r.endsWith(`|${v}`)).map((r) => keyOf(r, f)),
        );
      rel(
        keyOf('*', f),
        VISITATIONS.map((v) => keyOf(`*|${v}`, f)),
      );
    }
  }
}

/** What a reader has: the shown figures and the relations between them. */
export interface Published {
  published: Map<string, Shown>;
  relations: Relation[];
}

/**
 * The national page's engine tables (every count that names its result path) and the municipality
 * × visitation table: its "Deltagere" is the engine's municipality count, its columns add up to it
 * and, over the municipalities, to the engine's visitation counts.
 */
export function nationalCoreFigures(ns: string, nr: Report, result: MonitorResult, out: Published): void {
  engineFigures(ns, nr, out.published);
  out.relations.push(...engineRelations(ns, result));
  const kv = allTables(nr).find((x) => x.id === 'kommune-visitation')!;
  expect(kv, 'the municipality × visitation table is on the page').toBeDefined();
  for (const row of kv.rows) {
    const m = String(row[0].value);
    const before = out.published.get(`${ns}groups.kommune.${m}.n`);
    expect(before === undefined || before === row[1].value, `${m}: Deltagere shown as ${String(before)} and ${String(row[1].value)}`).toBe(
      true,
    );
    out.published.set(`${ns}groups.kommune.${m}.n`, row[1].value as Shown);
    VISITATIONS.forEach((v, i) => out.published.set(`${ns}kv.${m}.${v}`, row[2 + i].value as Shown));
    out.relations.push({ total: `${ns}groups.kommune.${m}.n`, parts: VISITATIONS.map((v) => `${ns}kv.${m}.${v}`) });
  }
  for (const v of VISITATIONS)
    out.relations.push({ total: `${ns}groups.visitation.${v}.n`, parts: kv.rows.map((row) => `${ns}kv.${String(row[0].value)}.${v}`) });
}

/**
 * Progression (issue 13): women with two or more measurements per municipality × visitation
 * group; groups add up to "I alt", municipalities to "Hele landet", and the national dimension
 * table's count row is the "Hele landet" row again. Returns the groups per instrument.
 */
export function nationalProgressionFigures(ns: string, nr: Report, out: Published): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const instrument of ['who5', 'fremdriftstrappen']) {
    const pk = allTables(nr).find((x) => x.id === `progression-kommune-${instrument}`)!;
    const groups = pk.columns.filter((c) => c.endsWith(': borgere')).map((c) => c.replace(': borgere', ''));
    found.set(instrument, groups);
    const key = (m: string, g: string) => `${ns}prog.${instrument}.${m}.${g}`;
    for (const row of pk.rows) {
      const m = String(row[0].value);
      for (const g of groups) out.published.set(key(m, g), row[pk.columns.indexOf(`${g}: borgere`)].value as Shown);
      out.relations.push({ total: key(m, 'I alt'), parts: groups.filter((g) => g !== 'I alt').map((g) => key(m, g)) });
    }
    const munis = pk.rows.map((row) => String(row[0].value)).filter((m) => m !== 'Hele landet');
    for (const g of groups) out.relations.push({ total: key('Hele landet', g), parts: munis.map((m) => key(m, g)) });
    const dt = allTables(nr).find((x) => x.id === `progression-${instrument}`)!;
    dt.columns.slice(1).forEach((g, i) => out.published.set(`${ns}progdim.${instrument}.${g}`, dt.rows[0][1 + i].value as Shown));
    for (const g of dt.columns.slice(1)) out.relations.push({ total: `${ns}progdim.${instrument}.${g}`, parts: [key('Hele landet', g)] });
  }
  return found;
}

/**
 * Every table of the national page: the engine tables and the municipality × visitation table,
 * the four breakdowns, and the progression tables. Returns the progression groups per instrument.
 */
export function nationalPageFigures(ns: string, nr: Report, result: MonitorResult, out: Published): Map<string, string[]> {
  nationalCoreFigures(ns, nr, result, out);
  breakdownFigures(ns, nr, out, true);
  return nationalProgressionFigures(ns, nr, out);
}

/**
 * A municipality whose women in the national view are one project's: its row of the national page
 * (`N:`) is that project's whole group in the project's reports (`P:`) — the engine's group
 * figures, the visitation counts and, per instrument, the progression groups.
 */
export function municipalityIsProject(municipality: string, progressionGroups: Map<string, string[]>): Relation[] {
  return [
    ...GROUP_FIGURES.map((f) => ({ total: `N:groups.kommune.${municipality}.${f}`, parts: [`P:groups.all.${f}`] })),
    ...VISITATIONS.map((v) => ({ total: `N:kv.${municipality}.${v}`, parts: [`P:groups.visitation.${v}.n`] })),
    ...[...progressionGroups].flatMap(([instrument, groups]) =>
      groups.map((g) => ({ total: `N:prog.${instrument}.${municipality}.${g}`, parts: [`P:prog.${instrument}.${g}`] })),
    ),
  ];
}

/**
 * The national page's recruitment funnel (ids `rekruttering-kommune` and `rekruttering-kommune-afslag`):
 * municipalities add up to «Alle kommuner» in every column; in a row the contacted are among the
 * gross group, and the enrolled, the declined and the informed among the contacted (the rest never
 * printed: unknowns); a row's reasons add up to its declined, with those without a recorded reason.
 * Keys `${ns}natfunnel.<municipality>.<column>` and `${ns}natdecline.<municipality>.<reason>`.
 */
export function nationalFunnelFigures(ns: string, nr: Pick<Report, 'sections'>, out: Published): void {
  const funnel = allTables(nr).find((t) => t.id === 'rekruttering-kommune');
  const reasons = allTables(nr).find((t) => t.id === 'rekruttering-kommune-afslag');
  if (!funnel || !reasons) return;
  const f = (m: string, c: string) => `${ns}natfunnel.${m}.${c}`;
  const r = (m: string, c: string) => `${ns}natdecline.${m}.${c}`;
  const names = funnel.rows.map((row) => String(row[0].value));
  const munis = names.filter((n) => n !== 'Alle kommuner');
  const stages = funnel.columns.slice(1);
  const why = reasons.columns.slice(1, -1);
  for (const row of funnel.rows) stages.forEach((c, j) => out.published.set(f(String(row[0].value), c), row[1 + j].value as Shown));
  for (const row of reasons.rows) why.forEach((c, j) => out.published.set(r(String(row[0].value), c), row[1 + j].value as Shown));
  for (const row of reasons.rows) {
    const m = String(row[0].value);
    const declined = row[row.length - 1].value as Shown;
    expect(declined, `${m}: the reasons' «I alt» is the funnel's declined`).toBe(out.published.get(f(m, 'Takket nej')));
  }
  for (const c of stages) out.relations.push({ total: f('Alle kommuner', c), parts: munis.map((m) => f(m, c)) });
  for (const c of why) out.relations.push({ total: r('Alle kommuner', c), parts: munis.map((m) => r(m, c)) });
  for (const m of names)
    out.relations.push(
      { total: f(m, 'Takket nej'), parts: [...why.map((c) => r(m, c)), r(m, '~uden årsag')] },
      { total: f(m, 'Bruttomålgruppe'), parts: [f(m, 'Kontaktet'), f(m, '~ikke kontaktet')] },
      { total: f(m, 'Kontaktet'), parts: [f(m, 'Indskrevet'), f(m, 'Takket nej'), f(m, '~i gang')] },
      { total: f(m, 'Kontaktet'), parts: [f(m, 'Informeret'), f(m, '~ikke informeret')] },
    );
}

/**
 * A municipality whose candidates are all one project's: its row of the national page's funnel
 * (`N:`) is that project's funnel «I alt» in its reports (`P:`), and its declines by reason the
 * project's. `stages`/`reasons`: the national tables' column headings.
 */
export function municipalityFunnelIsProject(municipality: string, stages: string[], reasons: string[]): Relation[] {
  return [
    ...stages.map((c) => ({ total: `N:natfunnel.${municipality}.${c}`, parts: [`P:funnel.I alt.${c}`] })),
    ...reasons.map((c) => ({ total: `N:natdecline.${municipality}.${c}`, parts: [`P:decline.${c}`] })),
  ];
}
