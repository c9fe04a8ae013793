/** "Are you sure?" before a record is deleted. */
import type { Actor } from '../../../core/actor.ts';
import { html } from '../../html.ts';
import { casePage, type Subject } from './frame.ts';
import { csrfField } from './form.ts';
import { sectionUrl, type ParticipantSectionKey } from '../participant-nav.ts';

export function deleteConfirmPage(
  actor: Actor,
  csrf: string,
  subject: Subject,
  what: string,
  action: string,
  section: ParticipantSectionKey = 'overblik',
) {
  return casePage({
    actor,
    csrf,
    subject,
    title: 'Slet',
    section,
    body: html`<p>Vil du slette <strong>${what}</strong>? Sletningen gemmes i loggen med indholdet.</p>
      <form method="post" action="${action}">
        ${csrfField(csrf)}
        <button type="submit" class="button button-primary">Ja, slet</button>
        <a class="button button-secondary" href="${sectionUrl(subject.id, section)}">Fortryd</a>
      </form>`,
  });
}
