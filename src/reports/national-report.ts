/**
 * The national view (/nationalt) as a report: the evaluation's figures computed from current
 * data, every municipality side by side. Everything here is already suppressed (spec §6).
 */
import { publishedComparison } from '../app/register/published-comparison.ts';
import type { NationalData } from '../app/steering/national-data.ts';
import { PUBLISHED_FIGURES } from '../reference/published.ts';
import { formatMonth } from '../core/format.ts';
import { VISITATIONS, DEFINITION } from '../monitoring/types.ts';
import { count, num, share, text, type Chart, type Report, type Section, type Table } from './model.ts';
import { durableTable, groupChart, groupTable, levelsTable, snapshotTable } from './steering-sections.ts';

import { VISITATION_SHORT_LABELS, labelOf } from '../core/labels.ts';
import { explainSuppression } from './suppression-reasons.ts';
import { breakdownSection } from './breakdown-section.ts';
import { nationalProgressionTables, PROGRESSION_NOTE } from './progression-section.ts';
function visitationMixTable(d: NationalData): Table {
  const all = d.result.groups.all;
  return {
    id: 'visitation', caption: 'Visitationskategori ved indtræden, alle kommuner', source: 'engine',
    columns: ['Visitation', 'Antal', 'Andel'],
    rows: Object.entries(d.result.groups.visitation).map(([k, g]) => [
      text(labelOf(VISITATION_SHORT_LABELS, k)), count(g.n, `groups.visitation.${k}.n`), share(g.n, all.n, { count: `groups.visitation.${k}.n`, denominator: 'groups.all.n' }),
    ]),
  };
}

function municipalityVisitationTable(d: NationalData): Table {
  return {
    id: 'kommune-visitation', caption: 'Deltagere efter kommune og visitationskategori', source: 'case',
    columns: ['Kommune', 'Deltagere', ...VISITATIONS.map((v) => VISITATION_SHORT_LABELS[v]), 'Andel aktivitetsparate'],
    rows: d.visitationByMunicipality.map((r) => [
      text(r.municipality), count(r.n), ...VISITATIONS.map((v) => count(r.byVisitation[v])), share(r.byVisitation.aktivitetsparat, r.n),
    ]),
  };
}

function evaluationTable(d: NationalData): Table {
  return {
    id: 'evaluering', caption: 'Evalueringens tal beregnet på de aktuelle data, ved siden af de offentliggjorte', source: 'engine',
    columns: ['Tal', 'Nævner', 'Antal', 'Nævner (antal)', 'Beregnet andel', 'Offentliggjort (%)'],
    rows: publishedComparison(d.result).map((c) => [
      text(c.figure.label), text(c.figure.denominator), count(c.count), count(c.denominator), share(c.count, c.denominator), num(c.figure.value),
    ]),
  };
}

function aktChart(d: NationalData, t: Table): Chart {
  return {
    id: 'graf-aktivitetsparate', title: 'Andel aktivitetsparate pr. kommune', tableId: t.id, percent: true, yName: 'Andel',
    categories: d.visitationByMunicipality.map((r) => r.municipality),
    description: 'Andel af hver kommunes deltagere, der var aktivitetsparate ved indtræden. En kommune med skjulte tal er markeret «skjult».',
    // A municipality whose figures are suppressed is a marked gap, never a bar of 0 (issue 18).
    hidden: d.visitationByMunicipality.map((r) => typeof r.n !== 'number' || typeof r.byVisitation.aktivitetsparat !== 'number'),
    series: [{ name: 'Aktivitetsparate', type: 'bar', data: t.rows.map((r) => (typeof r[r.length - 1].value === 'number' ? Math.round(1000 * (r[r.length - 1].value as number)) / 10 : null)) }],
  };
}

/** `extra`: sections the national page adds after the report's own (the recruitment funnel per municipality, already suppressed). */
export function nationalReport(d: NationalData, extra: Section[] = []): Report {
  const r = d.result;
  const mv = municipalityVisitationTable(d);
  const kommuneTitle = 'Resultater pr. kommune';
  return explainSuppression({
    kind: 'national',
    title: 'Nationalt overblik',
    subtitle: `Alle kommuner side om side. Rapportmåned ${formatMonth(r.month)}, varig beskæftigelse ${formatMonth(r.durableMonth)}, status ${formatMonth(r.snapshotMonth)}.`,
    vintage: {
      definition: DEFINITION,
      registerImportedAt: d.vintage.importedAt ? d.vintage.importedAt.toISOString() : null,
      lastWeek: d.vintage.lastWeek, lastMonth: d.vintage.lastMonth,
      periodFrom: r.series[0]?.month ?? r.month, periodTo: r.month, caseDataAt: d.vintage.caseDataAt.toISOString(),
    },
    suppressed: true,
    threshold: d.threshold,
    sections: [
      { heading: 'Evalueringens tal', paragraphs: [PUBLISHED_FIGURES.source], tables: [evaluationTable(d)] },
      { heading: 'Visitation ved indtræden', tables: [visitationMixTable(d)] },
      { heading: 'Bedste niveau i projektperioden', tables: [levelsTable(r)] },
      { heading: 'Varig beskæftigelse efter bedste niveau', tables: [durableTable(r)] },
      { heading: `Status ultimo ${formatMonth(r.snapshotMonth)}`, tables: [snapshotTable(r)] },
      { heading: kommuneTitle, charts: [groupChart(r, 'kommune', kommuneTitle)], tables: [groupTable(r, 'kommune', kommuneTitle)] },
      { heading: 'Aktivitetsparate pr. kommune', charts: [aktChart(d, mv)], tables: [mv] },
      { heading: 'Resultater efter visitation', tables: [groupTable(r, 'visitation', 'Resultater efter visitationskategori ved indtræden')] },
      ...breakdownSection(d.breakdowns),
      { heading: 'Progression: distance travelled pr. kommune og visitation', paragraphs: [PROGRESSION_NOTE], tables: d.progression.flatMap((p) => nationalProgressionTables(p, d.threshold)) },
      ...extra,
    ],
  }, r);
}
