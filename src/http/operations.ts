/**
 * What a load balancer and the operations team need from every instance:
 *  - `GET /healthz`: the process is alive (no database call);
 *  - `GET /readyz`: the database answers and every migration this code knows is applied, and the
 *    instance is not draining (SIGTERM): 503 otherwise, so the balancer sends requests elsewhere;
 *  - `GET /metrics`: Prometheus text (prom-client), only with `Authorization: Bearer <METRICS_TOKEN>`;
 *    without a token configured the route answers 404;
 *  - a request id on every response (`X-Request-Id`, also in every log line).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { migrationsBehind } from '../app/readiness.ts';
import { telemetryOf } from '../core/telemetry.ts';
import type { AppDeps } from '../core/deps.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set on SIGTERM: /readyz answers 503 while in-flight requests finish. */
    draining: boolean;
  }
}

function bearerMatches(header: string | undefined, token: string) {
  const sent = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return sent.length === want.length && timingSafeEqual(sent, want);
}

export function registerOperations(app: FastifyInstance, deps: AppDeps) {
  app.decorate('draining', false);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(ingen rute)';
    telemetryOf(deps.resources).httpDuration.observe(
      { route, method: req.method, status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', async (_req, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (app.draining) return reply.status(503).send({ status: 'draining' });
    try {
      const pending = await migrationsBehind(deps);
      if (pending.length) return reply.status(503).send({ status: 'migrations-pending', pending });
      return reply.send({ status: 'ready' });
    } catch {
      return reply.status(503).send({ status: 'database-unreachable' });
    }
  });

  app.get('/metrics', async (req, reply) => {
    const token = deps.config.metricsToken;
    if (!token) return reply.callNotFound();
    if (!bearerMatches(req.headers.authorization, token)) {
      return reply
        .status(401)
        .header('WWW-Authenticate', 'Bearer')
        .type('text/plain; charset=utf-8')
        .send('Mangler gyldig adgangsnøgle.\n');
    }
    const telemetry = telemetryOf(deps.resources);
    return reply.type(telemetry.contentType).send(await telemetry.metrics(deps.db));
  });
}
