/** The page frame on Det Fælles Designsystem: skip link, header with user and municipality, menu. */
import { handlesPersonalData, type Actor } from '../core/actor.ts';
import { html, type SafeHtml } from './html.ts';
import { csrfField, errorSummary, type FormState } from './pages/casework/form.ts';

import { ROLE_LABELS } from '../core/labels.ts';
export interface NavItem {
  href: string;
  label: string;
  roles: Actor['role'][];
}

/** The main menu; each area adds its pages here. */
export const NAV: NavItem[] = [
  { href: '/mine-borgere', label: 'Mine borgere', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/deltagere', label: 'Deltagere', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/kandidater', label: 'Kandidater', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/virksomheder', label: 'Virksomheder', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/grupper', label: 'Gruppemøder', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/progression', label: 'Progression', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/projekt', label: 'Projekt', roles: ['projektleder'] },
  { href: '/resultater', label: 'Resultater', roles: ['sagsbehandler', 'projektleder', 'analytiker'] },
  { href: '/styring', label: 'Styring', roles: ['sagsbehandler', 'projektleder'] },
  { href: '/nationalt', label: 'Nationalt overblik', roles: ['analytiker'] },
  { href: '/effekt', label: 'Effekt', roles: ['projektleder', 'analytiker'] },
  { href: '/registerdata', label: 'Registerdata', roles: ['analytiker'] },
  { href: '/admin/audit', label: 'Auditlog', roles: ['administrator'] },
  { href: '/admin/satser', label: 'Satser', roles: ['administrator'] },
  { href: '/admin/gdpr', label: 'Persondata (GDPR)', roles: ['projektleder'] },
];

/** The menu items of the actor's role, in menu order. */
export const navOf = (actor: Actor): NavItem[] => NAV.filter((n) => n.roles.includes(actor.role));

/** The frame of a page: its title (in the tab), who sees it, and where in the menu it is. */
export interface Frame {
  title: string;
  actor?: Actor;
  csrf?: string;
  /** The current path, to mark the active menu item. */
  path?: string;
}

export interface PageOptions extends Frame {
  body: SafeHtml;
}

/** What a page with a heading adds to its frame. */
export interface Headed extends Frame {
  /** Its `<h1>`; the title when left out. */
  heading?: string | SafeHtml;
  /** A link back, above the heading. */
  back?: { href: string; label: string };
}

/** Find a woman from any page: name (accents and case ignored), CPR number or birth date. */
function headerSearch() {
  return html`<form role="search" method="get" action="/deltagere" aria-label="Søg borger" class="header-search">
    <label class="form-label" for="header-q">Søg borger</label>
    <input class="form-input" id="header-q" name="q" type="search" autocomplete="off" aria-describedby="header-q-hint">
    <span class="sr-only" id="header-q-hint">Navn, CPR-nummer eller fødselsdato</span>
    <button class="button button-secondary" type="submit">Søg</button>
  </form>`;
}

function header(actor: Actor | undefined, csrf: string | undefined, path: string) {
  const items = actor ? navOf(actor) : [];
  const where = actor ? (actor.municipalityNames.length ? actor.municipalityNames.join(' og ') : actor.organisationName) : '';
  return html`<header class="header">
    <div class="portal-info">
      <div class="portal-info-inner container">
        <a href="/" class="fremdrift-logo">${actor ? actor.organisationName : 'Fremdrift'}<span class="sr-only"> – forside</span></a>
        ${
          actor
            ? html`<div class="portal-user">
              <p class="user" data-testid="current-user"><strong>${actor.displayName}</strong><br>${ROLE_LABELS[actor.role]} · ${where}</p>
              <form method="post" action="/logout" class="inline-form">
                <input type="hidden" name="_csrf" value="${csrf ?? ''}">
                <button type="submit" class="button button-secondary log-off">Log af</button>
              </form>
            </div>`
            : ''
        }
      </div>
    </div>
    <div class="solution-info">
      <div class="solution-info-inner container">
        <div class="solution-heading"><a href="/">Fremdrift</a></div>
        <div class="additional-info"><p>Beskæftigelsesindsats for indvandrerkvinder</p></div>
      </div>
    </div>
    ${
      items.length
        ? html`<nav class="navigation-menu" aria-label="Hovedmenu">
          <div class="navigation-menu-inner container">
            <ul class="mainmenu">
              ${items.map(
                (n) =>
                  html`<li class="${path.startsWith(n.href) ? 'active current' : ''}"><a href="${n.href}" class="nav-link"${path.startsWith(n.href) ? html` aria-current="page"` : ''}><span>${n.label}</span></a></li>`,
              )}
            </ul>
            ${actor && handlesPersonalData(actor) ? headerSearch() : ''}
          </div>
        </nav>`
        : ''
    }
  </header>`;
}

