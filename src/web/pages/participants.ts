/** The participant list (search, sort, paging) and the read-only participant page. */
import type { Actor } from '../../core/actor.ts';
import { formatCpr } from '../../core/cpr.ts';
import type { ListOptions, ParticipantListRow, ParticipantView } from '../../db/participants.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { pager } from '../pager.ts';
import { formatDate } from '../../core/format.ts';
import { ALERT_CODES, type AlertCode, type Severity } from '../../core/codes.ts';

import { sectionOf, withSectionNav, type CaseSectionKey } from './participant-nav.ts';
import { ALERT_CODE_LABELS, EXIT_REASON_LABELS, SEVERITY_LABELS, VISITATION_SHORT_LABELS, labelOf } from '../../core/labels.ts';
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

/** The address of page `side` of the list as it is sorted and searched now. */
function link(m: ListModel, side: number) {
  const params = new URLSearchParams({ q: m.opts.search ?? '', sort: m.opts.sort ?? 'navn', dir: m.opts.dir ?? 'asc', side: String(side) });
  return `/deltagere?${params.toString()}`;
}

export function participantListPage(actor: Actor, csrf: string, m: ListModel) {
  return page(
    { title: 'Deltagere', actor, csrf, path: '/deltagere' },
    html`<form method="get" action="/deltagere" class="search-row" role="search" aria-label="Søg i deltagerlisten">
        <div class="form-group">
          <label class="form-label" for="q">Søg på navn, CPR-nummer eller fødselsdato</label>
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
          ${
            m.rows.length
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
              : html`<tr><td colspan="7">Ingen deltagere matcher søgningen.</td></tr>`
          }
        </tbody>
      </table></div>
      ${pager(m, (side) => link(m, side))}`,
  );
}

/** Sections other areas add to the participant page (plan, activities, timeline …). */
export type ParticipantSection = (p: ParticipantView) => SafeHtml;

/** The list she was opened from: it stays marked in the menu and the back link returns to it. */
export type CameFrom = 'mine-borgere' | 'deltagere';
const ORIGINS: Record<CameFrom, { path: string; back: string }> = {
  'mine-borgere': { path: '/mine-borgere', back: 'Tilbage til Mine borgere' },
  deltagere: { path: '/deltagere', back: 'Tilbage til deltagere' },
};

/** What was saved, for the "Gemt" notice on her page. */
export type SavedKind =
  | 'plan'
  | 'aktivitet'
  | 'samtale'
  | 'maaling'
  | 'fritagelse'
  | 'visitation'
  | 'virksomhedskonsulent'
  | 'familie'
  | 'dansk'
  | 'slettet'
  | 'indskrevet'
  | 'afsluttet';

/** What was just saved on her case and the alerts it raised or cleared (from the redirect's query). */
export interface SavedNotice {
  kind: SavedKind;
  raised: { code: AlertCode; severity: Severity }[];
  cleared: AlertCode[];
}

const SAVED_TEXTS: Record<SavedKind, string> = {
  plan: 'Planen er gemt.',
  aktivitet: 'Aktiviteten er gemt.',
  samtale: 'Samtalen er gemt.',
  maaling: 'Målingen er gemt.',
  fritagelse: 'Fritagelsen er gemt.',
  visitation: 'Visitationen er ændret.',
  virksomhedskonsulent: 'Virksomhedskonsulenten er gemt.',
  familie: 'Familiesituationen er gemt.',
  dansk: 'Danskundervisningen er opdateret.',
  slettet: 'Posten er slettet.',
  indskrevet: 'Hun er indskrevet.',
  afsluttet: 'Forløbet er afsluttet.',
};

/** Read the notice from the query string; unknown kinds and codes are ignored. */
export function savedNoticeOf(query: Record<string, unknown>): SavedNotice | null {
  const kind = String(query.gemt ?? '');
  if (!(kind in SAVED_TEXTS)) return null;
  const codes = (v: unknown) =>
    String(v ?? '')
      .split(',')
      .filter(Boolean);
  const isCode = (c: string): c is AlertCode => (ALERT_CODES as readonly string[]).includes(c);
  return {
    kind: kind as SavedKind,
    raised: codes(query.nye)
      .map((x) => x.split('.'))
      .filter(([c, sev]) => isCode(c) && (sev === 'kritisk' || sev === 'advarsel'))
      .map(([c, sev]) => ({ code: c as AlertCode, severity: sev as Severity })),
    cleared: codes(query.loeste).filter(isCode),
  };
}

