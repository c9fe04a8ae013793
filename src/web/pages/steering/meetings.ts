/** /styring/moeder: the meeting plan (steering group and committee), the yearly number, overdue actions, and the meeting form. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import type { MeetingPlan } from '../../../app/steering/meetings/load-meetings.ts';
import { MEETING_KINDS } from '../../../core/codes.ts';
import { formatDate } from '../../../core/format.ts';
import { ACTION_STATUS_LABELS, MEETING_KIND_LABELS } from '../../../core/labels.ts';
import type { Meeting, MeetingAction, YearPlan } from '../../../domain/steering-meetings.ts';
import { html } from '../../html.ts';
import { csrfField, dateField, dateInput, errorSummary, selectField, textArea, textField, type FormState } from '../casework/form.ts';
import { steeringFormPage, steeringPage, withProject } from './frame.ts';

const meetingsWord = (n: number) => (n === 1 ? '1 styregruppemøde' : `${n} styregruppemøder`);

/** The warning when a year of the project has fewer steering group meetings than promised. */
export function yearWarning(years: YearPlan[], perYear: number) {
  const short = years.filter((y) => y.short);
  if (short.length === 0)
    return html`<p data-testid="meeting-year-check">Der er planlagt mindst ${perYear} styregruppemøder om året i hele projektperioden.</p>`;
  return html`<div class="alert alert-warning" data-testid="meeting-year-check"><div class="alert-body">
    <h2 class="alert-heading h3">Projektet holder for få styregruppemøder</h2>
    <p class="alert-text">Projektet skal holde ${perYear} styregruppemøder om året (i et år, projektet kun løber en del af, en tilsvarende andel).</p>
    <ul class="alert-text">${short.map((y) => html`<li>${y.year}: ${meetingsWord(y.planned)} planlagt, der skal være mindst ${y.required}.</li>`)}</ul>
  </div></div>`;
}

/** Open actions past their due date (on this page and on Styring). */
export function overdueActions(overdue: (MeetingAction & { meeting: Meeting })[], pid: number) {
  if (overdue.length === 0) return html`<p data-testid="overdue-actions">Ingen handlinger fra møderne har overskredet fristen.</p>`;
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="overdue-actions">
    <caption>${overdue.length === 1 ? '1 handling' : `${overdue.length} handlinger`} fra møderne har overskredet fristen</caption>
    <thead><tr><th scope="col">Handling</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th><th scope="col">Fra mødet</th></tr></thead>
    <tbody>${overdue.map(
      (
        a,
      ) => html`<tr><th scope="row">${a.description}</th><td>${a.owner}</td><td><span class="status status--bad">${formatDate(a.dueDate)}</span></td>
      <td>${ACTION_STATUS_LABELS[a.status]}</td><td><a href="${withProject(`/styring/moeder/${a.meeting.id}`, pid)}">${a.meeting.title}, ${formatDate(a.meeting.heldOn)}</a></td></tr>`,
    )}</tbody>
  </table></div>`;
}

export function meetingsPage(actor: Actor, csrf: string, choice: ProjectChoice, plan: MeetingPlan, setting: FormState, saved = false) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  const years = [...new Set(plan.meetings.map((m) => m.heldOn.slice(0, 4)))].sort().reverse();
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/moeder',
    title: 'Møder',
    body: html`<h1>Møder i styregruppen og det politiske udvalg</h1>
      ${saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Antallet af møder om året er gemt.</p></div></div>` : ''}
      <p>Projektlederen indkalder til, holder og følger op på møderne i styregruppen. Dagsordenen kan hentes fra overblikket, og referatet samler beslutninger og handlinger.</p>
      ${yearWarning(plan.years, plan.perYear)}
      ${leader ? html`<p><a class="button button-primary" href="${withProject('/styring/moeder/ny', pid)}">Planlæg et møde</a></p>` : ''}
      <h2>Handlinger med overskredet frist</h2>
      ${overdueActions(plan.overdue, pid)}
      ${years.length === 0 ? html`<p data-testid="meetings-empty">Der er ikke planlagt møder endnu.</p>` : ''}
      ${years.map(
        (y) => html`<h2>${y}</h2>
        <div class="table-wrap"><table class="table table--zebra" data-testid="meetings-${y}">
          <caption>Møder i ${y}</caption>
          <thead><tr><th scope="col">Dato</th><th scope="col">Møde</th><th scope="col">Slags</th><th scope="col">Sted</th></tr></thead>
          <tbody>${plan.meetings
            .filter((m) => m.heldOn.startsWith(y))
            .map(
              (m) => html`<tr><td>${formatDate(m.heldOn)}${m.heldOn >= plan.today ? html` <span class="meta">(planlagt)</span>` : ''}</td>
            <th scope="row"><a href="${withProject(`/styring/moeder/${m.id}`, pid)}">${m.title}</a></th><td>${MEETING_KIND_LABELS[m.kind]}</td><td>${m.place ?? ''}</td></tr>`,
            )}</tbody>
        </table></div>`,
      )}
      ${
        leader
          ? html`<h2>Antal styregruppemøder om året</h2>
        ${errorSummary(setting)}
        <form method="post" action="${withProject('/styring/moeder/antal', pid)}" novalidate data-testid="meeting-setting">
          ${csrfField(csrf)}
          ${textField(setting, { name: 'meetingsPerYear', label: 'Styregruppemøder om året', hint: 'Som ansøgningen lover, fx 4 (Viborg) eller 3 (Ishøj og Vallensbæk).', required: true, inputmode: 'numeric', width: 'xs' })}
          <button class="button button-secondary" type="submit">Gem antal</button>
        </form>`
          : html`<p>Projektet skal holde ${plan.perYear} styregruppemøder om året.</p>`
      }`,
  });
}

