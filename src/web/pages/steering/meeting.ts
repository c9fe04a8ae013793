/** /styring/moeder/:id: one meeting — its agenda and minutes (what was said and decided per point), its follow-up actions, and their forms. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import type { MeetingView } from '../../../app/steering/meetings/load-meetings.ts';
import { ACTION_STATUSES } from '../../../core/codes.ts';
import { formatDate } from '../../../core/format.ts';
import { ACTION_STATUS_LABELS, AGENDA_SOURCE_LABELS, MEETING_KIND_LABELS } from '../../../core/labels.ts';
import { isActionOverdue, type AgendaPoint, type MeetingAction } from '../../../domain/steering-meetings.ts';
import type { Milestone } from '../../../domain/steering-goals.ts';
import { html, type SafeHtml } from '../../html.ts';
import { csrfField, dateField, dateInput, selectField, textArea, textField, type FormState } from '../casework/form.ts';
import { steeringFormPage, steeringPage, withProject } from './frame.ts';

/** Text as typed, line breaks kept. */
const lines = (s: string) => html`${s.split('\n').map((l, i) => html`${i ? html`<br>` : ''}${l}`)}`;

const milestoneName = (ms: Milestone[], id: number | null) => {
  const m = id === null ? undefined : ms.find((x) => x.id === id);
  return m ? `Nr. ${m.number}: ${m.content}` : '';
};

function pointItem(v: MeetingView, p: AgendaPoint, i: number, n: number, leader: boolean, csrf: string, pid: number) {
  const base = `/styring/moeder/${v.meeting.id}/punkter/${p.id}`;
  const move = (
    dir: 'op' | 'ned',
    label: string,
  ) => html`<form method="post" action="${withProject(`${base}/flyt`, pid)}" class="inline-form">
    ${csrfField(csrf)}<input type="hidden" name="retning" value="${dir}">
    <button class="button button-tertiary" type="submit">${label}<span class="sr-only"> punkt ${i + 1}: ${p.title}</span></button></form>`;
  return html`<li data-testid="point-${i + 1}"><h3 class="h4">${p.title}</h3>
    ${p.body ? html`<p>${lines(p.body)}</p>` : ''}
    ${p.source !== 'manuel' ? html`<p class="meta">Fra overblikket: ${AGENDA_SOURCE_LABELS[p.source].toLowerCase()}</p>` : ''}
    ${p.minutes ? html`<p><strong>Referat:</strong> ${lines(p.minutes)}</p>` : ''}
    ${p.decision ? html`<p data-testid="decision-${i + 1}"><strong>Beslutning:</strong> ${lines(p.decision)}</p>` : ''}
    ${
      leader
        ? html`<p class="meeting-point-actions"><a href="${withProject(base, pid)}">Ret, skriv referat og beslutning<span class="sr-only"> for punkt ${i + 1}: ${p.title}</span></a>
      ${i > 0 ? move('op', 'Flyt op') : ''} ${i < n - 1 ? move('ned', 'Flyt ned') : ''}
      <a href="${withProject(`${base}/slet`, pid)}">Slet<span class="sr-only"> punkt ${i + 1}: ${p.title}</span></a></p>`
        : ''
    }
  </li>`;
}

function actionRows(v: MeetingView, leader: boolean, pid: number) {
  if (v.actions.length === 0) return html`<p data-testid="actions">Mødet har ingen opfølgningshandlinger endnu.</p>`;
  return html`<div class="table-wrap"><table class="table table--zebra" data-testid="actions">
    <caption>Opfølgningshandlinger fra mødet</caption>
    <thead><tr><th scope="col">Handling</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th><th scope="col">Milepæl</th>
      ${leader ? html`<th scope="col">Ret eller slet</th>` : ''}</tr></thead>
    <tbody>${v.actions.map((a: MeetingAction) => {
      const late = isActionOverdue(a, v.today);
      const base = `/styring/moeder/${v.meeting.id}/handlinger/${a.id}`;
      return html`<tr><th scope="row">${a.description}</th><td>${a.owner}</td><td>${formatDate(a.dueDate)}${late ? html`<br><strong>Fristen er overskredet</strong>` : ''}</td>
        <td><span class="status status--${a.status === 'udfoert' ? 'good' : late ? 'bad' : 'neutral'}">${ACTION_STATUS_LABELS[a.status]}</span></td>
        <td>${milestoneName(v.milestones, a.milestoneId)}</td>
        ${leader ? html`<td><a href="${withProject(base, pid)}">Ret<span class="sr-only"> ${a.description}</span></a> <a href="${withProject(`${base}/slet`, pid)}">Slet<span class="sr-only"> ${a.description}</span></a></td>` : ''}</tr>`;
    })}</tbody></table></div>`;
}

