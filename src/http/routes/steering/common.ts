/** Shared bits of the steering routes: the project and month query parameters, path parameters, HTML replies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';

const ProjectQuery = z.object({ projekt: z.coerce.number().int().positive().optional().catch(undefined) });
const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const projectIdOf = (req: FastifyRequest) => ProjectQuery.parse(req.query ?? {}).projekt;

const MonthQuery = z.object({
  maaned: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .catch(undefined),
});
/** The month asked for as `?maaned=ÅÅÅÅ-MM`; undefined when it is left out or not a month. */
export const monthOf = (req: FastifyRequest) => MonthQuery.parse(req.query ?? {}).maaned;

/** Path parameters that do not fit the route are a page that does not exist (404), never a 500. */
export function paramsOf<T extends z.ZodType>(schema: T, req: FastifyRequest, what = 'Siden'): z.output<T> {
  const r = schema.safeParse(req.params);
  if (!r.success) throw notFound(what);
  return r.data;
}
export const idOf = (req: FastifyRequest) => paramsOf(IdParams, req).id;
export const sendHtml = (reply: FastifyReply, body: string, status = 200) =>
  reply.status(status).type('text/html; charset=utf-8').send(body);
export const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
