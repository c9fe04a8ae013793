/**
 * Tables and charts of a project's steering data (one definition for the dashboard and every
 * report). Engine figures carry their path in the engine's result (`ref`).
 */

import type { SteeringData } from '../app/steering/steering-data.ts';
import { ACTIVITY_CATEGORIES } from '../core/codes.ts';
import { formatMonth } from '../core/format.ts';
import { ACTIVITY_CATEGORY_LABELS, GOAL_OUTCOME_LABELS, MEASURE_LABELS, POPULATION_LABELS, MILESTONE_STATUS_LABELS, AGE_LABELS, DURABLE_LABELS, LEVEL_LABELS, SHORT_LEVEL, SNAPSHOT_LABELS, VISITATION_SHORT_LABELS, labelOf } from '../core/labels.ts';
import type { Count, GroupResult, MonitorResult } from '../monitoring/types.ts';
import { passCell, place, TableFigures } from './table-pass.ts';
import { count, date, gapMarks, num, share, status, text, type Cell, type Chart, type Table } from './model.ts';

const LEVELS = ['1', '2', '3', '0'] as const;
const DURABLES = ['full', 'partial', 'none'] as const;
const pctOf = (c: Count, d: Count) => (typeof c === 'number' && typeof d === 'number' && d > 0 ? Math.round((1000 * c) / d) / 10 : null);
const numOrNull = (c: Count) => (typeof c === 'number' ? c : null);

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
export function goalsTable(d: SteeringData): Table {
  return {
    id: 'maal', caption: 'Resultatmål holdt op mod resultaterne', source: 'plan',
    columns: ['Resultatmål', 'Måletal', 'Gælder', 'Målsætning', 'Frist', 'Opgjort', 'Resultat', 'Nævner', 'Andel', 'Status'],
    rows: d.goals.map((o) => {
      const ref = o.engineRef;
      const simpleRef = ref && !ref.count.includes('+') ? ref : undefined;
      return [
        text(o.goal.title), text(MEASURE_LABELS[o.goal.measure]), text(POPULATION_LABELS[o.goal.population ?? 'alle']),
        text(o.goal.targetKind === 'andel' ? `${nf.format(o.goal.targetValue)} %` : nf.format(o.goal.targetValue)),
        date(o.goal.deadline), text(o.asOf),
        count(o.count, simpleRef?.count), count(o.denominator, simpleRef?.denominator ?? undefined),
        o.denominator === null ? text('') : share(o.count, o.denominator, simpleRef && simpleRef.denominator ? { count: simpleRef.count, denominator: simpleRef.denominator } : undefined),
        status(GOAL_OUTCOME_LABELS[o.status], o.status === 'naaet' ? 'good' : o.status === 'ikke_naaet' ? 'bad' : 'neutral'),
      ];
    }),
  };
}

/** How far each goal has come: the result in percent of the target (100 = reached). */
export function goalsChart(d: SteeringData): Chart {
  const progress = d.goals.map((o) => {
    if (typeof o.count !== 'number' || (o.denominator !== null && typeof o.denominator !== 'number')) return null;
    const value = o.goal.targetKind === 'andel' ? (o.denominator ? (100 * o.count) / (o.denominator as number) : 0) : o.count;
    return o.goal.targetValue > 0 ? Math.round((1000 * value) / o.goal.targetValue) / 10 : null;
  });
  return {
    id: 'graf-maal', title: 'Resultatmål: resultat i procent af målet', tableId: 'maal', percent: true, yName: 'Af målet',
    categories: d.goals.map((o, i) => `${i + 1}. ${o.goal.title.length > 28 ? `${o.goal.title.slice(0, 27)}…` : o.goal.title}`),
    description: 'For hvert resultatmål: resultatet i procent af målet; 100 % betyder, at målet er nået.',
    series: [
      { name: 'Resultat i procent af målet', type: 'bar', data: progress },
      { name: 'Målet', type: 'line', dashed: true, data: d.goals.map(() => 100) },
    ],
  };
}

/** Milestone numbers a goal's note refers to ("Milepæl 18.", "Milepæl 11, 14 og 17."). */
export function milestoneNumbersOf(note: string | null): number[] {
  const m = /milepæle?\s+([\d\s,og]+)/i.exec(note ?? '');
  return m ? [...m[1].matchAll(/\d+/g)].map((x) => Number(x[0])) : [];
}

/**
 * The plan with each milestone's status in words and colour; a milestone past its date says so,
 * and one that belongs to a missed result goal names that goal, so "I gang" or "Nået" does not
 * stand alone beside a missed goal.
 */
