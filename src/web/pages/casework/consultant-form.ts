/** Assign or change her company consultant (virksomhedskonsulent) from a date, or end the assignment. */
import type { Actor } from '../../../core/actor.ts';
import { html } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { csrfField, dateField, selectField, type FormState } from './form.ts';

export function consultantFormPage(
  actor: Actor,
  csrf: string,
  subject: Subject,
  s: FormState,
  o: { current: string | null; consultants: { id: number; name: string }[] },
) {
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: 'Skift virksomhedskonsulent',
    body: html`<p>${o.current ? html`Hendes virksomhedskonsulent er nu <strong>${o.current}</strong>.` : 'Hun har ingen virksomhedskonsulent nu.'}
      Virksomhedskonsulenten har virksomhedsarbejdet: praktikker, job og opfølgning efter ansættelse, og ser hende under Mine borgere.</p>
    <form method="post" action="/deltagere/${subject.id}/virksomhedskonsulent" novalidate>
      ${csrfField(csrf)}
      ${selectField(s, {
        name: 'consultantId',
        label: 'Virksomhedskonsulent',
        required: true,
        options: [
          ...o.consultants.map((c) => ({ value: String(c.id), label: c.name })),
          { value: 'ingen', label: 'Ingen (afslut tildelingen)' },
        ],
      })}
      ${dateField(s, { name: 'fromDate', label: 'Fra dato', required: true })}
      <button type="submit" class="button button-primary">Gem virksomhedskonsulent</button>
    </form>`,
  });
}
