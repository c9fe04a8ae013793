/**
 * A project's four reports, each one model for every renderer:
 * - maanedlig: the monthly monitoring report (inside the municipality: no suppression);
 * - halvaarlig: the half-yearly written follow-up to SIRI (suppressed, spec §6);
 * - slutrapport: the final report to SIRI — activities, participants, results and the project
 *   leader's text sections (suppressed);
 * - udvalg: a brief for the political committee in plain Danish (committee-brief.ts); a public
 *   document, so suppressed.
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import type { Count } from '../monitoring/types.ts';
import { formatDate } from '../core/format.ts';
import { dashboardSections } from './municipal-dashboard.ts';
import type { Report, Section } from './model.ts';
import {
  contactChart, contactTable, durableTable, enrolmentChart, enrolmentTable, goalsTable, groupTable, levelsTable,
  milestonesTable, mixChart, mixTable, seriesCharts, seriesTable, snapshotTable,
} from './steering-sections.ts';

import { vintageOf } from './vintage.ts';
import { committeeSections, committeeStamp } from './committee-brief.ts';
import { formatMonth } from '../core/format.ts';
import { effectMoneySections } from './effect-money-section.ts';
import { explainSuppression } from './suppression-reasons.ts';
import { recruitmentSection } from './recruitment-section.ts';
import { breakdownSection } from './breakdown-section.ts';
import { progressionSection } from './progression-section.ts';
import { familySection } from './family-section.ts';
export const REPORT_KINDS = ['maanedlig', 'halvaarlig', 'slutrapport', 'udvalg'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  maanedlig: 'Månedlig monitoreringsrapport',
  halvaarlig: 'Halvårlig skriftlig opfølgning til SIRI',
  slutrapport: 'Afsluttende rapport til SIRI',
  udvalg: 'Orientering til det politiske udvalg',
};

/** Reports that leave the municipality, or are public, apply small-number suppression. */
export const SUPPRESSED: Record<ReportKind, boolean> = { maanedlig: false, halvaarlig: true, slutrapport: true, udvalg: true };

/** Reports with the section "Effekt og økonomi" (issue 12), which needs the effect computed. */
export const WITH_EFFECT: Record<ReportKind, boolean> = { maanedlig: false, halvaarlig: false, slutrapport: true, udvalg: true };

const nf = new Intl.NumberFormat('da-DK');
const pct = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const n = (c: Count) => (typeof c === 'number' ? nf.format(c) : c);
const p = (c: Count, d: Count) => (typeof c === 'number' && typeof d === 'number' && d > 0 ? `${pct.format((100 * c) / d)} %` : 'en skjult andel');

function halfYearStart(month: string) {
  return `${month.slice(0, 4)}-${Number(month.slice(5, 7)) <= 6 ? '01' : '07'}`;
}

function summary(d: SteeringData): string[] {
  const a = d.result.groups.all;
  const pr = d.choice.project;
  return [
    `Projektet «${pr.name}» løber fra ${formatDate(pr.startDate)} til ${formatDate(pr.endDate)} i ${pr.municipalityNames.join(' og ')}. `
      + `Planen er ${nf.format(pr.plannedParticipants ?? 0)} deltagere.`,
    `Til og med ${d.result.month} er ${n(a.n)} kvinder indskrevet. ${n(a.accumulated['1_or_2'])} (${p(a.accumulated['1_or_2'], a.n)}) har nået mål 1 eller 2 `
      + `(uddannelse, beskæftigelse eller løntimer), og yderligere ${n(a.accumulated['3'])} (${p(a.accumulated['3'], a.n)}) har som bedste niveau været i virksomhedspraktik eller løntilskud.`,
    `${d.goals.filter((g) => g.status === 'naaet').length} af projektets ${d.goals.length} resultatmål er nået; `
      + `${d.milestones.filter((m) => m.status === 'naaet').length} af ${d.milestones.length} milepæle er nået.`,
  ];
}