export function milestonesTable(d: SteeringData): Table {
  const missed = new Map<number, string[]>();
  for (const o of d.goals) {
    if (o.status !== 'ikke_naaet') continue;
    for (const n of milestoneNumbersOf(o.goal.note)) missed.set(n, [...(missed.get(n) ?? []), o.goal.title]);
  }
  const today = d.today;
  return {
    id: 'milepaele', caption: 'Milepælsplan', source: 'plan',
    columns: ['Nr.', 'Fase', 'Indhold', 'Tidspunkt', 'Ansvarlig', 'Status'],
    rows: d.milestones.map((m) => {
      const late = m.dueDate < today && m.status !== 'naaet' && m.status !== 'udgaaet';
      const goals = missed.get(m.number) ?? [];
      const words = [MILESTONE_STATUS_LABELS[m.status], ...(late ? ['Tidspunktet er overskredet'] : []),
        ...goals.map((g) => `Resultatmålet «${g}» er ikke nået`)].join('. ');
      const tone = m.status === 'naaet' && !goals.length ? 'good' : late || m.status === 'forsinket' || goals.length ? 'bad' : 'neutral';
      return [num(m.number), text(`${m.phase}. ${m.phaseName}`), text(m.content), date(m.dueDate), text(m.responsible), status(words, tone)];
    }),
  };
}

export function levelsTable(r: MonitorResult): Table {
  const a = r.groups.all;
  return {
    id: 'niveauer', caption: `Bedste niveau til og med ${formatMonth(r.month)} og status i ${formatMonth(r.month)}`, source: 'engine',
    columns: ['Niveau', 'Akkumuleret antal', 'Andel af deltagere', `Aktive i ${formatMonth(r.month)} på niveauet`],
    rows: [
      ...([...LEVELS, '1_or_2'] as const).map((k): Cell[] => [
        text(LEVEL_LABELS[k]), count(a.accumulated[k], `groups.all.accumulated.${k}`),
        share(a.accumulated[k], a.n, { count: `groups.all.accumulated.${k}`, denominator: 'groups.all.n' }),
        k === '1_or_2' ? text('') : count(a.current[k], `groups.all.current.${k}`),
      ]),
      [text('Deltagere i alt / aktive'), count(a.n, 'groups.all.n'), text(''), count(a.current.active, 'groups.all.current.active')],
    ],
  };
}

export function seriesTable(r: MonitorResult): Table {
  return {
    id: 'serie', caption: 'Måned for måned: status i måneden (aktive) og akkumuleret (indskrevne)', source: 'engine',
    columns: ['Måned', 'Indskrevne i alt', 'Aktive', 'Mål 1 i måneden', 'Mål 2 i måneden', 'Mål 3 i måneden', 'Akk. mål 1', 'Akk. mål 2', 'Akk. mål 3', 'Akk. mål 1 eller 2', 'Andel akk. mål 1 eller 2'],
    rows: r.series.map((s, i) => [
      text(s.month), count(s.enrolled, `series.${i}.enrolled`), count(s.active, `series.${i}.active`),
      count(s.current['1'], `series.${i}.current.1`), count(s.current['2'], `series.${i}.current.2`), count(s.current['3'], `series.${i}.current.3`),
      count(s.accumulated['1'], `series.${i}.accumulated.1`), count(s.accumulated['2'], `series.${i}.accumulated.2`), count(s.accumulated['3'], `series.${i}.accumulated.3`),
      count(s.accumulated['1_or_2'], `series.${i}.accumulated.1_or_2`),
      share(s.accumulated['1_or_2'], s.enrolled, { count: `series.${i}.accumulated.1_or_2`, denominator: `series.${i}.enrolled` }),
    ]),
  };
}

