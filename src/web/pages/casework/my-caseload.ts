/** "Mine borgere": her women with alerts, next due date and last contact; sortable and filterable. */
import type { Actor } from '../../../core/actor.ts';
import type { Caseload, CaseloadQuery, CaseloadSort } from '../../../app/casework/list-my-caseload.ts';
import { ALERT_CODE_LABELS, SEVERITY_LABELS } from '../../../core/labels.ts';
import { html } from '../../html.ts';
import { page } from '../../layout.ts';
import { formatDate } from '../../../core/format.ts';
import { alertList, exemptNote } from './case-section.ts';

import { ALERT_CODES } from '../../../core/codes.ts';
function params(q: CaseloadQuery, over: Partial<Record<string, string>>) {
  const p = new URLSearchParams({
    sort: q.sort ?? 'varsler',
    dir: q.dir ?? 'asc',
    ...(q.onlyAlerts ? { kunVarsler: 'ja' } : {}),
    ...(q.code ? { varsel: q.code } : {}),
    ...(q.caseworkerId ? { sagsbehandler: String(q.caseworkerId) } : {}),
  });
  for (const [k, v] of Object.entries(over)) if (v !== undefined) p.set(k, v);
  return p.toString();
}

function sortHeader(label: string, key: CaseloadSort, q: CaseloadQuery) {
  const active = (q.sort ?? 'varsler') === key;
  const dir = active && q.dir !== 'desc' ? 'desc' : 'asc';
  const aria = active ? (q.dir === 'desc' ? 'descending' : 'ascending') : 'none';
  return html`<th scope="col" aria-sort="${aria}"><a href="/mine-borgere?${params(q, { sort: key, dir })}">${label}${active ? (q.dir === 'desc' ? ' ▼' : ' ▲') : ''}</a></th>`;
}

const SORT_NOTES: Record<CaseloadSort, string> = {
  varsler: 'de mest alvorlige varsler og de længst overskredne frister først',
  navn: 'sorteret efter navn',
  frist: 'sorteret efter næste frist',
  kontakt: 'sorteret efter seneste kontakt',
};

/** A due date; one in the past is marked in words as well as colour. */
export function dueDate(date: string, today: string) {
  return date < today
    ? html`<strong class="overdue">${formatDate(date)} <span class="overdue-label">(overskredet)</span></strong>`
    : html`${formatDate(date)}`;
}