export function meetingPage(actor: Actor, csrf: string, choice: ProjectChoice, v: MeetingView, notice?: string) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  const m = v.meeting;
  const base = `/styring/moeder/${m.id}`;
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/moeder',
    title: m.title,
    body: html`<p><a href="${withProject('/styring/moeder', pid)}">Alle møder</a></p>
      <h1>${m.title}</h1>
      ${notice ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${notice}</p></div></div>` : ''}
      <p data-testid="meeting-facts">${MEETING_KIND_LABELS[m.kind]} · ${formatDate(m.heldOn)}${m.place ? ` · ${m.place}` : ''}</p>
      ${m.participants ? html`<p><strong>Deltagere:</strong><br>${lines(m.participants)}</p>` : ''}
      <ul class="action-list">
        <li><a href="${withProject(`${base}/dagsorden`, pid)}">Udskriv dagsorden</a></li>
        <li><a href="${withProject(`${base}/referat`, pid)}">Udskriv referat</a></li>
        <li><a href="${withProject(`${base}/dagsorden.pdf`, pid)}">Dagsorden som PDF</a></li>
        <li><a href="${withProject(`${base}/referat.pdf`, pid)}">Referat som PDF</a></li>
        ${leader ? html`<li><a href="${withProject(`${base}/ret`, pid)}">Ret mødet</a></li><li><a href="${withProject(`${base}/slet`, pid)}">Slet mødet</a></li>` : ''}
      </ul>
      <h2>Dagsorden og referat</h2>
      ${
        v.points.length
          ? html`<ol class="meeting-agenda" data-testid="agenda">${v.points.map((p, i) => pointItem(v, p, i, v.points.length, leader, csrf, pid))}</ol>`
          : html`<p data-testid="agenda">Dagsordenen er tom.</p>`
      }
      ${
        leader
          ? html`<p><a class="button button-secondary" href="${withProject(`${base}/punkter/ny`, pid)}">Tilføj punkt</a></p>
        <form method="post" action="${withProject(`${base}/hent-punkter`, pid)}">
          ${csrfField(csrf)}
          <p class="form-hint" id="hent-hint">Tilføjer punkter for åbne handlinger fra sidste møde, resultatmål, der ikke er nået, og milepæle, der har overskredet tidspunktet. Du kan rette, flytte og slette dem bagefter.</p>
          <button class="button button-secondary" type="submit" aria-describedby="hent-hint">Hent punkter fra overblikket</button>
        </form>`
          : ''
      }
      <h2>Opfølgningshandlinger</h2>
      ${actionRows(v, leader, pid)}
      ${leader ? html`<p><a class="button button-secondary" href="${withProject(`${base}/handlinger/ny`, pid)}">Tilføj handling</a></p>` : ''}`,
  });
}

export const pointValues = (p: AgendaPoint): Record<string, string> => ({
  title: p.title,
  body: p.body ?? '',
  minutes: p.minutes ?? '',
  decision: p.decision ?? '',
});

/** Above a point's or an action's form: the meeting it belongs to. */
const meetingMeta = (v: MeetingView) => html`<p class="meta">${v.meeting.title}, ${formatDate(v.meeting.heldOn)}</p>`;

/** The form of a point or an action (`item`) of meeting `v`: it posts under the meeting and goes back to it. */
function meetingItemFormPage(
  { actor, csrf, choice, v, s }: { actor: Actor; csrf: string; choice: ProjectChoice; v: MeetingView; s: FormState },
  item: { segment: 'punkter' | 'handlinger'; id?: number; title: string; save: string },
  fields: SafeHtml,
) {
  const pid = choice.project.id;
  const base = `/styring/moeder/${v.meeting.id}`;
  const action = withProject(item.id ? `${base}/${item.segment}/${item.id}` : `${base}/${item.segment}/ny`, pid);
  const frame = { actor, csrf, choice, path: '/styring/moeder', title: item.title, s, action, back: withProject(base, pid) };
  return steeringFormPage({ ...frame, meta: meetingMeta(v), save: item.save }, fields);
}

export function pointFormPage(actor: Actor, csrf: string, choice: ProjectChoice, v: MeetingView, s: FormState, pointId?: number) {
  const committee = v.meeting.kind === 'udvalg';
  const item = { segment: 'punkter' as const, id: pointId, title: pointId ? 'Ret punkt' : 'Tilføj punkt', save: 'Gem punkt' };
  return meetingItemFormPage(
    { actor, csrf, choice, v, s },
    item,
    html`${textField(s, { name: 'title', label: 'Overskrift', required: true, width: 'l' })}
      ${textArea(s, { name: 'body', label: 'Beskrivelse på dagsordenen', rows: 3 })}
      ${textArea(s, { name: 'minutes', label: 'Referat', hint: 'Hvad der blev sagt på mødet.', rows: 4 })}
      ${textArea(s, { name: 'decision', label: 'Beslutning', hint: committee ? 'Udvalgets beslutning står også i orienteringen til udvalget (afsnittet «Beslutning»).' : 'Hvad mødet besluttede.', rows: 3 })}`,
  );
}

export const actionValues = (a: MeetingAction): Record<string, string> => ({
  description: a.description,
  ownerUserId: a.ownerUserId === null ? '' : String(a.ownerUserId),
  owner: a.ownerUserId === null ? a.owner : '',
  dueDate: dateInput(a.dueDate),
  status: a.status,
  milestoneId: a.milestoneId === null ? '' : String(a.milestoneId),
});

export function actionFormPage(actor: Actor, csrf: string, choice: ProjectChoice, v: MeetingView, s: FormState, actionId?: number) {
  const item = { segment: 'handlinger' as const, id: actionId, title: actionId ? 'Ret handling' : 'Tilføj handling', save: 'Gem handling' };
  return meetingItemFormPage(
    { actor, csrf, choice, v, s },
    item,
    html`${textArea(s, { name: 'description', label: 'Handling', required: true, rows: 3 })}
      ${selectField(s, { name: 'ownerUserId', label: 'Ansvarlig', hint: 'En af projektets medarbejdere. Er den ansvarlige ikke på listen, så vælg «En anden» og skriv hvem nedenfor.', placeholder: 'En anden (skriv hvem nedenfor)', conditional: true, options: v.users.map((u) => ({ value: String(u.id), label: u.name })) })}
      ${textField(s, { name: 'owner', label: 'Anden ansvarlig', hint: 'Fx «Styregruppen» eller en samarbejdspartner uden for jobcentret. Udfyldes kun, når ingen er valgt ovenfor.', conditional: true, width: 'l' })}
      ${dateField(s, { name: 'dueDate', label: 'Frist', required: true })}
      ${selectField(s, { name: 'status', label: 'Status', required: true, options: ACTION_STATUSES.map((x) => ({ value: x, label: ACTION_STATUS_LABELS[x] })) })}
      ${selectField(s, { name: 'milestoneId', label: 'Milepæl', hint: 'Den milepæl i milepælsplanen, handlingen hører til.', placeholder: 'Ingen milepæl', options: v.milestones.map((m) => ({ value: String(m.id), label: `Nr. ${m.number}: ${m.content.length > 80 ? `${m.content.slice(0, 79)}…` : m.content}` })) })}`,
  );
}

/** The printable agenda or minutes: the page frame's header, menu and footer are left out when printed. */
export function meetingPrintPage(actor: Actor, csrf: string, choice: ProjectChoice, v: MeetingView, what: 'dagsorden' | 'referat') {
  const pid = choice.project.id;
  const m = v.meeting;
  const minutes = what === 'referat';
  return steeringPage({
    actor,
    csrf,
    choice,
    path: '/styring/moeder',
    title: `${minutes ? 'Referat' : 'Dagsorden'}: ${m.title}`,
    body: html`<article class="print-view" data-testid="print-${what}">
      <p class="print-hide"><a href="${withProject(`/styring/moeder/${m.id}`, pid)}">Tilbage til mødet</a>. Brug browserens udskrift (Ctrl+P) for at udskrive eller gemme som PDF.</p>
      <h1>${minutes ? 'Referat' : 'Dagsorden'}: ${m.title}</h1>
      <p>${choice.project.name}<br>${MEETING_KIND_LABELS[m.kind]}, ${formatDate(m.heldOn)}${m.place ? `, ${m.place}` : ''}</p>
      ${m.participants ? html`<h2>Deltagere</h2><p>${lines(m.participants)}</p>` : ''}
      <h2>${minutes ? 'Punkter, referat og beslutninger' : 'Punkter'}</h2>
      ${
        v.points.length
          ? html`<ol>${v.points.map(
              (p) => html`<li><h3 class="h4">${p.title}</h3>${p.body ? html`<p>${lines(p.body)}</p>` : ''}
        ${minutes ? html`${p.minutes ? html`<p><strong>Referat:</strong> ${lines(p.minutes)}</p>` : ''}<p><strong>Beslutning:</strong> ${p.decision ? lines(p.decision) : 'Ingen beslutning.'}</p>` : ''}</li>`,
            )}</ol>`
          : html`<p>Dagsordenen er tom.</p>`
      }
      ${
        minutes
          ? html`<h2>Opfølgningshandlinger</h2>
        ${
          v.actions.length
            ? html`<table class="table"><caption class="sr-only">Opfølgningshandlinger</caption>
          <thead><tr><th scope="col">Handling</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th><th scope="col">Milepæl</th></tr></thead>
          <tbody>${v.actions.map((a) => html`<tr><th scope="row">${a.description}</th><td>${a.owner}</td><td>${formatDate(a.dueDate)}</td><td>${ACTION_STATUS_LABELS[a.status]}</td><td>${milestoneName(v.milestones, a.milestoneId)}</td></tr>`)}</tbody></table>`
            : html`<p>Ingen handlinger.</p>`
        }`
          : ''
      }
    </article>`,
  });
}