export function seriesCharts(r: MonitorResult): Chart[] {
  const months = r.series.map((s) => s.month);
  return [
    {
      id: 'serie-maaned', title: 'Status i måneden', tableId: 'serie', categories: months, yName: 'Kvinder',
      description: `Antal aktive kvinder og antal på mål 1, 2 og 3 i hver måned fra ${months[0] ?? '–'} til ${r.month}.`,
      series: [
        { name: 'Aktive', type: 'line', data: r.series.map((s) => numOrNull(s.active)) },
        { name: 'Mål 1', type: 'line', data: r.series.map((s) => numOrNull(s.current['1'])) },
        { name: 'Mål 2', type: 'line', data: r.series.map((s) => numOrNull(s.current['2'])) },
        { name: 'Mål 3', type: 'line', data: r.series.map((s) => numOrNull(s.current['3'])) },
      ],
    },
    {
      id: 'serie-akk', title: 'Akkumuleret: bedste niveau til og med måneden', tableId: 'serie', categories: months, yName: 'Kvinder',
      description: 'Indskrevne i alt og antal, der har nået mål 1, mål 2 eller mål 3 som bedste niveau, akkumuleret måned for måned.',
      series: [
        { name: 'Indskrevne', type: 'line', data: r.series.map((s) => numOrNull(s.enrolled)) },
        { name: 'Mål 1', type: 'bar', stack: 'akk', data: r.series.map((s) => numOrNull(s.accumulated['1'])) },
        { name: 'Mål 2', type: 'bar', stack: 'akk', data: r.series.map((s) => numOrNull(s.accumulated['2'])) },
        { name: 'Mål 3', type: 'bar', stack: 'akk', data: r.series.map((s) => numOrNull(s.accumulated['3'])) },
      ],
    },
  ];
}

export function groupTable(r: MonitorResult, by: 'visitation' | 'alder' | 'kommune', caption: string): Table {
  const label = (k: string) => by === 'visitation' ? labelOf(VISITATION_SHORT_LABELS, k) : by === 'alder' ? AGE_LABELS[k] ?? `${k.replace('-', '–')} år` : k;
  return {
    id: `gruppe-${by}`, caption, source: 'engine',
    columns: ['Gruppe', 'Deltagere', 'Mål 1', 'Mål 2', 'Mål 3', 'Mål 1 eller 2', 'Andel mål 1 eller 2', 'Varig over deltid', 'Andel varig over deltid'],
    rows: Object.entries(r.groups[by]).map(([k, g]: [string, GroupResult]) => {
      const p = `groups.${by}.${k}`;
      return [
        text(label(k)), count(g.n, `${p}.n`), count(g.accumulated['1'], `${p}.accumulated.1`), count(g.accumulated['2'], `${p}.accumulated.2`),
        count(g.accumulated['3'], `${p}.accumulated.3`), count(g.accumulated['1_or_2'], `${p}.accumulated.1_or_2`),
        share(g.accumulated['1_or_2'], g.n, { count: `${p}.accumulated.1_or_2`, denominator: `${p}.n` }),
        count(g.durable.full, `${p}.durable.full`), share(g.durable.full, g.n, { count: `${p}.durable.full`, denominator: `${p}.n` }),
      ];
    }),
  };
}

export function groupChart(r: MonitorResult, by: 'visitation' | 'alder' | 'kommune', title: string): Chart {
  const t = groupTable(r, by, title);
  const series: Chart['series'] = [
    { name: 'Mål 1 eller 2', type: 'bar', data: Object.values(r.groups[by]).map((g) => pctOf(g.accumulated['1_or_2'], g.n)) },
    { name: 'Varig over deltid', type: 'bar', data: Object.values(r.groups[by]).map((g) => pctOf(g.durable.full, g.n)) },
  ];
  return {
    id: `graf-${by}`, title, tableId: t.id, percent: true, yName: 'Andel',
    categories: t.rows.map((row) => String(row[0].value)),
    description: 'Andel af deltagerne i hver gruppe, der har nået mål 1 eller 2, og andel i varig beskæftigelse over deltid. En gruppe, hvor ingen af tallene kan vises, er markeret «skjult», og en gruppe, hvor kun nogle kan, «delvis skjult».',
    series,
    ...gapMarks(series, Object.values(r.groups[by]).map((g) => [g.n, g.accumulated['1_or_2'], g.durable.full].some((c) => typeof c === 'string'))),
  };
}

export function durableTable(r: MonitorResult): Table {
  const a = r.groups.all;
  return {
    id: 'varig', caption: `Varig beskæftigelse i ${formatMonth(r.durableMonth)} efter bedste niveau`, source: 'engine',
    columns: ['Bedste niveau', 'Kvinder', ...DURABLES.flatMap((k) => [DURABLE_LABELS[k], 'Andel'])],
    rows: LEVELS.map((k) => [
      text(SHORT_LEVEL[k]), count(a.accumulated[k], `groups.all.accumulated.${k}`),
      ...DURABLES.flatMap((dk) => [
        count(a.durableByAccumulated[k][dk], `groups.all.durableByAccumulated.${k}.${dk}`),
        share(a.durableByAccumulated[k][dk], a.accumulated[k], { count: `groups.all.durableByAccumulated.${k}.${dk}`, denominator: `groups.all.accumulated.${k}` }),
      ]),
    ]),
  };
}