export function myCaseloadPage(actor: Actor, csrf: string, c: Caseload, q: CaseloadQuery) {
  const title = actor.role === 'sagsbehandler' ? 'Mine borgere' : 'Borgere i projektet';
  const projects = [...new Set(c.rows.map((r) => r.projectName))];
  // A company consultant shared by every woman of her own is named once above the list, as the
  // project is (the demo's jobcentres have one each): on every row it cost a line per woman.
  const own = c.rows.filter((r) => !r.asConsultant);
  const consultants = new Set(own.map((r) => r.consultantName));
  const sharedConsultant = actor.role === 'sagsbehandler' && own.length > 1 && consultants.size === 1 ? own[0].consultantName : null;
  return page(
    { title, actor, csrf, path: '/mine-borgere' },
    html`<p><a class="button button-primary" href="/indskrivning">Indskriv borger</a></p>
      ${
        c.caseloadAlerts.length
          ? html`<div class="alert alert-warning" data-testid="caseload-alerts"><div class="alert-body"><ul class="alert-text nobullet-list">${c.caseloadAlerts.map((a) => html`<li><strong>${SEVERITY_LABELS[a.severity]}:</strong> ${a.message}</li>`)}</ul></div></div>`
          : ''
      }
      <form method="get" action="/mine-borgere" class="search-row">
        <input type="hidden" name="sort" value="${q.sort ?? 'varsler'}"><input type="hidden" name="dir" value="${q.dir ?? 'asc'}">
        <div class="form-group"><ul class="nobullet-list"><li>
          <input class="form-checkbox" type="checkbox" id="kunVarsler" name="kunVarsler" value="ja"${q.onlyAlerts ? html` checked` : ''}>
          <label for="kunVarsler">Kun borgere med varsler</label></li></ul></div>
        <div class="form-group">
          <label class="form-label" for="varsel">Varseltype</label>
          <select class="form-select" id="varsel" name="varsel"><option value="">Alle</option>
            ${ALERT_CODES.filter((x) => x !== 'sagsstamme').map((x) => html`<option value="${x}"${q.code === x ? html` selected` : ''}>${ALERT_CODE_LABELS[x]}</option>`)}
          </select>
        </div>
        ${
          actor.role === 'sagsbehandler'
            ? ''
            : html`<div class="form-group">
              <label class="form-label" for="sagsbehandler">Sagsbehandler</label>
              <select class="form-select" id="sagsbehandler" name="sagsbehandler"><option value="">Alle</option>
                ${c.caseworkers.map((w) => html`<option value="${String(w.id)}"${q.caseworkerId === w.id ? html` selected` : ''}>${w.name} (${w.count})</option>`)}
              </select>
            </div>`
        }
        <button class="button button-secondary" type="submit">Vis</button>
      </form>
      <p class="meta" role="status">${c.rows.length} af ${c.total} indskrevne borgere${projects.length === 1 ? html` i <span class="badge-project">${projects[0]}</span>` : ''}${sharedConsultant ? html` · virksomhedskonsulent for dem alle: ${sharedConsultant}` : ''} · i dag ${formatDate(c.today)} · ${SORT_NOTES[q.sort ?? 'varsler']}</p>
      <div class="table-wrap"><table class="table table--zebra table--compact" data-testid="caseload-table">
        <caption class="sr-only">${title}</caption>
        <thead><tr>
          ${sortHeader('Navn', 'navn', q)}
          ${projects.length > 1 ? html`<th scope="col">Projekt</th>` : ''}
          ${sortHeader('Varsler', 'varsler', q)}
          ${sortHeader('Næste frist', 'frist', q)}
          ${sortHeader('Seneste kontakt', 'kontakt', q)}
          ${actor.role === 'sagsbehandler' ? '' : html`<th scope="col">Sagsbehandler</th>`}
        </tr></thead>
        <tbody>${
          c.rows.length
            ? c.rows.map(
                (r) => html`<tr data-participant="${r.participantId}" data-overdue-days="${String(r.overdueDays)}">
              <td><a href="/deltagere/${r.participantId}?fra=mine-borgere">${r.firstName} ${r.lastName}</a><br><span class="meta" data-testid="born">født ${formatDate(r.birthDate)}</span>${
                r.asConsultant
                  ? html`<br><span class="meta" data-testid="as-consultant">som virksomhedskonsulent (sagsbehandler: ${r.caseworkerName ?? '–'})</span>`
                  : r.consultantName && actor.role === 'sagsbehandler' && !sharedConsultant
                    ? html`<br><span class="meta">virksomhedskonsulent: ${r.consultantName}</span>`
                    : ''
              }</td>
              ${projects.length > 1 ? html`<td><span class="badge-project">${r.projectName}</span></td>` : ''}
              <td>${r.exempt ? exemptNote(r.exempt) : ''}${alertList(r.alerts)}</td>
              <td>${r.nextDue ? html`${dueDate(r.nextDue.date, c.today)}<br><span class="meta">${r.nextDue.label}</span>` : '–'}</td>
              <td>${formatDate(r.lastContact)}</td>
              ${actor.role === 'sagsbehandler' ? '' : html`<td>${r.caseworkerName ?? '–'}</td>`}
            </tr>`,
              )
            : html`<tr><td colspan="6">Ingen borgere matcher.</td></tr>`
        }</tbody>
      </table></div>`,
  );
}
