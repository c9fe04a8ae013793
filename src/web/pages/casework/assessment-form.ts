/** Score an instrument (WHO-5, Fremdriftstrappen) with her: one radio group per item. */
import type { Actor } from '../../../core/actor.ts';
import type { Instrument } from '../../../domain/instruments.ts';
import { html } from '../../html.ts';
import { recordFormPage, type Subject } from './frame.ts';
import { dateField, dateInput, radioGroup, type FormState } from './form.ts';
import type { AssessmentRow } from '../../../db/casework/assessments.ts';

/** The form's values for correcting a stored assessment: its date and each answer. */
export function assessmentValues(a: AssessmentRow): Record<string, string> {
  return { date: dateInput(a.date), ...Object.fromEntries(Object.entries(a.answers).map(([k, v]) => [`answers.${k}`, String(v)])) };
}

export function assessmentFormPage(
  actor: Actor,
  csrf: string,
  subject: Subject,
  instrument: Instrument,
  s: FormState,
  assessmentId?: string,
) {
  return recordFormPage({
    actor,
    csrf,
    subject,
    state: s,
    section: 'maalinger',
    recordId: assessmentId,
    noun: 'måling',
    titleSuffix: `: ${instrument.name}`,
    fields: html`<input type="hidden" name="instrumentKey" value="${instrument.key}">
      ${dateField(s, { name: 'date', label: 'Dato for målingen', required: true })}
      ${instrument.intro ? html`<p>${instrument.intro}</p>` : ''}
      ${instrument.dimensions.map((d) =>
        radioGroup(s, {
          name: `answers.${d.key}`,
          legend: d.name,
          options: [...d.steps]
            .sort((a, b) => b.value - a.value)
            .map((st) => ({ value: String(st.value), label: `${st.value}: ${st.text}` })),
        }),
      )}`,
  });
}