export function snapshotTable(r: MonitorResult): Table {
  const a = r.groups.all;
  return {
    id: 'status', caption: `Status ultimo ${formatMonth(r.snapshotMonth)}`, source: 'engine',
    columns: ['Status', 'Antal', 'Andel'],
    rows: Object.entries(a.snapshot).map(([k, c]) => [text(SNAPSHOT_LABELS[k] ?? k), count(c, `groups.all.snapshot.${k}`), share(c, a.n, { count: `groups.all.snapshot.${k}`, denominator: 'groups.all.n' })]),
  };
}

export function enrolmentTable(d: SteeringData): Table {
  return {
    id: 'indskrivning', caption: 'Indskrevne i alt måned for måned mod planen', source: 'engine',
    columns: ['Måned', 'Indskrevne i alt', 'Plan'],
    rows: d.result.series.map((s, i) => [text(s.month), count(s.enrolled, `series.${i}.enrolled`), num(d.plannedByMonth.get(s.month) ?? null)]),
    note: `Planen går lineært fra projektstart til ${d.choice.project.plannedParticipants ?? 0} indskrevne ved projektets afslutning.`,
  };
}

export function enrolmentChart(d: SteeringData): Chart {
  return {
    id: 'graf-indskrivning', title: 'Indskrivning mod plan', tableId: 'indskrivning', yName: 'Kvinder',
    categories: d.result.series.map((s) => s.month),
    description: `Indskrevne i alt pr. måned sammenlignet med planen på ${d.choice.project.plannedParticipants ?? 0} kvinder.`,
    series: [
      { name: 'Indskrevne', type: 'line', data: d.result.series.map((s) => numOrNull(s.enrolled)) },
      { name: 'Plan', type: 'line', dashed: true, data: d.result.series.map((s) => d.plannedByMonth.get(s.month) ?? null) },
    ],
  };
}

const MIX_CAPTION = 'Påbegyndte aktiviteter pr. halvår efter kategori';

/**
 * Activity mix with its column totals (the row «I alt»), suppressed as one grid in one pass
 * (table-pass.ts, as the engine figures: complements against the equations and against pinning,
 * a reason per hidden cell): each half-year row and each category column adds up, so the totals
 * the committee brief says in words cannot give a hidden count away (issue 18). The totals cost
 * ten times their size to hide (the brief says them).
 */
function mixGrid(d: SteeringData): { rows: Cell[][]; totals: Cell[] } {
  const cats = ACTIVITY_CATEGORIES;
  const R = d.mix.length;
  const grid = new TableFigures();
  const key = (r: number, c: number) => `${r}.${c}`;
  const values = [
    ...d.mix.map((m) => [m.total, ...cats.map((c) => m.counts[c])]),
    [d.mix.reduce((a, m) => a + m.total, 0), ...cats.map((c) => d.mix.reduce((a, m) => a + m.counts[c], 0))],
  ];
  values.forEach((row, r) => row.forEach((v, c) => grid.add(key(r, c), v, r === R || c === 0 ? v * 10 : v)));
  for (let r = 0; r <= R; r++) grid.sum(key(r, 0), cats.map((_, i) => key(r, i + 1)));
  for (let c = 0; c <= cats.length; c++) grid.sum(key(R, c), d.mix.map((_, r) => key(r, c)));
  const pass = grid.suppress(d.suppressed ? d.threshold : 0);
  const columns = ['I alt', ...cats.map((c) => ACTIVITY_CATEGORY_LABELS[c])];
  const where = (k: string) => {
    const [r, c] = k.split('.').map(Number);
    return place(MIX_CAPTION, r === R ? 'I alt' : d.mix[r].period, columns[c]);
  };
  const row = (r: number) => values[r].map((_, c) => passCell(pass, key(r, c), where));
  return { rows: d.mix.map((_, r) => row(r)), totals: row(R) };
}

/** All started activities and the company-oriented ones, as the suppressed table shows them. */
export function mixTotals(d: SteeringData): { started: Count; company: Count } {
  const { totals } = mixGrid(d);
  return { started: totals[0].value as Count, company: totals[1 + ACTIVITY_CATEGORIES.indexOf('virksomhedsrettet')].value as Count };
}

export function mixTable(d: SteeringData): Table {
  const cats = ACTIVITY_CATEGORIES;
  const { rows, totals } = mixGrid(d);
  const line = (label: string, r: Cell[]) => [text(label), ...r, share(r[1].value as Count, r[0].value as Count)];
  return {
    id: 'aktiviteter', caption: MIX_CAPTION, source: 'case',
    columns: ['Halvår', 'I alt', ...cats.map((c) => ACTIVITY_CATEGORY_LABELS[c]), 'Andel virksomhedsrettet'],
    rows: d.mix.length ? [...d.mix.map((m, r) => line(m.period, rows[r])), line('I alt', totals)] : [],
  };
}

