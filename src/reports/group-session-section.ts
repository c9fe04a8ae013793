/**
 * Gruppemøder on Styring and in the reports (issue 14 build 3): per kind of session, the sessions
 * held up to the month's end and the attendance rate (mødt of the women registered; afbud counts
 * as not attending). Counts only; in the suppressed form a count of 1 to threshold−1 is shown as
 * "<threshold" and its rate hidden.
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { GROUP_SESSION_KIND_LABELS } from '../domain/group-sessions.ts';
import { count, share, text, type Section } from './model.ts';

export function groupSessionSection(d: SteeringData): Section[] {
  const rates = d.groupSessions;
  if (!rates || !rates.some((r) => r.sessions > 0)) return [];
  const shown = (n: number) => (d.suppressed && n >= 1 && n < d.threshold ? `<${d.threshold}` : n);
  return [{
    heading: 'Gruppemøder og fremmøde',
    paragraphs: ['Afholdte gruppemøder til og med måneden (aflyste møder tæller ikke) og fremmødet: andelen af de registrerede kvinder, der mødte. Afbud tæller som ikke mødt.'],
    tables: [{
      id: 'gruppemoeder', caption: 'Fremmøde efter slags møde', source: 'case',
      columns: ['Slags møde', 'Møder', 'Registreret', 'Mødt', 'Afbud', 'Udeblevet', 'Fremmøde'],
      rows: rates.filter((r) => r.sessions > 0).map((r) => [
        text(GROUP_SESSION_KIND_LABELS[r.kind]), count(r.sessions), count(shown(r.registered)), count(shown(r.attended)),
        count(shown(r.excused)), count(shown(r.absent)), share(shown(r.attended), shown(r.registered)),
      ]),
      note: 'Kilde: sagsdata (gruppemøder og fremmøde registreret i Fremdrift).',
    }],
  }];
}
