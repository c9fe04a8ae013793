import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { html } from '../../web/html.ts';
import { NAV, page } from '../../web/layout.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';

const FAVICON = readFileSync(new URL('../../../static/favicon.svg', import.meta.url));

/** The front page: where each role starts. Also the icon browsers ask for on every page. */
export function homeRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/favicon.ico', async (_req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON));

  app.get('/', async (req, reply) => {
    const actor = requireActor(req);
    const items = NAV.filter((n) => n.roles.includes(actor.role));
    if (items.length && actor.role !== 'administrator') return reply.redirect(items[0].href, 303);
    return reply.type('text/html; charset=utf-8').send(
      page({
        title: 'Forside',
        actor,
        csrf: req.csrfToken,
        path: '/',
        body: html`<h1>Velkommen, ${actor.displayName}</h1>
          <p>Du er logget ind som ${actor.role} i ${actor.organisationName}.</p>
          ${items.length ? html`<ul>${items.map((i) => html`<li><a href="${i.href}">${i.label}</a></li>`)}</ul>` : ''}`,
      }),
    );
  });
}
