/** The milestone plan (milepælsplan): phases with milestones, and the form to add or change one. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import { type Milestone } from '../../../domain/steering-goals.ts';
import { todayInDenmark } from '../../../app/casework/today.ts';
import { formatDate } from '../../../core/format.ts';
import { html } from '../../html.ts';
import { dateInput, selectField, textArea, textField, type FormState } from '../casework/form.ts';
import { formAt, steeringFormPage, steeringTab, withProject } from './frame.ts';

import { MILESTONE_STATUSES } from '../../../core/codes.ts';
import { ACTION_STATUS_LABELS, MILESTONE_STATUS_LABELS } from '../../../core/labels.ts';
import type { Meeting, MeetingAction } from '../../../domain/steering-meetings.ts';
/** Milestones grouped by phase, in order. */
export function byPhase(ms: Milestone[]): { phase: number; name: string; items: Milestone[] }[] {
  const out: { phase: number; name: string; items: Milestone[] }[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && last.phase === m.phase) last.items.push(m);
    else out.push({ phase: m.phase, name: m.phaseName, items: [m] });
  }
  return out;
}

/** Past its date and neither reached nor dropped: shown beside the status so it is not missed. */
export const isOverdue = (m: Milestone, today: string) => m.dueDate < today && m.status !== 'naaet' && m.status !== 'udgaaet';

/** At the top of the plan: how many milestones are past their date, and which. */
function overdueSummary(ms: Milestone[], today: string) {
  const late = ms.filter((m) => isOverdue(m, today));
  if (late.length === 0) return html`<p data-testid="overdue-summary">Ingen milepæle har overskredet tidspunktet.</p>`;
  return html`<div class="alert alert-warning" data-testid="overdue-summary"><div class="alert-body">
    <h2 class="alert-heading h3">${late.length === 1 ? '1 milepæl har' : `${late.length} milepæle har`} overskredet tidspunktet</h2>
    <ul class="alert-text">${late.map((m) => html`<li>Nr. ${m.number} (fase ${m.phase}): ${m.content} – ${MILESTONE_STATUS_LABELS[m.status].toLowerCase()}, tidspunkt ${formatDate(m.dueDate)}</li>`)}</ul>
  </div></div>`;
}

/** The follow-up actions from meetings that serve a milestone, under its content. */
function milestoneActions(actions: MilestoneAction[], milestoneId: number, pid: number) {
  const mine = actions.filter((a) => a.milestoneId === milestoneId);
  if (mine.length === 0) return '';
  return html`<br><span class="meta" data-testid="milestone-actions-${milestoneId}">Handlinger fra møder: ${mine.map((a, i) => html`${i ? '; ' : ''}<a href="${withProject(`/styring/moeder/${a.meeting.id}`, pid)}">${a.description}</a> (${ACTION_STATUS_LABELS[a.status].toLowerCase()}, frist ${formatDate(a.dueDate)})`)}</span>`;
}

export type MilestoneAction = Pick<MeetingAction, 'milestoneId' | 'description' | 'status' | 'dueDate'> & { meeting: Pick<Meeting, 'id'> };

export function milestonesPage(
  actor: Actor,
  csrf: string,
  choice: ProjectChoice,
  ms: Milestone[],
  today = todayInDenmark(),
  actions: MilestoneAction[] = [],
) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  return steeringTab(
    { actor, csrf, choice, path: '/styring/milepaele', title: 'Milepælsplan' },
    html`${overdueSummary(ms, today)}
      ${leader ? html`<p><a class="button button-primary" href="${withProject('/styring/milepaele/ny', pid)}">Tilføj milepæl</a></p>` : ''}
      ${byPhase(ms).map(
        (p) => html`<h2>Fase ${p.phase}: ${p.name}</h2>
        <div class="table-wrap"><table class="table table--zebra" data-testid="phase-${p.phase}">
          <caption>Milepæle i fase ${p.phase}</caption>
          <thead><tr><th scope="col">Nr.</th><th scope="col">Indhold</th><th scope="col">Tidspunkt</th><th scope="col">Ansvarlig</th><th scope="col">Status</th>
            ${leader ? html`<th scope="col"><span class="sr-only">Handling</span></th>` : ''}</tr></thead>
          <tbody>${p.items.map(
            (
              m,
            ) => html`<tr><th scope="row">${m.number}</th><td>${m.content}${m.note ? html`<br><span class="meta">${m.note}</span>` : ''}${milestoneActions(actions, m.id, pid)}</td>
            <td>${formatDate(m.dueDate)}</td><td>${m.responsible}</td><td><span class="status status--${m.status === 'naaet' ? 'good' : isOverdue(m, today) || m.status === 'forsinket' ? 'bad' : 'neutral'}">${MILESTONE_STATUS_LABELS[m.status]}</span>${isOverdue(m, today) ? html`<br><strong>Tidspunktet er overskredet</strong>` : ''}</td>
            ${leader ? html`<td><a href="${withProject(`/styring/milepaele/${m.id}`, pid)}">Ret<span class="sr-only"> milepæl ${m.number}</span></a></td>` : ''}</tr>`,
          )}</tbody>
        </table></div>`,
      )}`,
  );
}

export const milestoneValues = (m: Milestone): Record<string, string> => ({
  phase: String(m.phase),
  phaseName: m.phaseName,
  number: String(m.number),
  content: m.content,
  dueDate: dateInput(m.dueDate),
  responsible: m.responsible,
  status: m.status,
  note: m.note ?? '',
});

export function milestoneFormPage(actor: Actor, csrf: string, choice: ProjectChoice, s: FormState, milestoneId?: number) {
  const pid = choice.project.id;
  return steeringFormPage(
    { actor, csrf, choice, ...formAt('/styring/milepaele', pid, milestoneId, { add: 'Ny milepæl', edit: 'Ret milepæl' }), s },
    html`${textField(s, { name: 'phase', label: 'Fase (nummer)', required: true, inputmode: 'numeric', width: 'xs' })}
        ${textField(s, { name: 'phaseName', label: 'Fasens navn', required: true, width: 'm' })}
        ${textField(s, { name: 'number', label: 'Milepælens nummer', required: true, inputmode: 'numeric', width: 'xs' })}
        ${textArea(s, { name: 'content', label: 'Indhold', required: true, rows: 3 })}
        ${textField(s, { name: 'dueDate', label: 'Tidspunkt', hint: 'Skriv datoen som dd-mm-åååå, fx 31-12-2022.', required: true, inputmode: 'numeric', width: 's' })}
        ${textField(s, { name: 'responsible', label: 'Ansvarlig', required: true, width: 'm' })}
        ${selectField(s, { name: 'status', label: 'Status', required: true, options: MILESTONE_STATUSES.map((v) => ({ value: v, label: MILESTONE_STATUS_LABELS[v] })) })}
        ${textArea(s, { name: 'note', label: 'Bemærkning', rows: 3 })}`,
  );
}
