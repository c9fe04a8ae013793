/**
 * Her page in sections: a short overview and one page per section, each with its own URL, reached
 * through a side navigation (DKFDS "sidemenu") that marks the open section with aria-current.
 */
import { html, type SafeHtml } from '../html.ts';

export const PARTICIPANT_SECTIONS = [
  { key: 'overblik', path: '', label: 'Overblik' },
  { key: 'aktiviteter', path: '/aktiviteter', label: 'Aktiviteter' },
  { key: 'samtaler', path: '/samtaler', label: 'Samtaler' },
  { key: 'maalinger', path: '/maalinger', label: 'Målinger' },
  { key: 'fritagelser', path: '/fritagelser', label: 'Fritagelser' },
  { key: 'dansk', path: '/dansk', label: 'Dansk' },
  { key: 'historik', path: '/historik', label: 'Historik' },
  { key: 'tidslinje', path: '/tidslinje', label: 'Tidslinje' },
  { key: 'register', path: '/register', label: 'Registerdata' },
] as const;

export type ParticipantSectionKey = (typeof PARTICIPANT_SECTIONS)[number]['key'];
/** The sections rendered by the participant page itself (Registerdata has its own page). */
export type CaseSectionKey = Exclude<ParticipantSectionKey, 'register'>;

export const sectionOf = (key: ParticipantSectionKey) => PARTICIPANT_SECTIONS.find((s) => s.key === key)!;

/** The URL of one of her sections, e.g. `/deltagere/<id>/aktiviteter`. */
export const sectionUrl = (id: string, key: ParticipantSectionKey) => `/deltagere/${id}${sectionOf(key).path}`;

/** The side navigation between her sections; the open one is marked for eyes and screen readers. */
export function sectionNav(id: string, current: ParticipantSectionKey): SafeHtml {
  return html`<nav aria-label="Hendes sider" class="participant-nav" data-testid="section-nav">
    <ul class="sidemenu">${PARTICIPANT_SECTIONS.map((s) => {
      const here = s.key === current;
      return html`<li${here ? html` class="active current"` : ''}><a class="nav-link" href="${sectionUrl(id, s.key)}"${here ? html` aria-current="page"` : ''}><div class="sidenav-title">${s.label}</div></a></li>`;
    })}</ul>
  </nav>`;
}

/** Her section page: the menu beside the section's content (the menu first on narrow screens). */
export function withSectionNav(id: string, current: ParticipantSectionKey, body: SafeHtml): SafeHtml {
  return html`<div class="row participant-layout">
    <div class="col-12 col-lg-3">${sectionNav(id, current)}</div>
    <div class="col-12 col-lg-9" data-testid="section-body">${body}</div>
  </div>`;
}
