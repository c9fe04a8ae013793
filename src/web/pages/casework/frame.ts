/** The frame of a casework form page: back link to her page, heading, error summary. */
import type { Actor } from '../../../core/actor.ts';
import { html, type SafeHtml } from '../../html.ts';
import { page } from '../../layout.ts';
import { errorSummary, type FormState } from './form.ts';
import { sectionUrl, type ParticipantSectionKey } from '../participant-nav.ts';

export interface Subject {
  id: string;
  firstName: string;
  lastName: string;
}

export function casePage(o: {
  actor: Actor;
  csrf: string;
  title: string;
  subject?: Subject;
  state?: FormState;
  body: SafeHtml;
  path?: string;
  section?: ParticipantSectionKey;
}) {
  const who = o.subject ? `${o.subject.firstName} ${o.subject.lastName}` : '';
  return page({
    title: who ? `${o.title} – ${who}` : o.title,
    actor: o.actor,
    csrf: o.csrf,
    path: o.path ?? '/deltagere',
    body: html`${o.subject ? html`<p><a href="${sectionUrl(o.subject.id, o.section ?? 'overblik')}" class="back-link">Tilbage til ${who}</a></p>` : ''}
      <h1>${o.title}${who ? html` <span class="h1-sub">– ${who}</span>` : ''}</h1>
      ${o.state ? errorSummary(o.state, o.body) : ''}
      ${o.body}`,
  });
}
