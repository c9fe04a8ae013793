/**
 * Virksomhedssamarbejde on Styring and in the reports (issue 14): companies in use and hirings,
 * from the case data. Counts only; in the suppressed form a count of 1 to threshold−1 is shown as
 * "<threshold".
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { count, text, type Section } from './model.ts';

export function companySection(d: SteeringData): Section[] {
  const c = d.companies;
  if (!c) return [];
  const shown = (n: number) => (d.suppressed && n >= 1 && n < d.threshold ? `<${d.threshold}` : n);
  return [{
    heading: 'Virksomhedssamarbejde',
    paragraphs: ['Virksomheder med kvinder i praktik eller ansættelse, og ansættelser (ordinære løntimer og småjob, IGU og løntilskud) med opfølgning efter 6 måneder.'],
    tables: [{
      id: 'virksomheder', caption: 'Virksomheder og ansættelser', source: 'case',
      columns: ['Mål', 'Antal'],
      rows: [
        [text('Aktive virksomheder (en kvinde i forløb ved månedens udgang)'), count(shown(c.activeCompanies))],
        [text('Virksomheder brugt i alt'), count(shown(c.companiesUsed))],
        [text('Ansættelser påbegyndt'), count(shown(c.hirings))],
        [text('Fulgt op efter 6 måneder'), count(shown(c.answeredAt6))],
        [text('Heraf stadig ansat efter 6 måneder'), count(shown(c.stillAt6))],
      ],
      note: 'Kilde: sagsdata (aktiviteter med CVR-nummer og opfølgninger på ansættelser).',
    }],
  }];
}
