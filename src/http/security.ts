/** Security headers, CSRF tokens and the session cookie. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { resumeSession } from '../app/sessions.ts';
import type { Actor } from '../core/actor.ts';
import type { AppDeps } from '../core/deps.ts';
import { registerRateLimit } from './rate-limit.ts';
import { sharedRateBuckets } from '../app/security/rate-buckets.ts';
import { registerInputGuard } from './input-guard.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    csrfToken?: string;
  }
}

export const SESSION_COOKIE = 'fremdrift_sid';
export const PRE_COOKIE = 'fremdrift_pre';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function safeEqual(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieOptions(deps: AppDeps) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.cookieSecure };
}

/** The token a form must echo: the session's, or for the login form a pre-session cookie. */
export function csrfFor(req: FastifyRequest, reply: FastifyReply, deps: AppDeps): string {
  if (req.csrfToken) return req.csrfToken;
  let pre = req.cookies[PRE_COOKIE];
  if (!pre || !/^[A-Za-z0-9_-]{32}$/.test(pre)) {
    pre = randomBytes(24).toString('base64url');
    reply.setCookie(PRE_COOKIE, pre, cookieOptions(deps));
  }
  return pre;
}

/** The headers every response carries (also those answered before routing, see server.ts). */
export function setSecurityHeaders(reply: FastifyReply, deps: Pick<AppDeps, 'config'>) {
  reply.header('Content-Security-Policy', CSP);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (deps.config.cookieSecure) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
}

export function registerSecurity(app: FastifyInstance, deps: AppDeps) {
  registerRateLimit(app, deps.config.rateLimit, sharedRateBuckets(deps));
  app.addHook('onSend', async (_req, reply, payload) => {
    setSecurityHeaders(reply, deps);
    return payload;
  });

  // Resolve the session and the acting user on every request.
  app.addHook('preHandler', async (req) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (!sid) return;
    const s = await resumeSession(deps, sid, req.ip);
    if (!s) return;
    req.actor = s.actor;
    req.sessionId = sid;
    req.csrfToken = s.csrfToken;
  });

  // Control characters are refused (and the refusal audited) before any route touches data.
  registerInputGuard(app, deps);

  // Every state-changing request must carry the CSRF token (form field or header).
  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    // Form field, header, or (for multipart uploads, whose body is streamed later) the query.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const sent = String(body._csrf ?? req.headers['x-csrf-token'] ?? query._csrf ?? '');
    const expected = req.csrfToken ?? req.cookies[PRE_COOKIE] ?? '';
    if (!expected || !sent || !safeEqual(sent, expected)) {
      throw new AppError('FORBIDDEN', 'Formularen er udløbet eller ugyldig. Genindlæs siden og prøv igen.');
    }
  });
}

/** The acting user, or a redirect to the login page. */
export function requireActor(req: FastifyRequest) {
  if (!req.actor) throw new AppError('UNAUTHORIZED', 'Du skal logge ind.');
  return req.actor;
}
