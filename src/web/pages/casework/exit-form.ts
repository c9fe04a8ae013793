/** Exit (udskrivning) with a reason. */
import type { Actor } from '../../../core/actor.ts';
import { EXIT_REASON_OPTIONS } from '../../../domain/exit.ts';
import { html } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { csrfField, dateField, selectField, textArea, type FormState } from './form.ts';

export function exitFormPage(actor: Actor, csrf: string, subject: Subject, projectName: string, s: FormState) {
  return casePage({
    actor,
    csrf,
    subject,
    state: s,
    title: 'Afslut forløb',
    body: html`<p>Hun udskrives fra ${projectName}. Hendes forløb gemmes og kan ses, hvis hun indskrives igen.</p>
    <form method="post" action="/deltagere/${subject.id}/udskriv" novalidate>
      ${csrfField(csrf)}
      ${dateField(s, { name: 'exitDate', label: 'Udskrivningsdato', required: true })}
      ${selectField(s, { name: 'reason', label: 'Årsag', options: EXIT_REASON_OPTIONS, required: true })}
      ${textArea(s, { name: 'note', label: 'Bemærkning', hint: 'Skal udfyldes, når årsagen er "Andet".', conditional: true, rows: 3 })}
      <button type="submit" class="button button-primary">Afslut forløb</button>
    </form>`,
  });
}
