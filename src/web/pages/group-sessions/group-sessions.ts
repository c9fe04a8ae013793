/**
 * Group sessions' pages (issue 14 build 3): /grupper (coming and past sessions), the new/correct
 * form (a new one may repeat every N weeks until a date), and a session's page with attendance
 * per woman, cancellation and its undo.
 */
import type { Actor } from '../../../core/actor.ts';
import type { GroupSessionListRow, GroupSessionRow, SessionPage } from '../../../app/group-sessions/group-sessions.ts';
import { formatDateDa } from '../../../core/dates.ts';
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_STATUSES,
  GROUP_SESSION_KIND_LABELS,
  GROUP_SESSION_KINDS,
  REPEAT_WEEKS,
  SERIES_SCOPE_LABELS,
  SERIES_SCOPES,
} from '../../../domain/group-sessions.ts';
import { html, type SafeHtml } from '../../html.ts';
import { menuFormPage, menuPage, savedNotice } from '../../layout.ts';
import { csrfField, dateField, errorSummary, fieldId, radioGroup, selectField, textArea, textField } from '../casework/form.ts';
import type { FormState } from '../casework/form.ts';

const frame = (actor: Actor, csrf: string, title: string, body: SafeHtml, back?: { href: string; label: string }) =>
  menuPage('/grupper', actor, csrf, title, body, back);

export const sessionName = (s: Pick<GroupSessionRow, 'kind' | 'title'>) =>
  `${GROUP_SESSION_KIND_LABELS[s.kind]}${s.title ? `: ${s.title}` : ''}`;
const when = (s: Pick<GroupSessionRow, 'heldOn' | 'startsAt' | 'endsAt'>) =>
  `${formatDateDa(s.heldOn)} kl. ${s.startsAt.replace(':', '.')}–${s.endsAt.replace(':', '.')}`;
const languages = (l: string[]) => (l.length ? l.join(', ') : 'Ingen tolk');

