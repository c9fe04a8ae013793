/** Change her visitation: date, new category, reason. Her category at enrolment is kept. */
import type { Actor } from '../../../core/actor.ts';
import { VISITATIONS, type Visitation } from '../../../core/codes.ts';
import { VISITATION_LABELS } from '../../../core/labels.ts';
import { MAX_VISITATION_REASON } from '../../../domain/visitation.ts';
import { html } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { csrfField, dateField, radioGroup, textArea, type FormState } from './form.ts';

export function visitationFormPage(
  actor: Actor,
  csrf: string,
  subject: Subject,
  s: FormState,
  o: { atEnrolment: Visitation | null; current: Visitation | null },
) {
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: 'Ændr visitation',
    body: html`${
      o.current
        ? html`<p>Hun er nu visiteret som <strong>${VISITATION_LABELS[o.current]}</strong>${o.atEnrolment && o.atEnrolment !== o.current ? html` (ved indskrivningen: ${VISITATION_LABELS[o.atEnrolment]})` : ''}. Resultater efter visitation bruger visitationen ved indskrivningen, som SIRI gør.</p>`
        : ''
    }
    <form method="post" action="/deltagere/${subject.id}/visitation" novalidate>
      ${csrfField(csrf)}
      ${dateField(s, { name: 'date', label: 'Dato for ændringen', required: true })}
      ${radioGroup(s, { name: 'visitation', legend: 'Ny visitation', options: VISITATIONS.map((v) => ({ value: v, label: VISITATION_LABELS[v] })) })}
      ${textArea(s, { name: 'reason', label: 'Begrundelse', hint: `Fx ny vurdering efter praktik. Højst ${MAX_VISITATION_REASON} tegn.` })}
      <button type="submit" class="button button-primary">Gem visitation</button>
    </form>`,
  });
}
