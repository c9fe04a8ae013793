/** The project's result goals (resultatmål): list, and the form to add or change one. */
import type { Actor } from '../../../core/actor.ts';
import type { ProjectChoice } from '../../../app/steering/access.ts';
import { type Goal } from '../../../domain/steering-goals.ts';
import { formatDate } from '../../../core/format.ts';
import { html } from '../../html.ts';
import { csrfField, dateInput, radioGroup, selectField, textArea, textField, type FormState } from '../casework/form.ts';
import { formAt, steeringFormPage, steeringTab, withProject } from './frame.ts';

import { MEASURES, POPULATIONS } from '../../../core/codes.ts';
import { MEASURE_LABELS, POPULATION_LABELS } from '../../../core/labels.ts';
const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
export const targetText = (g: Pick<Goal, 'targetKind' | 'targetValue'>) =>
  g.targetKind === 'andel' ? `${nf.format(g.targetValue)} %` : nf.format(g.targetValue);

export function goalsPage(actor: Actor, csrf: string, choice: ProjectChoice, goals: Goal[]) {
  const pid = choice.project.id;
  const leader = actor.role === 'projektleder';
  return steeringTab(
    { actor, csrf, choice, path: '/styring/maal', title: 'Resultatmål' },
    html`<p>Et resultatmål er et måletal fra registerdata (SIRI's monitorering, definition kib-2019.1) eller fra sagsdata, med et mål som andel eller antal og en frist. Se målene holdt op mod resultaterne på <a href="${withProject('/styring', pid)}">overblikket</a>.</p>
      ${leader ? html`<p><a class="button button-primary" href="${withProject('/styring/maal/ny', pid)}">Tilføj resultatmål</a></p>` : ''}
      <div class="table-wrap"><table class="table table--zebra" data-testid="goals">
        <caption>Projektets resultatmål</caption>
        <thead><tr><th scope="col">Resultatmål</th><th scope="col">Måletal</th><th scope="col">Gælder</th><th scope="col" class="text-right">Målsætning</th><th scope="col">Frist</th>
          ${leader ? html`<th scope="col"><span class="sr-only">Handling</span></th>` : ''}</tr></thead>
        <tbody>${goals.map(
          (g) => html`<tr><th scope="row">${g.title}${g.note ? html`<br><span class="meta">${g.note}</span>` : ''}</th>
          <td>${MEASURE_LABELS[g.measure]}</td><td>${POPULATION_LABELS[g.population]}</td><td class="text-right">${targetText(g)}</td><td>${formatDate(g.deadline)}</td>
          ${leader ? html`<td><a href="${withProject(`/styring/maal/${g.id}`, pid)}">Ret<span class="sr-only"> ${g.title}</span></a></td>` : ''}</tr>`,
        )}</tbody>
      </table></div>`,
  );
}

export const goalValues = (g: Goal): Record<string, string> => ({
  title: g.title,
  measure: g.measure,
  population: g.population,
  targetKind: g.targetKind,
  targetValue: String(g.targetValue).replace('.', ','),
  deadline: dateInput(g.deadline),
  note: g.note ?? '',
});

export function goalFormPage(actor: Actor, csrf: string, choice: ProjectChoice, s: FormState, goalId?: number) {
  const pid = choice.project.id;
  const after = goalId
    ? html`<form method="post" action="${withProject(`/styring/maal/${goalId}/slet`, pid)}" class="mt-6">${csrfField(csrf)}
        <button class="button button-secondary" type="submit">Slet resultatmålet</button></form>`
    : undefined;
  return steeringFormPage(
    { actor, csrf, choice, ...formAt('/styring/maal', pid, goalId, { add: 'Nyt resultatmål', edit: 'Ret resultatmål' }), s, after },
    html`${textField(s, { name: 'title', label: 'Titel', required: true, width: 'l' })}
        ${selectField(s, { name: 'measure', label: 'Måletal', required: true, options: MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] })) })}
        ${selectField(s, { name: 'population', label: 'Gælder', hint: 'Hvilke kvinder målet tæller: alle indskrevne eller én visitationskategori ved indskrivningen.', required: true, noPlaceholder: true, options: POPULATIONS.map((p) => ({ value: p, label: POPULATION_LABELS[p] })) })}
        ${radioGroup(s, {
          name: 'targetKind',
          legend: 'Målet er',
          options: [
            { value: 'andel', label: 'en andel (procent af de kvinder, målet gælder)' },
            { value: 'antal', label: 'et antal kvinder' },
          ],
        })}
        ${textField(s, { name: 'targetValue', label: 'Målsætning', hint: 'Procent eller antal, fx 50 eller 12,5.', required: true, inputmode: 'decimal', width: 'xs' })}
        ${textField(s, { name: 'deadline', label: 'Frist', hint: 'Skriv datoen som dd-mm-åååå, fx 31-12-2022.', required: true, inputmode: 'numeric', width: 's' })}
        ${textArea(s, { name: 'note', label: 'Bemærkning', rows: 3 })}`,
  );
}
