/**
 * Familiesituation on Styring (issue 14 build 6): the barriers the applications name — missing
 * childcare, interpreter need, a partner who does not take part, small children — counted for the
 * women enrolled at the month's end, at their enrolment and at the month's end. Counts only; in
 * the suppressed form a count of 1 to threshold−1 is shown as "<threshold".
 */
import type { SteeringData } from '../app/steering/steering-data.ts';
import { FAMILY_BARRIER_LABELS } from '../domain/family.ts';
import { count, text, type Section } from './model.ts';

export function familySection(d: SteeringData): Section[] {
  const f = d.family;
  if (!f || f.women === 0 || (f.recorded.atEnrolment === 0 && f.recorded.now === 0)) return [];
  const shown = (n: number) => (d.suppressed && n >= 1 && n < d.threshold ? `<${d.threshold}` : n);
  return [{
    heading: 'Familiesituation og barrierer',
    paragraphs: [
      `Kvinder indskrevet ved månedens udgang: ${shown(f.women)}. Familiesituationen var registreret ved indskrivningen for ${shown(f.recorded.atEnrolment)} af dem og er registreret nu for ${shown(f.recorded.now)}. ` +
        'Nu er det, der gælder ved månedens udgang. En kvinde tæller med under hver barriere, hun har.',
    ],
    tables: [
      {
        id: 'familie-barrierer', caption: 'Barrierer ved indskrivning og nu', source: 'case',
        columns: ['Barriere', 'Ved indskrivning', 'Nu'],
        rows: [
          [text('Familiesituation registreret'), count(shown(f.recorded.atEnrolment)), count(shown(f.recorded.now))],
          ...f.rows.map((r) => [text(FAMILY_BARRIER_LABELS[r.barrier]), count(shown(r.atEnrolment)), count(shown(r.now))]),
        ],
        note: 'Kilde: sagsdata (familiesituation registreret ved indskrivning og på kvindens side i Fremdrift).',
      },
      ...(f.languagesNow.length
        ? [{
            id: 'familie-tolkesprog', caption: 'Tolkebehov nu efter sprog', source: 'case' as const,
            columns: ['Sprog', 'Kvinder'],
            rows: f.languagesNow.map((l) => [text(l.language.charAt(0).toLocaleUpperCase('da-DK') + l.language.slice(1)), count(shown(l.women))]),
          }]
        : []),
    ],
  }];
}
