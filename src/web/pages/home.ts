/** The front page: a greeting and the menu items of her role (the administrator starts here). */
import type { Actor } from '../../core/actor.ts';
import { html } from '../html.ts';
import { page, type NavItem } from '../layout.ts';

export function homePage(actor: Actor, csrf: string | undefined, items: NavItem[]) {
  return page(
    { title: 'Forside', actor, csrf, path: '/', heading: html`Velkommen, ${actor.displayName}` },
    html`<p>Du er logget ind som ${actor.role} i ${actor.organisationName}.</p>
      ${items.length ? html`<ul>${items.map((i) => html`<li><a href="${i.href}">${i.label}</a></li>`)}</ul>` : ''}`,
  );
}
