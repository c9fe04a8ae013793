/** Builds the Fastify app: plugins, security, routes, Danish error pages. Owns nothing else. */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ZodError } from 'zod';
import { AppError, HTTP_STATUS } from '../core/errors.ts';
import { errorPage } from '../web/layout.ts';
import type { AppDeps } from '../core/deps.ts';
import { holdCloseForRequests } from './in-flight.ts';
import { registerSecurity, setSecurityHeaders } from './security.ts';
import { registerRoutes } from './routes/index.ts';
import type { SectionProvider } from './routes/participant-sections.ts';
import { loggerOptions, requestId } from './logging.ts';
import { registerOperations } from './operations.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dkfdsDist = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

export interface RouteInfo {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

export interface ServerOptions {
  /** Log level (default: the LOG_LEVEL setting; none: no log). */
  logLevel?: string;
  /** Where log lines go (default stdout). */
  logStream?: { write(s: string): unknown };
  /** The sections of her page (default: every area's, participantSectionProviders()). */
  sections?: readonly SectionProvider[];
}

export async function buildServer(deps: AppDeps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logLevel ?? deps.config.logLevel, opts.logStream),
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    // A URL that cannot be decoded (or a bad constraint) is answered before routing, so no hook
    // runs: it still gets the security headers and a Danish page, not Fastify's bare JSON.
    frameworkErrors: (_err, _req, reply) => {
      const r = reply as unknown as FastifyReply;
      setSecurityHeaders(r, deps);
      return r.code(400).type('text/html; charset=utf-8').send(errorPage(400, 'Forespørgslen kunne ikke læses.'));
    },
  });
  // The server's worker threads and caches end with it (two servers in one process keep their own),
  // after the requests it is still answering (http/in-flight.ts).
  holdCloseForRequests(app);
  app.addHook('onClose', () => deps.resources.close());
  await app.register(cookie);
  await app.register(formbody);
  await app.register(fastifyStatic, { root: dkfdsDist, prefix: '/dkfds/', decorateReply: false, maxAge: '1d' });
  await app.register(fastifyStatic, { root: join(root, 'static'), prefix: '/static/', decorateReply: false, maxAge: '1h' });
  registerOperations(app, deps);
  registerSecurity(app, deps);

  app.setErrorHandler((err, req, reply) => {
    const wantsJson = req.url.startsWith('/api/') || req.headers.accept === 'application/json';
    if (err instanceof AppError && err.code === 'UNAUTHORIZED' && !wantsJson) {
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    // A request whose parameters fail their schema is the client's mistake, not a server error.
    const invalidInput = err instanceof ZodError;
    let status =
      err instanceof AppError ? HTTP_STATUS[err.code] : invalidInput ? 400 : ((err as { statusCode?: number }).statusCode ?? 500);
    let message = err instanceof AppError ? err.message : 'Der skete en uventet fejl. Prøv igen, eller kontakt din administrator.';
    if (!(err instanceof AppError) && status === 413) message = 'Filen eller formularen er for stor.';
    else if (!(err instanceof AppError) && status >= 400 && status < 500) message = 'Forespørgslen kunne ikke læses.';
    if (status >= 500) {
      status = 500;
      req.log.error(err);
      if (!deps.config.logLevel) console.error(err);
    }
    reply.status(status);
    if (wantsJson) return reply.send({ error: err instanceof AppError ? err.code : 'ERROR', message });
    return reply.type('text/html; charset=utf-8').send(errorPage(status, message, req.actor, req.csrfToken));
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(errorPage(404, 'Siden findes ikke.', req.actor, req.csrfToken));
  });

  // The route table, so tests can call every route (e.g. the route × role × tenant matrix).
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeTable.push({ method: m, url: r.url });
  });

  app.get('/health', async () => ({ ok: true })); // kept for existing checks; /healthz and /readyz are the probes
  await registerRoutes(app, deps, opts.sections);
  return app;
}
