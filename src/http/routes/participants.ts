/** Participant list and page: thin wrappers over the tenant-scoped repository. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { handlesPersonalData } from '../../core/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { getParticipant, listParticipants, SORTS } from '../../db/participants.ts';
import { participantListPage, participantPage } from '../../web/pages/participants.ts';
import type { AppDeps } from '../../core/deps.ts';
import { requireActor } from '../security.ts';
import { participantSections } from './participant-sections.ts';

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS]).catch('navn'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  side: z.coerce.number().int().min(1).max(100000).catch(1),
});

/** Only caseworkers and project leaders of a jobcentre work with identifiable citizens. */
export function requirePersonalDataActor(req: Parameters<typeof requireActor>[0]) {
  const actor = requireActor(req);
  if (!handlesPersonalData(actor)) throw forbidden();
  return actor;
}

export function participantRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/deltagere', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const q = ListQuery.parse(req.query ?? {});
    const opts = { search: q.q, sort: q.sort, dir: q.dir, page: q.side };
    const result = await listParticipants(deps.db, deps.vault, actor, opts);
    return reply.type('text/html; charset=utf-8').send(participantListPage(actor, req.csrfToken!, { ...result, opts }));
  });

  app.get<{ Params: { id: string } }>('/deltagere/:id', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const p = await getParticipant(deps.db, deps.vault, actor, req.params.id);
    if (!p) throw notFound('Deltageren');
    const sections = await participantSections(deps, actor, p, req.csrfToken!);
    return reply.type('text/html; charset=utf-8').send(participantPage(actor, req.csrfToken!, p, sections));
  });
}
