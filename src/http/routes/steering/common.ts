/** Shared bits of the steering routes: the project and month query parameters, path parameters, HTML replies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { chooseProject, type ProjectChoice } from '../../../app/steering/access.ts';
import type { FormData, SaveOutcome } from '../../../app/form.ts';
import type { FormState } from '../../../web/pages/casework/form.ts';
import { withProject } from '../../../web/pages/steering/frame.ts';
import { requireActor } from '../../security.ts';

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

/**
 * A steering form posted for the chosen project (`?projekt=`): saved → `savedAt` of that project;
 * refused → the page again, drawn by `refused` with what was typed (400).
 */
export async function postForProject(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  save: (db: AppDeps['db'], actor: Actor, projectId: number, form: FormData) => Promise<SaveOutcome>,
  savedAt: string,
  refused: (actor: Actor, choice: ProjectChoice, state: FormState) => Promise<string>,
) {
  const actor = requireActor(req);
  const choice = await chooseProject(deps.db, actor, projectIdOf(req));
  const r = await save(deps.db, actor, choice.project.id, bodyOf(req));
  if (r.status === 'ok') return reply.redirect(withProject(savedAt, choice.project.id), 303);
  return sendHtml(reply, await refused(actor, choice, { values: r.values, errors: r.errors }), 400);
}
