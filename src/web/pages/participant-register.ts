/** A woman's register status month by month, and why, for one month (spec kib-2019.1 §2–4). */
import type { Actor } from '../../core/actor.ts';
import type { ParticipantView } from '../../db/participants.ts';
import type { MonthExplanation, TimelineMonth } from '../../monitoring/explain.ts';
import { formatDate } from '../../core/format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { withSectionNav } from './participant-nav.ts';

import { CODE_CATEGORY_LABELS as CATEGORY_LABELS, SHORT_LEVEL, SNAPSHOT_LABELS } from '../../core/labels.ts';
const hoursFmt = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

function explanation(e: MonthExplanation) {
  return html`<section aria-labelledby="forklaring" data-testid="explanation">
    <h2 id="forklaring">Forklaring for ${e.month}</h2>
    <p><strong>${SHORT_LEVEL[String(e.level)]}</strong>${e.inWindow ? '' : ' (måneden ligger uden for hendes indskrivning)'}: ${e.reason}</p>
    <dl class="facts">
      <dt>Løntimer i måneden</dt><dd>${hoursFmt.format(e.hours)} timer</dd>
      <dt>Gennemsnit pr. uge</dt><dd>${hoursFmt.format(e.averageWeeklyHours)} timer (timer × 7 / ${e.daysInMonth} dage)</dd>
      <dt>Status i sidste uge (${e.snapshotWeek})</dt><dd>${SNAPSHOT_LABELS[e.snapshot]}</dd>
    </dl>
    <div class="table-wrap"><table class="table table--zebra">
      <caption>Ugerne i ${e.month} (en uge hører til den måned, dens torsdag ligger i)</caption>
      <thead><tr><th scope="col">Uge</th><th scope="col">Mandag</th><th scope="col">Ydelseskode</th><th scope="col">Kategori</th></tr></thead>
      <tbody>${e.weeks.map(
        (
          w,
        ) => html`<tr><td>${w.week}</td><td>${formatDate(w.monday)}</td><td>${w.code ?? '–'}${w.tekst ? html` <span class="meta">${w.tekst}</span>` : ''}</td>
          <td>${w.category ? (CATEGORY_LABELS[w.category] ?? w.category) : 'Ingen ydelse'}</td></tr>`,
      )}</tbody>
    </table></div>
  </section>`;
}

export function participantRegisterPage(
  actor: Actor,
  csrf: string,
  p: ParticipantView,
  months: TimelineMonth[],
  e: MonthExplanation | null,
) {
  return page(
    {
      title: `Registerdata for ${p.firstName} ${p.lastName}`,
      actor,
      csrf,
      path: '/deltagere',
      back: { href: `/deltagere/${p.id}`, label: `Tilbage til ${p.firstName} ${p.lastName}` },
    },
    html`${withSectionNav(
      p.id,
      'register',
      html`<p>Status måned for måned efter SIRI's definitioner (kib-2019.1), beregnet af ydelsesuger (DREAM) og løntimer (eIndkomst).
        Vælg en måned for at se, hvilke uger og timer der giver hendes niveau.</p>
      ${e ? explanation(e) : ''}
      ${
        months.length
          ? html`<div class="table-wrap"><table class="table table--zebra table--compact" data-testid="register-months">
            <caption>Hendes måneder fra indskrivning</caption>
            <thead><tr><th scope="col">Måned</th><th scope="col">Niveau i måneden</th><th scope="col">Bedste niveau indtil da</th><th scope="col">Status i månedens sidste uge</th></tr></thead>
            <tbody>${months.map(
              (m) => html`<tr><th scope="row"><a href="/deltagere/${p.id}/register?maaned=${m.month}">${m.month}</a></th>
                <td>${SHORT_LEVEL[String(m.level)]}</td><td>${SHORT_LEVEL[String(m.accumulated)]}</td><td>${SNAPSHOT_LABELS[m.snapshot]}</td></tr>`,
            )}</tbody>
          </table></div>`
          : html`<p>Der er ingen registerdata for hende endnu.</p>`
      }`,
    )}`,
  );
}
