/** Sign-in with an OpenID Connect provider (NemLog-in or the organisation's own), beside local accounts. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { finishSignIn, PENDING_MINUTES, startSignIn } from '../../app/oidc/sign-in.ts';
import { endSession } from '../../app/sessions.ts';
import { loginPage } from '../../web/pages/login.ts';
import type { AppDeps } from '../../core/deps.ts';
import { cookieOptions, csrfFor, SESSION_COOKIE } from '../security.ts';

export const OIDC_COOKIE = 'fremdrift_oidc';
const safeNext = (n?: string) => (n && /^\/(?!\/)[^\s\\]*$/.test(n) ? n : '/');

export function oidcRoutes(app: FastifyInstance, deps: AppDeps) {
  const settings = () => {
    const s = deps.config.oidc;
    if (!s) throw new AppError('NOT_FOUND', 'Login med en login-udbyder er ikke slået til.');
    return s;
  };

  app.get('/login/oidc', async (req, reply) => {
    const s = settings();
    const { cookie, url } = await startSignIn(deps, s, safeNext((req.query as { next?: string }).next));
    reply.setCookie(OIDC_COOKIE, cookie, { ...cookieOptions(deps), path: '/login/oidc', maxAge: PENDING_MINUTES * 60 });
    return reply.redirect(url, 303);
  });

  app.get('/login/oidc/callback', async (req, reply) => {
    const s = settings();
    const query = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
    reply.clearCookie(OIDC_COOKIE, { path: '/login/oidc' });
    try {
      const r = await finishSignIn(deps, s, req.cookies[OIDC_COOKIE], query, req.ip, deps.config.sessionIdleHours);
      if (req.sessionId) await endSession(deps, req.sessionId);
      reply.setCookie(SESSION_COOKIE, r.sessionId, { ...cookieOptions(deps), maxAge: 12 * 3600 });
      return reply.redirect(r.next, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reply.status(e.code === 'FORBIDDEN' ? 403 : 400);
      return reply
        .type('text/html; charset=utf-8')
        .send(loginPage({ csrf: csrfFor(req, reply, deps), next: '/', demo: deps.config.demo, oidc: true, error: e.message }));
    }
  });
}
