/** /nationalt: the agency's national dashboard (suppressed aggregates only). */
import type { Actor } from '../../../core/actor.ts';
import type { NationalData } from '../../../app/steering/national-data.ts';
import { nationalReport } from '../../../reports/national-report.ts';
import { reportBody } from '../../../reports/render-html.ts';
import { html, type SafeHtml } from '../../html.ts';
import { page } from '../../layout.ts';
import { downloadLinks } from './downloads.ts';
import { monthForm } from './month-form.ts';
import { formatMonth } from '../../../core/format.ts';

/** Women enrolled after the report month are not in the figures; say how many (suppressed). */
function laterNote(d: NationalData) {
  const n = d.result.laterEnrolments ?? 0;
  if (n === 0) return '';
  const th = 5;
  const words = n < th ? `Færre end ${th}` : String(n);
  return html`<p data-testid="later-enrolments">${words} kvinder er indskrevet efter ${formatMonth(d.months.month)} og indgår ikke i tallene.</p>`;
}

/** `extra`: sections the page adds after the report's own (the recruitment funnel per municipality). */
export function nationalPage(actor: Actor, csrf: string, d: NationalData, extra?: SafeHtml) {
  const q = `maaned=${d.months.month}&varig=${d.months.durableMonth}&status=${d.months.snapshotMonth}`;
  return page({
    title: 'Nationalt overblik',
    actor,
    csrf,
    path: '/nationalt',
    body: html`${reportBody(
      nationalReport(d),
      html`${monthForm('/nationalt', null, d.months)}
      ${downloadLinks('/nationalt/rapport', q, 'Hent det nationale overblik')}`,
    )}
      ${extra ?? ''}
      ${laterNote(d)}
      <p>Se også <a href="/resultater">resultaterne med alle grupper og måned for måned</a>.</p>
      <p><a href="/nationalt/mikrodata.csv?${q}" download>Hent pseudonymiserede mikrodata (CSV)</a>: én række pr. indskrivning
        med et fast pseudonym pr. kvinde og projekt, aldersgruppe og resultater – aldrig CPR-nummer eller navn.</p>`,
  });
}
