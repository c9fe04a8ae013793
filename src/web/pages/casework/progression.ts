/** The cohort's distance travelled on WHO-5 and Fremdriftstrappen. */
import type { Actor } from '../../../core/actor.ts';
import type { CohortProgression } from '../../../app/casework/cohort-progression.ts';
import type { CohortDistance } from '../../../domain/instruments.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { progressionSection } from '../../../reports/progression-section.ts';
import { sectionHtml } from '../../../reports/render-html.ts';
import { projectInstrumentProgression } from './project-instrument-progression.ts';

const num = (n: number | null) =>
  n === null ? '–' : (n > 0 ? '+' : '') + new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);

function table(title: string, d: CohortDistance, testid: string) {
  return html`<h2>${title}</h2>
    <p>${d.n} ${d.n === 1 ? 'borger' : 'borgere'} med mindst to målinger. Gennemsnitlig ændring i alt: <strong data-testid="${testid}-total">${num(d.meanTotalChange)}</strong>.</p>
    <div class="table-wrap"><table class="table table--zebra" data-testid="${testid}">
      <thead><tr><th scope="col">Dimension</th><th scope="col">Gennemsnitlig ændring (første til seneste måling)</th></tr></thead>
      <tbody>${d.dimensions.map((x) => html`<tr><td>${x.name}</td><td>${num(x.meanChange)}</td></tr>`)}</tbody>
    </table></div>`;
}

export function progressionPage(actor: Actor, csrf: string, p: CohortProgression) {
  return page(
    { title: 'Progression', actor, csrf, path: '/progression' },
    html`<p>${actor.role === 'sagsbehandler' ? 'Dine borgere' : 'Alle borgere i dine kommuner'}: ${p.women} med mindst én måling. Udviklingen måles fra første til seneste måling.</p>
      ${table('WHO-5 Trivselsindeks', p.who5, 'cohort-who5')}
      ${table('Fremdriftstrappen', p.trappen, 'cohort-trappen')}
      ${sectionHtml({ ...progressionSection(p.byVisitation, null), heading: 'Distance travelled efter visitation ved indskrivning' })}
      ${projectInstrumentProgression(p.projectInstruments)}`,
  );
}
