/** Shared bits of the steering routes: the project query parameter, HTML replies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

const ProjectQuery = z.object({ projekt: z.coerce.number().int().positive().optional().catch(undefined) });
const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const projectIdOf = (req: FastifyRequest) => ProjectQuery.parse(req.query ?? {}).projekt;
export const idOf = (req: FastifyRequest) => IdParams.parse(req.params).id;
export const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body);
export const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
