/** Local login with argon2id, server-side sessions, throttling of failed attempts, logout. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { login } from '../../app/login.ts';
import { endSession } from '../../app/sessions.ts';
import { loginPage } from '../../web/pages/login.ts';
import type { AppDeps } from '../../core/deps.ts';
import { cookieOptions, csrfFor, SESSION_COOKIE } from '../security.ts';

// No control characters: the user name is looked up in the database, which holds no NUL byte.
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v))
    .default('');
const LoginBody = z.object({ brugernavn: plain(100), adgangskode: plain(200), next: z.string().optional() });

/** Only local paths are followed after login (no open redirect). */
const safeNext = (n?: string) => (n && /^\/(?!\/)[^\s\\]*$/.test(n) ? n : '/');

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/login', async (req, reply) => {
    if (req.actor) return reply.redirect('/', 303);
    const next = safeNext((req.query as { next?: string }).next);
    return reply
      .type('text/html; charset=utf-8')
      .send(loginPage({ csrf: csrfFor(req, reply, deps), next, demo: deps.config.demo, oidc: !!deps.config.oidc }));
  });

  app.post('/login', async (req, reply) => {
    const body = LoginBody.parse(req.body ?? {});
    const next = safeNext(body.next);
    const result = await login(deps, { username: body.brugernavn.trim(), password: body.adgangskode, ip: req.ip });
    if (!result.ok) {
      reply.status(result.status);
      if (result.retryAfter) reply.header('Retry-After', String(result.retryAfter));
      return reply.type('text/html; charset=utf-8').send(
        loginPage({
          csrf: csrfFor(req, reply, deps),
          next,
          demo: deps.config.demo,
          oidc: !!deps.config.oidc,
          error: result.message,
          username: body.brugernavn,
        }),
      );
    }
    // A new session id at every login (no fixation); the old one, if any, is dropped.
    if (req.sessionId) await endSession(deps, req.sessionId);
    reply.setCookie(SESSION_COOKIE, result.sessionId, { ...cookieOptions(deps), maxAge: 12 * 3600 });
    return reply.redirect(next, 303);
  });

  app.post('/logout', async (req, reply) => {
    if (req.sessionId) await endSession(deps, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
}
