/** The frame of a casework form page: back link to her page, heading, error summary. */
import type { Actor } from '../../../core/actor.ts';
import { html, type SafeHtml } from '../../html.ts';
import { page } from '../../layout.ts';
import { csrfField, errorSummary, type FormState } from './form.ts';
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

/**
 * The form that adds a record of hers in a section of her page (activities, conversations, assessments, exemptions)
 * or, with `recordId`, corrects one: posted to `/deltagere/<id>/<section>[/<recordId>]`, titled "Ny …" or "Ret …".
 */
export function recordFormPage(o: {
  actor: Actor;
  csrf: string;
  subject: Subject;
  state: FormState;
  section: 'aktiviteter' | 'samtaler' | 'maalinger' | 'fritagelser';
  recordId?: string;
  /** What the record is called: the title's and the save button's noun. */
  noun: string;
  titleSuffix?: string;
  intro?: SafeHtml;
  fields: SafeHtml;
}) {
  const base = `/deltagere/${o.subject.id}/${o.section}`;
  return casePage({
    section: o.section,
    actor: o.actor,
    csrf: o.csrf,
    subject: o.subject,
    state: o.state,
    title: `${o.recordId ? 'Ret' : 'Ny'} ${o.noun}${o.titleSuffix ?? ''}`,
    body: html`${o.intro ?? ''}
    <form method="post" action="${o.recordId ? `${base}/${o.recordId}` : base}" novalidate>
      ${csrfField(o.csrf)}
      ${o.fields}
      <button type="submit" class="button button-primary">Gem ${o.noun}</button>
    </form>`,
  });
}
