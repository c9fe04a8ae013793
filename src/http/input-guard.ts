/**
 * Control characters in a URL are refused before anything touches the database (issue 11,
 * finding 6): PostgreSQL text cannot hold a NUL byte, and no path segment or query parameter of
 * Fremdrift takes any C0 control character. Such a request answers 400 with a Danish page, and
 * the refusal is audited (route pattern and field names, never the values). Form bodies are left
 * to their forms, which refuse control characters with a Danish error beside the field and the
 * typed values kept (text pasted from a word processor can carry one); the fuzz tests hold every
 * form to that.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { recordRefusedRequest } from '../app/security/record-refused-request.ts';
import type { AppDeps } from '../core/deps.ts';

const IN_URL = /[\u0000-\u001f\u007f]/;

function scan(prefix: string, value: unknown, re: RegExp, out: string[]) {
  if (typeof value === 'string') {
    if (re.test(value)) out.push(prefix);
  } else if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'string' && re.test(v))) out.push(prefix);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) scan(prefix ? `${prefix}.${k}` : k, v, re, out);
  }
  if (re.test(prefix)) out.push('feltnavn');
}

/** The fields of a request that hold a control character (none: the request may go on). */
export function fieldsWithControlCharacters(req: Pick<FastifyRequest, 'url' | 'params' | 'query'>): string[] {
  const out: string[] = [];
  let path = req.url.split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    /* an undecodable path is answered by the router */
  }
  if (IN_URL.test(path) && !Object.keys((req.params ?? {}) as object).length) out.push('path');
  scan('params', req.params, IN_URL, out);
  scan('query', req.query, IN_URL, out);
  return [...new Set(out)];
}

export const CONTROL_CHARACTER_MESSAGE = 'Forespørgslen indeholder ugyldige tegn (styretegn). Ret teksten, og prøv igen.';

/** Runs after the session is known (so the refusal names who) and before any route touches data. */
export function registerInputGuard(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (req) => {
    const fields = fieldsWithControlCharacters(req);
    if (!fields.length) return;
    await recordRefusedRequest(deps.db, req.actor, req.ip, {
      method: req.method,
      route: req.routeOptions.url ?? null,
      fields,
      reason: 'styretegn',
    });
    throw new AppError('INVALID', CONTROL_CHARACTER_MESSAGE);
  });
}
