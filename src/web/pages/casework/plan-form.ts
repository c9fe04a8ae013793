/** The holistic plan form: job goal, ABC job strategy, CV on Jobnet, family/health plans, goals. */
import type { Actor } from '../../../core/actor.ts';
import { GOAL_STATUSES } from '../../../core/codes.ts';
import { GOAL_STATUS_LABELS } from '../../../core/labels.ts';
import type { Plan } from '../../../domain/plan.ts';
import { html } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { checkbox, csrfField, dateField, dateInput, selectField, textArea, textField, type FormState } from './form.ts';

export function planValues(plan: Plan | null): Record<string, string> {
  if (!plan) return {};
  const v: Record<string, string> = {
    jobGoal: plan.jobGoal ?? '',
    'abcStrategy.a': plan.abcStrategy.a ?? '',
    'abcStrategy.b': plan.abcStrategy.b ?? '',
    'abcStrategy.c': plan.abcStrategy.c ?? '',
    cvOnJobnet: plan.cvOnJobnet ? 'on' : '',
    cvDate: dateInput(plan.cvDate),
    familyPlan: plan.familyPlan ? 'on' : '',
    healthPlan: plan.healthPlan ? 'on' : '',
  };
  plan.goals.forEach((g, i) => {
    v[`goals.${i}.id`] = g.id;
    v[`goals.${i}.text`] = g.text;
    v[`goals.${i}.dueDate`] = dateInput(g.dueDate);
    v[`goals.${i}.status`] = g.status;
  });
  return v;
}

function goalRows(s: FormState) {
  const rows = new Set<number>();
  for (const k of Object.keys(s.values)) {
    const m = /^goals\.(\d+)\./.exec(k);
    if (m) rows.add(Number(m[1]));
  }
  const used = [...rows].sort((a, b) => a - b);
  const blank = (i: number) => !s.values[`goals.${i}.text`]?.trim() && !s.values[`goals.${i}.dueDate`]?.trim();
  // Rows sent back empty (the form's spare row after a failed save) are not repeated; one spare row is added.
  const filled = used.filter((i) => !blank(i));
  const next = filled.length ? filled[filled.length - 1] + 1 : 0;
  return [...filled, next];
}

export function planFormPage(actor: Actor, csrf: string, subject: Subject, s: FormState) {
  const statusOptions = GOAL_STATUSES.map((v) => ({ value: v, label: GOAL_STATUS_LABELS[v] }));
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: 'Plan',
    body: html`<form method="post" action="/deltagere/${subject.id}/plan" novalidate>
      ${csrfField(csrf)}
      ${textArea(s, { name: 'jobGoal', label: 'Jobmål', rows: 2 })}
      <fieldset class="mt-6"><legend class="h3">ABC-jobstrategi</legend>
        ${textField(s, { name: 'abcStrategy.a', label: 'A-job (det job, hun helst vil have)' })}
        ${textField(s, { name: 'abcStrategy.b', label: 'B-job (et beslægtet job)' })}
        ${textField(s, { name: 'abcStrategy.c', label: 'C-job (et job inden for rækkevidde nu)' })}
      </fieldset>
      <fieldset class="mt-6"><legend class="h3">CV og planer</legend>
        ${checkbox(s, { name: 'cvOnJobnet', label: 'CV er lagt på Jobnet' })}
        ${dateField(s, { name: 'cvDate', label: 'Dato for CV på Jobnet', hint: 'Skal udfyldes, når CV er lagt på Jobnet.', conditional: true })}
        ${checkbox(s, { name: 'familyPlan', label: 'Helhedsorienteret familieplan' })}
        ${checkbox(s, { name: 'healthPlan', label: 'Sundhedsplan' })}
      </fieldset>
      <fieldset class="mt-6"><legend class="h3">Delmål</legend>
        <p class="form-hint">Udfyld den tomme række for at tilføje et delmål. Tøm tekst og frist for at fjerne et.</p>
        ${goalRows(s).map(
          (i, n) => html`<div class="goal-row">
          <input type="hidden" name="goals.${i}.id" value="${s.values[`goals.${i}.id`] ?? ''}">
          ${textField(s, { name: `goals.${i}.text`, label: `Delmål ${n + 1}` })}
          ${dateField(s, { name: `goals.${i}.dueDate`, label: `Frist for delmål ${n + 1}` })}
          ${selectField(s, { name: `goals.${i}.status`, label: `Status for delmål ${n + 1}`, options: statusOptions, required: true, noPlaceholder: true })}
        </div>`,
        )}
      </fieldset>
      <button type="submit" class="button button-primary mt-6">Gem plan</button>
    </form>`,
  });
}
