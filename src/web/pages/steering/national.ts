/** /nationalt: the agency's national dashboard (suppressed aggregates only). */
import type { Actor } from '../../../core/actor.ts';
import type { NationalData } from '../../../app/steering/national-data.ts';
import { nationalReport } from '../../../reports/national-report.ts';
import { reportBody } from '../../../reports/render-html.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { downloadLinks } from './downloads.ts';
import { monthForm } from './month-form.ts';

export function nationalPage(actor: Actor, csrf: string, d: NationalData) {
  const q = `maaned=${d.months.month}&varig=${d.months.durableMonth}&status=${d.months.snapshotMonth}`;
  return page({
    title: 'Nationalt overblik', actor, csrf, path: '/nationalt',
    body: html`${monthForm('/nationalt', null, d.months)}
      ${downloadLinks('/nationalt/rapport', q, 'Hent det nationale overblik')}
      ${reportBody(nationalReport(d))}
      <p>Se også <a href="/resultater">resultaterne med alle grupper og måned for måned</a>.</p>
      <p><a href="/nationalt/mikrodata.csv?${q}" download>Hent pseudonymiserede mikrodata (CSV)</a>: én række pr. indskrivning
        med et fast pseudonym pr. kvinde og projekt, aldersgruppe og resultater – aldrig CPR-nummer eller navn.</p>`,
  });
}
