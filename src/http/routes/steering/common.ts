/** Shared bits of the steering routes: the project query parameter, path parameters, HTML replies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';

const ProjectQuery = z.object({ projekt: z.coerce.number().int().positive().optional().catch(undefined) });
const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const projectIdOf = (req: FastifyRequest) => ProjectQuery.parse(req.query ?? {}).projekt;

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