function monthly(d: SteeringData): Section[] {
  const r = d.result;
  return [
    { heading: 'Sammenfatning', paragraphs: summary(d) },
    ...dashboardSections(d),
    { heading: 'Varig beskæftigelse og status', tables: [durableTable(r), snapshotTable(r)] },
    { heading: 'Milepælsplan', tables: [milestonesTable(d)] },
  ];
}

/** Distance travelled per visitation (issue 13), suppressed like the rest of the report. */
function progression(d: SteeringData): Section[] {
  return d.progression ? [progressionSection(d.progression, d.suppressed ? d.threshold : null, d.progressionStates)] : [];
}

function halfYearly(d: SteeringData): Section[] {
  const r = d.result;
  return [
    { heading: 'Projektets fremdrift', paragraphs: summary(d) },
    { heading: 'Resultatmål', tables: [goalsTable(d)] },
    { heading: 'Milepæle', tables: [milestonesTable(d)] },
    { heading: 'Resultater fra registerdata', charts: seriesCharts(r), tables: [seriesTable(r), levelsTable(r)] },
    { heading: 'Indskrivning mod plan', charts: [enrolmentChart(d)], tables: [enrolmentTable(d)] },
    ...recruitmentSection(d, halfYearStart(d.months.month)),
    { heading: 'Aktiviteter og kontakt', charts: [mixChart(d), contactChart(d)], tables: [mixTable(d), contactTable(d)] },
    ...breakdownSection(d.breakdowns),
    ...progression(d),
    ...familySection(d),
  ];
}

function final(d: SteeringData): Section[] {
  const r = d.result;
  const t = d.texts;
  return [
    { heading: 'Sammenfatning', paragraphs: summary(d) },
    { heading: 'Aktiviteter', freeText: t.aktiviteter ?? '', charts: [mixChart(d)], tables: [mixTable(d), contactTable(d)] },
    {
      heading: 'Deltagere', charts: [enrolmentChart(d)],
      tables: [enrolmentTable(d), groupTable(r, 'visitation', 'Deltagere og resultater efter visitationskategori'), groupTable(r, 'alder', 'Deltagere og resultater efter alder')],
    },
    { heading: 'Resultater', charts: seriesCharts(r).slice(1), tables: [seriesTable(r), goalsTable(d), levelsTable(r), durableTable(r), snapshotTable(r)] },
    ...breakdownSection(d.breakdowns),
    ...progression(d),
    ...familySection(d),
    { heading: 'Milepæle', tables: [milestonesTable(d)] },
    ...effectMoneySections(d),
    { heading: 'Erfaringer', freeText: t.erfaringer ?? '' },
    { heading: 'Læring', freeText: t.laering ?? '' },
    { heading: 'Forankring og videre drift', freeText: t.forankring ?? '' },
  ];
}

export function projectReport(kind: ReportKind, d: SteeringData): Report {
  const pr = d.choice.project;
  const from = kind === 'halvaarlig' ? halfYearStart(d.months.month) : undefined;
  const sections = kind === 'maanedlig' ? monthly(d) : kind === 'halvaarlig' ? halfYearly(d) : kind === 'slutrapport' ? final(d) : committeeSections(d);
  return explainSuppression({
    kind: kind === 'maanedlig' ? 'maanedlig' : kind === 'halvaarlig' ? 'halvaar' : kind === 'slutrapport' ? 'slut' : 'udvalg',
    title: `${REPORT_TITLES[kind]}: ${pr.name}`,
    subtitle: kind === 'udvalg'
      ? `${pr.municipalityNames.join(' og ')} · tal til og med ${formatMonth(d.months.month)}`
      : `${pr.municipalityNames.join(' og ')} · rapportmåned ${d.months.month}${from ? ` · halvåret ${from} til ${d.months.month}` : ''}`,
    vintage: kind === 'udvalg' ? { ...vintageOf(d, from), plain: committeeStamp(d) } : vintageOf(d, from),
    suppressed: d.suppressed,
    threshold: d.threshold,
    sections,
  }, d.result);
}