/** A page of `o.body`; or, with `body` given, a page headed by `o.heading` (default: the title) above it. */
export function page(o: PageOptions): string;
export function page(o: Headed, body: SafeHtml): string;
export function page(o: Frame & Partial<PageOptions & Headed>, body?: SafeHtml): string {
  const back = o.back ? html`<p><a href="${o.back.href}" class="back-link">${o.back.label}</a></p>\n      ` : '';
  const main = body ? html`${back}<h1>${o.heading ?? o.title}</h1>\n      ${body}` : o.body;
  return `<!DOCTYPE html>${html`<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${o.title} – Fremdrift</title>
  <link rel="icon" href="/favicon.ico" type="image/svg+xml">
  <link rel="stylesheet" href="/dkfds/css/dkfds.min.css">
  <link rel="stylesheet" href="/static/app.css">
</head>
<body>
  <a class="skipnav" href="#main-content">Gå til sideindhold</a>
  ${header(o.actor, o.csrf, o.path ?? '')}
  <div class="container page-container">
    <main id="main-content" tabindex="-1">
      ${main}
    </main>
  </div>
  <footer class="footer"><div class="container"><p>Fremdrift · open source · alle demo-personer er opdigtede</p></div></footer>
</body>
</html>`}`;
}

/** A Danish error page (403, 404, 429, 500) inside the same frame. */
export function errorPage(status: number, message: string, actor?: Actor, csrf?: string): string {
  const titles: Record<number, string> = {
    400: 'Forkert forespørgsel',
    403: 'Ingen adgang',
    404: 'Siden findes ikke',
    413: 'Filen er for stor',
    429: 'For mange forsøg',
    500: 'Der skete en fejl',
  };
  const title = titles[status] ?? 'Fejl';
  return page(
    { title, actor, csrf },
    html`<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${message}</p></div></div>
      <p><a href="/">Gå til forsiden</a></p>`,
  );
}

/** The notice at the top of a page after a save ("Virksomheden er gemt."), or nothing. */
export const savedNotice = (saved?: string) =>
  saved ? html`<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">${saved}</p></div></div>` : '';

/** A page under the menu item at `path`, with an optional link back above its body. */
export function menuPage(path: string, actor: Actor, csrf: string, title: string, body: SafeHtml, back?: { href: string; label: string }) {
  return page({
    title,
    actor,
    csrf,
    path,
    body: html`${back ? html`<p><a href="${back.href}" class="back-link">${back.label}</a></p>` : ''}${body}`,
  });
}

/**
 * The page to create or correct one item under the menu item at `path` (a company, a group
 * session): the error summary in field order, the form posting to `path/ny` or `path/<id>/ret`
 * with Gem and Fortryd, and a link back to the item or to the list (`list` names it).
 */
export function menuFormPage(o: {
  path: string;
  actor: Actor;
  csrf: string;
  title: string;
  state: FormState;
  fields: SafeHtml;
  existing?: { id: string | number; name: string };
  list: string;
}) {
  const back = o.existing ? `${o.path}/${o.existing.id}` : o.path;
  const form = html`<form method="post" action="${o.existing ? `${o.path}/${o.existing.id}/ret` : `${o.path}/ny`}" novalidate>
      ${csrfField(o.csrf)}
      ${o.fields}
      <button type="submit" class="button button-primary">Gem</button>
      <a class="button button-secondary" href="${back}">Fortryd</a>
    </form>`;
  return menuPage(o.path, o.actor, o.csrf, o.title, html`<h1>${o.title}</h1>${errorSummary(o.state, form)}${form}`, {
    href: back,
    label: `Tilbage til ${o.existing ? o.existing.name : o.list}`,
  });
}
