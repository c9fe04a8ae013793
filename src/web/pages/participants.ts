/** The participant list (search, sort, paging) and the read-only participant page. */
import type { Actor } from '../../core/actor.ts';
import { formatCpr } from '../../domain/cpr.ts';
import type { ListOptions, ParticipantListRow, ParticipantView } from '../../db/participants.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { formatDate } from '../format.ts';

import { EXIT_REASON_LABELS, VISITATION_SHORT_LABELS, labelOf } from '../../core/labels.ts';
interface ListModel {
  rows: ParticipantListRow[];
  total: number;
  page: number;
  pageSize: number;
  opts: ListOptions;
}

function sortHeader(label: string, key: NonNullable<ListOptions['sort']>, opts: ListOptions) {
  const active = (opts.sort ?? 'navn') === key;
  const dir = active && opts.dir !== 'desc' ? 'desc' : 'asc';
  const params = new URLSearchParams({ q: opts.search ?? '', sort: key, dir });
  const aria = active ? (opts.dir === 'desc' ? 'descending' : 'ascending') : 'none';
  return html`<th scope="col" aria-sort="${aria}"><a href="/deltagere?${params.toString()}">${label}${active ? (opts.dir === 'desc' ? ' ▼' : ' ▲') : ''}</a></th>`;
}

function pager(m: ListModel): SafeHtml {
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  if (pages <= 1) return html``;
  const link = (p: number) => {
    const params = new URLSearchParams({ q: m.opts.search ?? '', sort: m.opts.sort ?? 'navn', dir: m.opts.dir ?? 'asc', side: String(p) });
    return `/deltagere?${params.toString()}`;
  };
  return html`<nav class="pagination" aria-label="Sider">
    <ul class="pagination__items">
      ${m.page > 1 ? html`<li class="pagination-item"><a href="${link(m.page - 1)}" class="button button-unstyled">Forrige side</a></li>` : ''}
      <li class="pagination-item"><span aria-current="page">Side ${m.page} af ${pages}</span></li>
      ${m.page < pages ? html`<li class="pagination-item"><a href="${link(m.page + 1)}" class="button button-unstyled">Næste side</a></li>` : ''}
    </ul>
  </nav>`;
}

export function participantListPage(actor: Actor, csrf: string, m: ListModel) {
  return page({
    title: 'Deltagere',
    actor,
    csrf,
    path: '/deltagere',
    body: html`<h1>Deltagere</h1>
      <form method="get" action="/deltagere" class="search-row" role="search">
        <div class="form-group">
          <label class="form-label" for="q">Søg på navn eller CPR-nummer</label>
          <input class="form-input" id="q" name="q" type="search" value="${m.opts.search ?? ''}">
        </div>
        <input type="hidden" name="sort" value="${m.opts.sort ?? 'navn'}">
        <input type="hidden" name="dir" value="${m.opts.dir ?? 'asc'}">
        <button class="button button-secondary" type="submit">Søg</button>
      </form>
      <p class="meta" role="status">${m.total} ${m.total === 1 ? 'deltager' : 'deltagere'}</p>
      <div class="table-wrap"><table class="table table--zebra" data-testid="participant-table">
        <caption class="sr-only">Deltagere, sorteret efter ${m.opts.sort ?? 'navn'}</caption>
        <thead><tr>
          ${sortHeader('Navn', 'navn', m.opts)}
          ${sortHeader('Født', 'foedt', m.opts)}
          ${sortHeader('Kommune', 'kommune', m.opts)}
          <th scope="col">Projekt</th>
          ${sortHeader('Visitation', 'visitation', m.opts)}
          ${sortHeader('Indskrevet', 'indskrevet', m.opts)}
          <th scope="col">Sagsbehandler</th>
        </tr></thead>
        <tbody>
          ${m.rows.length
            ? m.rows.map(
                (r) => html`<tr>
                  <td><a href="/deltagere/${r.id}">${r.firstName} ${r.lastName}</a></td>
                  <td>${formatDate(r.birthDate)}</td>
                  <td>${r.municipalityName}</td>
                  <td>${r.projectName ?? '–'}</td>
                  <td>${r.visitation ? labelOf(VISITATION_SHORT_LABELS, r.visitation) : '–'}</td>
                  <td>${formatDate(r.enrolledOn)}${r.exitedOn ? html` <span class="meta">(udskrevet ${formatDate(r.exitedOn)})</span>` : ''}</td>
                  <td>${r.caseworkerName ?? '–'}</td>
                </tr>`,
              )
            : html`<tr><td colspan="7">Ingen deltagere matcher søgningen.</td></tr>`}
        </tbody>
      </table></div>
      ${pager(m)}`,
  });
}

/** Sections other areas add to the participant page (plan, activities, timeline …). */
export type ParticipantSection = (p: ParticipantView) => SafeHtml;

export function participantPage(actor: Actor, csrf: string, p: ParticipantView, sections: SafeHtml[] = []) {
  const current = p.enrolments.find((e) => !e.exitedOn) ?? p.enrolments[0];
  return page({
    title: `${p.firstName} ${p.lastName}`,
    actor,
    csrf,
    path: '/deltagere',
    body: html`<p><a href="/deltagere" class="back-link">Tilbage til deltagere</a></p>
      <h1>${p.firstName} ${p.lastName} ${p.synthetic ? html`<span class="badge-synthetic">Syntetisk demo-person</span>` : ''}</h1>
      ${current && !current.exitedOn ? html`<p><strong class="badge-project" data-testid="project-marking">Deltager i ${current.projectName}</strong></p>` : ''}
      <dl class="facts">
        <dt>CPR-nummer</dt><dd>${formatCpr(p.cpr)}</dd>
        <dt>Fødselsdato</dt><dd>${formatDate(p.birthDate)}</dd>
        <dt>Køn</dt><dd>${p.sex === 'K' ? 'Kvinde' : 'Mand'}</dd>
        <dt>Oprindelsesland</dt><dd>${p.countryOfOrigin ?? '–'}</dd>
        <dt>Kommune</dt><dd>${p.municipalityName}</dd>
      </dl>
      <h2>Indskrivninger</h2>
      <div class="table-wrap"><table class="table table--zebra">
        <thead><tr><th scope="col">Projekt</th><th scope="col">Indskrevet</th><th scope="col">Visitation</th><th scope="col">Sagsbehandler</th><th scope="col">Udskrevet</th><th scope="col">Årsag</th></tr></thead>
        <tbody>${p.enrolments.map(
          (e) => html`<tr><td>${e.projectName}</td><td>${formatDate(e.enrolledOn)}</td><td>${labelOf(VISITATION_SHORT_LABELS, e.visitation)}</td>
            <td>${e.caseworkerName ?? '–'}</td><td>${formatDate(e.exitedOn)}</td><td>${e.exitReason ? labelOf(EXIT_REASON_LABELS, e.exitReason) : '–'}</td></tr>`,
        )}</tbody>
      </table></div>
      ${sections}`,
  });
}

