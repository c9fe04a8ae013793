/** /styring: the municipal dashboard — goals against results, series, groups, enrolment, mix, contact, caseloads. */
import type { Actor } from '../../../core/actor.ts';
import type { SteeringData } from '../../../app/steering/steering-data.ts';
import { dashboardSections } from '../../../reports/municipal-dashboard.ts';
import { sectionHtml } from '../../../reports/render-html.ts';
import { stamp } from '../../../reports/format.ts';
import { html } from '../../html.ts';
import { steeringPage, withProject } from './frame.ts';
import { monthForm } from './month-form.ts';
import { moneyOverview, moneyTable } from './money.ts';
import { overdueActions, yearWarning } from './meetings.ts';

import { vintageOf } from '../../../reports/vintage.ts';
export function dashboardPage(actor: Actor, csrf: string, d: SteeringData) {
  const pid = d.choice.project.id;
  return steeringPage({
    actor,
    csrf,
    choice: d.choice,
    path: '/styring',
    title: 'Styring',
    body: html`<h1>Styring af projektet</h1>
      <p class="meta" data-testid="vintage">${stamp(vintageOf(d))} Kommunens egne tal uden diskretionering.</p>
      ${monthForm('/styring', pid, d.months)}
      <p>Se også <a href="/resultater">alle resultater fra registerdata</a>, <a href="${withProject('/styring/milepaele', pid)}">milepælsplanen</a> og
        <a href="${withProject('/styring/rapporter', pid)}">rapporterne</a>.</p>
      ${dashboardSections(d).map((s) => sectionHtml(s))}
      <section aria-labelledby="oekonomi" data-testid="money-section">
        <h2 id="oekonomi">Budget og forbrug</h2>
        <p>${moneyOverview(d.money)} <a href="${withProject('/styring/oekonomi', pid)}">${actor.role === 'projektleder' ? 'Indtast eller ret budget og forbrug' : 'Se budget, forbrug og historik'}</a>.</p>
        ${moneyTable(d.money, 'dashboard-money')}
      </section>
      ${
        d.meetings
          ? html`<section aria-labelledby="moeder" data-testid="meetings-section">
        <h2 id="moeder">Møder og opfølgning</h2>
        ${yearWarning(d.meetings.years, d.meetings.perYear)}
        ${overdueActions(d.meetings.overdue, pid)}
        <p><a href="${withProject('/styring/moeder', pid)}">Se mødeplanen, dagsordener og referater</a>.</p>
      </section>`
          : ''
      }`,
  });
}