export function mixChart(d: SteeringData): Chart {
  const { rows } = mixGrid(d);
  return {
    id: 'graf-aktiviteter', title: 'Aktivitetsmiks: virksomhedsrettet mod kurser og øvrige', tableId: 'aktiviteter', yName: 'Aktiviteter',
    categories: d.mix.map((m) => m.period),
    description: 'Antal påbegyndte aktiviteter pr. halvår, stablet efter kategori: virksomhedsrettet, opkvalificering, social og sundhed, vejledning.',
    series: ACTIVITY_CATEGORIES.map((c, i) => ({ name: ACTIVITY_CATEGORY_LABELS[c], type: 'bar' as const, stack: 'mix', data: rows.map((row) => (typeof row[1 + i].value === 'number' ? (row[1 + i].value as number) : null)) })),
  };
}

/**
 * Conversations in all years as the suppressed contact table allows: the sum when every year is
 * shown, otherwise only a lower bound (the shown years), so the total never gives a hidden year away.
 */
export function talksTotal(d: SteeringData): { atLeast: boolean; n: number } {
  const t = contactTable(d);
  const shown = t.rows.map((r) => r[1].value);
  return { atLeast: shown.some((c) => typeof c !== 'number'), n: shown.reduce<number>((a, c) => a + (typeof c === 'number' ? c : 0), 0) };
}

export function contactTable(d: SteeringData): Table {
  const hide = (womanYears: number) => d.suppressed && womanYears < d.threshold;
  return {
    id: 'kontakt', caption: `Samtaler pr. kvinde pr. år (mål: ${d.contactTarget})`, source: 'case',
    columns: ['År', 'Samtaler', 'Helårspersoner i projektet', 'Samtaler pr. kvinde pr. år', 'Mål'],
    rows: d.contact.map((c) => hide(c.womanYears)
      ? [text(c.year), count('x'), count(`<${d.threshold}`), num(null), num(d.contactTarget)]
      : d.suppressed && c.conversations >= 1 && c.conversations < d.threshold
        ? [text(c.year), count(`<${d.threshold}`), num(c.womanYears), num(null), num(d.contactTarget)]
        : [text(c.year), count(c.conversations), num(c.womanYears), num(c.perWomanYear), num(d.contactTarget)]),
    note: 'Helårspersoner: summen af de indskrevne kvinders tid i projektet i året, i år.',
  };
}

export function contactChart(d: SteeringData): Chart {
  const t = contactTable(d);
  return {
    id: 'graf-kontakt', title: 'Kontakthyppighed mod mål', tableId: t.id, yName: 'Samtaler',
    categories: d.contact.map((c) => c.year),
    description: `Samtaler pr. kvinde pr. år sammenlignet med målet på ${d.contactTarget} samtaler.`,
    series: [
      { name: 'Samtaler pr. kvinde pr. år', type: 'bar', data: t.rows.map((r) => (typeof r[3].value === 'number' ? r[3].value : null)) },
      { name: 'Mål', type: 'line', dashed: true, data: d.contact.map(() => d.contactTarget) },
    ],
  };
}

export function caseloadTable(d: SteeringData): Table {
  return {
    id: 'sagsstammer', caption: `Sagsstamme pr. sagsbehandler ultimo ${d.months.month} (grænse: ${d.caseloadLimit})`, source: 'case',
    columns: ['Sagsbehandler', 'Aktive kvinder i projektet', 'Grænse'],
    rows: d.caseloads.map((c) => [text(c.caseworker), count(c.active), num(d.caseloadLimit)]),
  };
}

export function caseloadChart(d: SteeringData): Chart {
  return {
    id: 'graf-sagsstammer', title: 'Sagsstamme pr. sagsbehandler', tableId: 'sagsstammer', yName: 'Kvinder',
    categories: d.caseloads.map((c) => c.caseworker),
    description: `Antal aktive kvinder i projektet pr. sagsbehandler sammenlignet med grænsen på ${d.caseloadLimit}.`,
    series: [
      { name: 'Aktive kvinder', type: 'bar', data: d.caseloads.map((c) => c.active) },
      { name: 'Grænse', type: 'line', dashed: true, data: d.caseloads.map(() => d.caseloadLimit) },
    ],
  };
}
