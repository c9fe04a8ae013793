/** Her family situation (issue 14 build 6): the fields (on the enrolment form and her page's form) and the form on her page. */
import type { Actor } from '../../../core/actor.ts';
import { CHILDCARE_STATUSES, PARTNER_INVOLVEMENTS } from '../../../core/codes.ts';
import { CHILDCARE_LABELS, PARTNER_INVOLVEMENT_LABELS } from '../../../core/labels.ts';
import type { FamilySituation } from '../../../domain/family.ts';
import { html, type SafeHtml } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { csrfField, dateField, selectField, textField, type FormState } from './form.ts';

/** The situation's fields in a fieldset (every one optional: empty is "ikke oplyst"). */
export function familyFields(s: FormState, legend: string, hint?: string): SafeHtml {
  return html`<fieldset class="family-fields" data-testid="family-fields">
    <legend class="h3">${legend}</legend>
    ${hint ? html`<p class="form-hint">${hint}</p>` : ''}
    ${textField(s, { name: 'childrenCount', label: 'Antal børn', inputmode: 'numeric', width: 'xs' })}
    ${textField(s, { name: 'childAges', label: 'Børnenes alder', hint: 'I hele år, adskilt af komma, fx 2, 5, 11.', width: 'm' })}
    ${selectField(s, { name: 'childcare', label: 'Børnepasning og dagtilbud på plads', options: CHILDCARE_STATUSES.map((c) => ({ value: c, label: CHILDCARE_LABELS[c] })), placeholder: 'Ikke oplyst' })}
    ${selectField(s, { name: 'partnerInvolvement', label: 'Partneren deltager (fx i møder for mændene)', options: PARTNER_INVOLVEMENTS.map((c) => ({ value: c, label: PARTNER_INVOLVEMENT_LABELS[c] })), placeholder: 'Ikke oplyst' })}
    ${selectField(s, {
      name: 'interpreterNeeded',
      label: 'Brug for tolk',
      options: [
        { value: 'ja', label: 'Ja' },
        { value: 'nej', label: 'Nej' },
      ],
      placeholder: 'Ikke oplyst',
    })}
    ${textField(s, { name: 'interpreterLanguage', label: 'Sprog', hint: 'Hendes sprog, som tolken skal tale. Skal udfyldes, hvis hun har brug for tolk. Fx arabisk.', conditional: true, width: 'm' })}
  </fieldset>`;
}

/** The form values of a recorded situation (to start the next change from). */
export function familyValues(f: FamilySituation | null): Record<string, string> {
  if (!f) return {};
  return {
    childrenCount: f.childrenCount === null ? '' : String(f.childrenCount),
    childAges: f.childAges.join(', '),
    childcare: f.childcare ?? '',
    partnerInvolvement: f.partnerInvolvement ?? '',
    interpreterNeeded: f.interpreterNeeded === null ? '' : f.interpreterNeeded ? 'ja' : 'nej',
    interpreterLanguage: f.interpreterLanguage ?? '',
  };
}

export function familyFormPage(actor: Actor, csrf: string, subject: Subject, s: FormState, o: { recorded: boolean }) {
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: 'Ret familiesituation',
    body: html`<p>${o.recorded ? 'Felterne viser det, der gælder nu. Ret det, der har ændret sig.' : 'Der er ikke registreret noget om hendes familiesituation endnu.'}
      Ændringen gemmes fra datoen, og det tidligere bliver stående i historikken, så Styring kan tælle barriererne ved indskrivningen og nu.</p>
    <form method="post" action="/deltagere/${subject.id}/familie" novalidate>
      ${csrfField(csrf)}
      ${dateField(s, { name: 'fromDate', label: 'Gælder fra', required: true })}
      ${familyFields(s, 'Familiesituation')}
      <button type="submit" class="button button-primary">Gem familiesituation</button>
    </form>`,
  });
}