export const meetingValues = (m: Meeting): Record<string, string> => ({
  kind: m.kind,
  heldOn: dateInput(m.heldOn),
  title: m.title,
  place: m.place ?? '',
  participants: m.participants ?? '',
});

export function meetingFormPage(actor: Actor, csrf: string, choice: ProjectChoice, s: FormState, meetingId?: number) {
  const pid = choice.project.id;
  const title = meetingId ? 'Ret mødet' : 'Planlæg et møde';
  const action = withProject(meetingId ? `/styring/moeder/${meetingId}/ret` : '/styring/moeder/ny', pid);
  const back = withProject(meetingId ? `/styring/moeder/${meetingId}` : '/styring/moeder', pid);
  return steeringFormPage(
    { actor, csrf, choice, path: '/styring/moeder', title, s, action, back, save: 'Gem mødet' },
    html`${selectField(s, { name: 'kind', label: 'Slags møde', required: true, options: MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] })) })}
        ${dateField(s, { name: 'heldOn', label: 'Dato', required: true })}
        ${textField(s, { name: 'title', label: 'Overskrift', hint: 'Fx «Styregruppemøde 1. kvartal 2021».', required: true, width: 'l' })}
        ${textField(s, { name: 'place', label: 'Sted', width: 'l' })}
        ${textArea(s, { name: 'participants', label: 'Deltagere', hint: 'Navn og rolle, én pr. linje.', rows: 4 })}`,
  );
}

/** "Are you sure?" before a meeting, point or action is deleted. */
export function meetingDeletePage(actor: Actor, csrf: string, choice: ProjectChoice, what: string, action: string, back: string) {
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/moeder',
    title: 'Slet',
    body: html`<h1>Slet</h1><p>Vil du slette <strong>${what}</strong>? Sletningen gemmes i loggen med indholdet.</p>
      <form method="post" action="${action}">
        ${csrfField(csrf)}
        <button type="submit" class="button button-primary">Ja, slet</button>
        <a class="button button-secondary" href="${back}">Fortryd</a>
      </form>`,
  });
}
