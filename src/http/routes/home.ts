import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { navOf } from '../../web/layout.ts';
import { homePage } from '../../web/pages/home.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';

const FAVICON = readFileSync(new URL('../../../static/favicon.svg', import.meta.url));

/** The front page: where each role starts. Also the icon browsers ask for on every page. */
export function homeRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/favicon.ico', async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );

  // Each role starts at its first menu item; the administrator on the front page.
  app.get('/', async (req, reply) => {
    const actor = requireActor(req);
    const items = navOf(actor);
    if (items.length && actor.role !== 'administrator') return reply.redirect(items[0].href, 303);
    return reply.type('text/html; charset=utf-8').send(homePage(actor, req.csrfToken, items));
  });
}
