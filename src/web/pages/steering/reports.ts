/** /styring/rapporter: the project's reports (HTML and downloads) and the final report's text sections. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import type { Months } from '../../../app/steering/steering-data.ts';
import { REPORT_KINDS, REPORT_TITLES, SUPPRESSED, type ReportKind } from '../../../reports/project-reports.ts';
import { reportBody } from '../../../reports/render-html.ts';
import type { Report } from '../../../reports/model.ts';
import { html } from '../../html.ts';
import { csrfField, errorSummary, textArea, type FormState } from '../casework/form.ts';
import { downloadLinks } from './downloads.ts';
import { steeringPage, steeringTab, withProject } from './frame.ts';
import { monthForm } from './month-form.ts';

import { REPORT_SECTIONS } from '../../../core/codes.ts';
import { REPORT_SECTION_LABELS } from '../../../core/labels.ts';
const query = (pid: number, m: Months) => `projekt=${pid}&maaned=${m.month}&varig=${m.durableMonth}&status=${m.snapshotMonth}`;

export function reportsPage(actor: Actor, csrf: string, choice: ProjectChoice, months: Months, texts: FormState, saved = false) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  return steeringTab(
    { actor, csrf, choice, path: '/styring/rapporter', title: 'Rapporter' },
    html`${saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Teksterne er gemt.</p></div></div>` : ''}
      <p>Hver rapport er stemplet med datagrundlaget (seneste indlæsning af registerdata, perioden og tidspunktet for sagsdata) og definitionen kib-2019.1.
        Rapporter, der sendes ud af kommunen eller er offentlige, diskretioneres: tal fra 1 til 4 vises som «<5».
        PDF-filerne er tilgængeligt opmærkede (overskrifter, tabeller med overskriftsceller og tekstalternativer til figurer).</p>
      ${monthForm('/styring/rapporter', pid, months)}
      ${REPORT_KINDS.map(
        (k) => html`<section class="report-section"><h2>${REPORT_TITLES[k]}</h2>
        <p>${SUPPRESSED[k] ? 'Med diskretionering.' : 'Kommunens egne tal uden diskretionering; til intern brug.'}
          <a href="/styring/rapporter/${k}?${query(pid, months)}">Læs ${REPORT_TITLES[k].toLowerCase()} som webside</a></p>
        ${downloadLinks(`/styring/rapporter/${k}`, query(pid, months), `Hent ${REPORT_TITLES[k].toLowerCase()}`)}</section>`,
      )}
      <h2 id="tekster">Tekster til den afsluttende rapport</h2>
      ${
        leader
          ? html`${errorSummary(texts)}<form method="post" action="${withProject('/styring/rapporter/tekster', pid)}">${csrfField(csrf)}
            ${REPORT_SECTIONS.map((s) => textArea(texts, { name: s, label: REPORT_SECTION_LABELS[s], rows: 6 }))}
            <button class="button button-primary" type="submit">Gem teksterne</button></form>`
          : html`<p>Projektlederen skriver afsnittene om aktiviteter, erfaringer, læring og forankring.</p>`
      }`,
  );
}

export function reportPage(actor: Actor, csrf: string, choice: ProjectChoice, kind: ReportKind, months: Months, report: Report) {
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/rapporter',
    title: REPORT_TITLES[kind],
    body: reportBody(
      report,
      downloadLinks(`/styring/rapporter/${kind}`, query(choice.project.id, months), `Hent ${REPORT_TITLES[kind].toLowerCase()}`),
    ),
  });
}
