/**
 * Structured JSON logs (pino, through Fastify) that never carry personal data:
 *  - a request is logged by its id, method, route pattern (`/deltagere/:id`) and status — never
 *    its URL, query, body, cookies or address (the audit log records who did what);
 *  - error messages lose quoted input (`invalid input syntax …: "…"`);
 *  - every line passes a last scrub that replaces anything shaped like a CPR number (ten digits,
 *    with or without a separator, also URL-encoded) before it is written.
 * The request id comes from a valid `X-Request-Id` header (from the balancer) or is generated.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';

const CPR_SHAPED = /(?<!\d)\d{6}(?:[-/ +.]|%2[fF]|%20)?\d{4}(?!\d)/.source;
/** A CPR-shaped run anywhere in a text (no `g`: `test` keeps no state). */
const HAS_CPR = new RegExp(CPR_SHAPED);
/** A whole UUID (the generated request ids): about one in a hundred holds ten digits around its first hyphen. */
const UUID = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/.source;
// One pass: a UUID is consumed whole and kept, so no CPR-shaped run is looked for inside it.
const SCRUB = new RegExp(`(${UUID})|${CPR_SHAPED}`, 'g');

/** Replace CPR-shaped numbers in a log line, leaving whole UUIDs (request ids) alone. */
export function scrubLogLine(line: string): string {
  return line.replace(SCRUB, (match, uuid: string | undefined) => uuid ?? '[cpr]');
}

/** A destination that scrubs every line before writing it on. */
export function scrubbingStream(out: { write(s: string): unknown }) {
  return { write: (s: string) => out.write(scrubLogLine(s)) };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestId(req: IncomingMessage): string {
  const h = req.headers['x-request-id'];
  // A CPR-shaped run in the balancer's id is refused, so the UUIDs the scrub keeps whole are ours.
  return typeof h === 'string' && REQUEST_ID.test(h) && !HAS_CPR.test(h) ? h : randomUUID();
}

interface LoggedRequest {
  method: string;
  id: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(level: string | undefined, stream?: { write(s: string): unknown }): FastifyServerOptions['logger'] {
  if (!level) return false;
  return {
    level,
    stream: scrubbingStream(stream ?? process.stdout),
    base: { service: 'fremdrift' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: { paths: ['req.headers', 'req.body', 'req.query', 'req.url', 'req.remoteAddress'], remove: true },
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, route: req.routeOptions?.url ?? '(ingen rute)' }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string; statusCode?: number }) => ({
        type: err.name,
        code: err.code,
        statusCode: err.statusCode,
        message: String(err.message)
          .replace(/"[^"]*"/g, '"…"')
          .slice(0, 500),
        stack: (err.stack ?? '').split('\n').slice(1, 8).join('\n'),
      }),
    },
  };
}