function sessionTable(rows: GroupSessionListRow[], caption: string, testid: string) {
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="${testid}">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">Møde</th><th scope="col">Tid</th><th scope="col">Sted</th><th scope="col">Tolk</th><th scope="col">Projekt</th>
      <th scope="col" class="text-align-right">Mødt</th><th scope="col">Status</th></tr></thead>
    <tbody>${rows.map(
      (
        r,
      ) => html`<tr><td><a href="/grupper/${r.id}">${sessionName(r)}</a>${r.seriesSize > 1 ? html` <span class="meta">(serie)</span>` : ''}</td>
      <td>${when(r)}</td><td>${r.place}</td><td>${languages(r.languages)}</td><td>${r.projectName}</td>
      <td class="text-align-right">${r.registered ? `${r.attended} af ${r.registered}` : '–'}</td><td>${r.cancelledOn ? 'Aflyst' : ''}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

export function sessionListPage(actor: Actor, csrf: string, rows: GroupSessionListRow[], today: string, saved?: string) {
  const coming = rows.filter((r) => r.heldOn >= today);
  const past = rows.filter((r) => r.heldOn < today).reverse();
  return frame(
    actor,
    csrf,
    'Gruppemøder',
    html`<h1>Gruppemøder</h1>
    ${savedNotice(saved)}
    <p>Kvindecaféer, fællesmøder, kick-start-teams, informationsmøder og møder for partnere og mænd, med fremmøde for hver kvinde.</p>
    <p><a class="button button-primary" href="/grupper/ny">Opret gruppemøde</a></p>
    ${coming.length ? sessionTable(coming, 'Kommende møder', 'coming-sessions') : html`<p>Ingen kommende møder.</p>`}
    ${past.length ? sessionTable(past, 'Afholdte møder', 'past-sessions') : ''}`,
  );
}

export function sessionFormPage(
  actor: Actor,
  csrf: string,
  state: FormState,
  projects: { id: number; name: string }[],
  existing?: GroupSessionRow,
) {
  const title = existing ? 'Ret gruppemøde' : 'Opret gruppemøde';
  return menuFormPage({
    path: '/grupper',
    actor,
    csrf,
    title,
    state,
    existing: existing && { id: existing.id, name: sessionName(existing) },
    list: 'gruppemøder',
    fields: html`${selectField(state, { name: 'kind', label: 'Slags møde', required: true, options: GROUP_SESSION_KINDS.map((k) => ({ value: k, label: GROUP_SESSION_KIND_LABELS[k] })) })}
      ${textField(state, { name: 'title', label: 'Titel', hint: 'Fx emnet for mødet. Højst 200 tegn.', width: 'l' })}
      ${selectField(state, { name: 'projectId', label: 'Projekt', required: true, options: projects.map((p) => ({ value: String(p.id), label: p.name })) })}
      ${dateField(state, { name: 'heldOn', label: existing ? 'Dato' : 'Dato (første møde, hvis det gentages)', required: true })}
      ${textField(state, { name: 'startsAt', label: 'Starttidspunkt', hint: 'Fx 9.30.', inputmode: 'numeric', width: 'xs', required: true })}
      ${textField(state, { name: 'endsAt', label: 'Sluttidspunkt', hint: 'Fx 11.30.', inputmode: 'numeric', width: 'xs', required: true })}
      ${textField(state, { name: 'place', label: 'Sted', hint: 'Adresse eller lokale.', width: 'l', required: true })}
      ${textField(state, { name: 'languages', label: 'Tolkesprog', hint: 'Adskil med komma, fx arabisk, somali. Tomt: ingen tolk.', width: 'l' })}
      ${textArea(state, { name: 'note', label: 'Note', rows: 3, hint: 'Højst 2000 tegn. Skriv ikke følsomme oplysninger om borgere her.' })}
      ${
        existing
          ? existing.seriesId
            ? radioGroup(state, {
                name: 'scope',
                legend: 'Hvilke møder skal ændres?',
                hint: 'Mødet er en del af en serie. Datoen ændres kun for dette møde; slags møde, titel, projekt, tidspunkter, sted, tolkesprog og note kan rettes for hele serien.',
                options: SERIES_SCOPES.map((x) => ({ value: x, label: SERIES_SCOPE_LABELS[x] })),
              })
            : ''
          : html`<fieldset><legend class="h4">Gentagelse</legend>
          ${selectField(state, {
            name: 'repeatWeeks',
            label: 'Gentag',
            noPlaceholder: true,
            options: [
              { value: '', label: 'Gentages ikke' },
              ...REPEAT_WEEKS.map((n) => ({ value: String(n), label: n === 1 ? 'Hver uge' : `Hver ${n}. uge` })),
            ],
          })}
          ${dateField(state, { name: 'repeatUntil', label: 'Gentag til og med', conditional: true, hint: 'Kun når mødet gentages.' })}
        </fieldset>`
      }`,
  });
}

export interface SessionPageForms {
  saved?: string;
  attendance?: FormState;
  cancel?: FormState;
}

export function sessionPage(actor: Actor, csrf: string, d: SessionPage, forms: SessionPageForms = {}) {
  const s = d.session;
  const att = forms.attendance;
  const cancel = forms.cancel ?? { values: {}, errors: {} };
  const counts = ATTENDANCE_STATUSES.map((k) => `${ATTENDANCE_LABELS[k]}: ${d.roster.filter((w) => w.status === k).length}`).join(' · ');
  const attendanceForm = html`<form method="post" action="/grupper/${s.id}/fremmoede" novalidate>
    ${csrfField(csrf)}
    <div class="table-wrap"><table class="table table--zebra" data-testid="attendance">
      <caption>Fremmøde (${counts})</caption>
      <thead><tr><th scope="col">Kvinde</th><th scope="col">Fremmøde</th></tr></thead>
      <tbody>${d.roster.map((w) => {
        const name = `a_${w.participantId}`;
        const value = att?.values[name] ?? w.status ?? '';
        const error = att?.errors[name];
        return html`<tr><td><a href="/deltagere/${w.participantId}">${w.firstName} ${w.lastName}</a></td>
          <td><div class="form-group${error ? ' form-error' : ''}">
            <label class="sr-only" for="${fieldId(name)}">Fremmøde for ${w.firstName} ${w.lastName}</label>
            ${error ? html`<span class="form-error-message" id="${fieldId(name)}-error"><span class="sr-only">Fejl: </span>${error}</span>` : ''}
            <select class="form-select" id="${fieldId(name)}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${fieldId(name)}-error"` : ''}>
              <option value=""${value === '' ? html` selected` : ''}>Ikke registreret</option>
              ${ATTENDANCE_STATUSES.map((k) => html`<option value="${k}"${value === k ? html` selected` : ''}>${ATTENDANCE_LABELS[k]}</option>`)}
            </select></div></td></tr>`;
      })}</tbody></table></div>
    <button type="submit" class="button button-primary">Gem fremmøde</button>
  </form>`;
  return frame(
    actor,
    csrf,
    sessionName(s),
    html`<h1>${sessionName(s)}</h1>
    ${savedNotice(forms.saved)}
    ${s.cancelledOn ? html`<div class="alert alert-warning" data-testid="cancelled"><div class="alert-body"><p class="alert-text">Mødet er aflyst (${formatDateDa(s.cancelledOn)}): ${s.cancelReason ?? ''}</p></div></div>` : ''}
    <dl class="dl-horizontal" data-testid="session-facts">
      <dt>Tid</dt><dd>${when(s)}</dd>
      <dt>Sted</dt><dd>${s.place}</dd>
      <dt>Tolkesprog</dt><dd>${languages(s.languages)}</dd>
      <dt>Projekt</dt><dd>${s.projectName}</dd>
      ${s.note ? html`<dt>Note</dt><dd>${s.note}</dd>` : ''}
    </dl>
    <p><a href="/grupper/${s.id}/ret">${s.seriesId ? 'Ret mødet eller hele serien' : 'Ret mødet'}</a></p>

    <h2>Fremmøde</h2>
    ${
      s.cancelledOn
        ? html`${att ? errorSummary(att) : ''}<p>Fremmøde registreres ikke for et aflyst møde.</p>`
        : d.roster.length
          ? html`<p>Kvinderne, der er indskrevet i projektet på mødets dato. Vælg "Ikke registreret" for at fortryde en registrering.</p>
          ${att ? errorSummary(att, attendanceForm) : ''}${attendanceForm}`
          : html`<p>Ingen kvinder er indskrevet i projektet på mødets dato.</p>`
    }

    <h2>${s.cancelledOn ? 'Genoptag mødet' : 'Aflys mødet'}</h2>
    ${
      s.cancelledOn
        ? html`<form method="post" action="/grupper/${s.id}/genoptag">${csrfField(csrf)}<button type="submit" class="button button-secondary">Genoptag mødet</button></form>`
        : html`${errorSummary(cancel)}<form method="post" action="/grupper/${s.id}/aflys" novalidate>${csrfField(csrf)}
          ${textField(cancel, { name: 'reason', label: 'Begrundelse for aflysning', width: 'l', required: true })}
          <button type="submit" class="button button-secondary">Aflys mødet</button></form>`
    }`,
    { href: '/grupper', label: 'Tilbage til gruppemøder' },
  );
}