function savedNotice(n: SavedNotice, overviewUrl: string | null) {
  const seeAlerts = overviewUrl ? html`se Varsler under <a href="${overviewUrl}">Overblik</a>` : 'se Varsler nedenfor';
  return html`<div class="alert alert-success" role="status" data-testid="saved-notice"><div class="alert-body">
    <h2 class="alert-heading h3">Gemt</h2>
    <p class="alert-text">${SAVED_TEXTS[n.kind]}${n.raised.length || n.cleared.length ? '' : ' Det ændrede ingen varsler.'}</p>
    ${
      n.raised.length || n.cleared.length
        ? html`<ul class="alert-text">${n.raised.map((a) => html`<li><strong>Nyt varsel:</strong> ${ALERT_CODE_LABELS[a.code]} (${SEVERITY_LABELS[a.severity].toLowerCase()}) – ${seeAlerts}.</li>`)}${n.cleared.map((c) => html`<li><strong>Varsel løst:</strong> ${ALERT_CODE_LABELS[c]}</li>`)}</ul>`
        : ''
    }
  </div></div>`;
}

/** Her actions, at the top of her page. */
function caseActions(p: ParticipantView) {
  const base = `/deltagere/${p.id}`;
  const current = p.enrolments.find((e) => !e.exitedOn);
  return html`<ul class="action-list" data-testid="case-actions" aria-label="Handlinger">
    <li><a class="button button-secondary" href="${base}/plan">Plan</a></li>
    <li><a class="button button-secondary" href="${base}/min-plan">Min plan (hendes visning)</a></li>
    <li><a class="button button-secondary" href="${base}/aktiviteter/ny">Ny aktivitet</a></li>
    <li><a class="button button-secondary" href="${base}/samtaler/ny">Ny samtale</a></li>
    <li><a class="button button-secondary" href="${base}/maalinger/ny?redskab=who5">Ny WHO-5</a></li>
    <li><a class="button button-secondary" href="${base}/maalinger/ny?redskab=fremdriftstrappen">Ny Fremdriftstrappen</a></li>
    <li><a class="button button-secondary" href="${base}/fritagelser/ny">Ny fritagelse</a></li>
    ${
      current
        ? html`<li><a class="button button-secondary" href="${base}/udskriv">Afslut forløb</a></li>`
        : html`<li><a class="button button-secondary" href="${base}/indskriv">Indskriv igen</a></li>`
    }
  </ul>`;
}

/**
 * Her page: the header (name, notice, project, actions) and the section menu on every section; the
 * overview adds her facts and enrolments, the other sections only their own content.
 */
export function participantPage(
  actor: Actor,
  csrf: string,
  p: ParticipantView,
  sections: SafeHtml[] = [],
  o: { from?: CameFrom; saved?: SavedNotice | null; section?: CaseSectionKey } = {},
) {
  const current = p.enrolments.find((e) => !e.exitedOn) ?? p.enrolments[0];
  const origin = ORIGINS[o.from ?? 'deltagere'];
  const section = o.section ?? 'overblik';
  const name = `${p.firstName} ${p.lastName}`;
  const overview = html`<dl class="facts">
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
          (
            e,
          ) => html`<tr><td>${e.projectName}</td><td>${formatDate(e.enrolledOn)}</td><td>${labelOf(VISITATION_SHORT_LABELS, e.visitation)}</td>
            <td>${e.caseworkerName ?? '–'}</td><td>${formatDate(e.exitedOn)}</td><td>${e.exitReason ? labelOf(EXIT_REASON_LABELS, e.exitReason) : '–'}</td></tr>`,
        )}</tbody>
      </table></div>`;
  return page(
    {
      title: section === 'overblik' ? name : `${sectionOf(section).label} – ${name}`,
      actor,
      csrf,
      path: origin.path,
      heading: html`${name} ${p.synthetic ? html`<span class="badge-synthetic">Syntetisk demo-person</span>` : ''}`,
      back: { href: origin.path, label: origin.back },
    },
    html`${o.saved ? savedNotice(o.saved, section === 'overblik' ? null : `/deltagere/${p.id}`) : ''}
      ${current && !current.exitedOn ? html`<p><strong class="badge-project" data-testid="project-marking">Deltager i ${current.projectName}</strong></p>` : ''}
      ${p.enrolments.length ? caseActions(p) : ''}
      ${withSectionNav(
        p.id,
        section,
        section === 'overblik' ? html`${sections}${overview}` : html`<h2 class="h2-section">${sectionOf(section).label}</h2>${sections}`,
      )}`,
  );
}
