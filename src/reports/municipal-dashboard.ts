/** The municipal dashboard (/styring) as report sections: goals, series, groups, enrolment, mix, contact, caseloads. */
import type { SteeringData } from '../app/steering/steering-data.ts';
import type { Section } from './model.ts';
import { companySection } from './company-section.ts';
import { groupSessionSection } from './group-session-section.ts';
import { familySection } from './family-section.ts';
import { recruitmentSection } from './recruitment-section.ts';
import { breakdownSection } from './breakdown-section.ts';
import {
  caseloadChart, caseloadTable, contactChart, contactTable, enrolmentChart, enrolmentTable, goalsChart, goalsTable, groupChart, groupTable,
  levelsTable, mixChart, mixTable, seriesCharts, seriesTable,
} from './steering-sections.ts';

export function dashboardSections(d: SteeringData): Section[] {
  const r = d.result;
  const by = (k: 'visitation' | 'alder', t: string) => ({ chart: groupChart(r, k, t), table: groupTable(r, k, t) });
  const vis = by('visitation', 'Resultater efter visitationskategori ved indskrivning');
  const age = by('alder', 'Resultater efter alder ved indskrivning');
  return [
    { heading: 'Resultatmål', charts: [goalsChart(d)], tables: [goalsTable(d)] },
    { heading: 'Status i måneden og akkumuleret', charts: seriesCharts(r), tables: [seriesTable(r), levelsTable(r)] },
    { heading: 'Resultater efter visitation og alder', charts: [vis.chart, age.chart], tables: [vis.table, age.table] },
    { heading: 'Indskrivning mod plan', charts: [enrolmentChart(d)], tables: [enrolmentTable(d)] },
    ...recruitmentSection(d),
    ...breakdownSection(d.breakdowns),
    {
      heading: 'Aktivitetsmiks', charts: [mixChart(d)], tables: [mixTable(d)],
      paragraphs: ['Fordelingen af påbegyndte aktiviteter viser, om indsatsen flytter sig fra kurser mod virksomhedsrettede tilbud.'],
    },
    { heading: 'Kontakthyppighed', charts: [contactChart(d)], tables: [contactTable(d)] },
    ...companySection(d),
    ...groupSessionSection(d),
    ...familySection(d),
    ...(d.suppressed ? [] : [{ heading: 'Sagsstammer', charts: [caseloadChart(d)], tables: [caseloadTable(d)] }]),
  ];
}
