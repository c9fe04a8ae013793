/** Participant list and page: thin wrappers over the tenant-scoped repository. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { handlesPersonalData } from '../../core/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { findParticipants, PARTICIPANT_SORTS, viewParticipant } from '../../app/participants.ts';
import { participantListPage, participantPage, savedNoticeOf, type CameFrom } from '../../web/pages/participants.ts';
import type { AppDeps } from '../../core/deps.ts';
import { cookieOptions, requireActor } from '../security.ts';
import { participantSections, type SectionProvider } from './participant-sections.ts';
import { PARTICIPANT_SECTIONS, type CaseSectionKey } from '../../web/pages/participant-nav.ts';

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  sort: z.enum(PARTICIPANT_SORTS).catch('navn'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  side: z.coerce.number().int().min(1).max(100000).catch(1),
});

/** The list a caseworker last opened (Mine borgere or Deltagere): her page links back to it. */
const LIST_COOKIE = 'fremdrift_liste';
const cameFrom = (v: unknown): CameFrom | null => (v === 'mine-borgere' || v === 'deltagere' ? v : null);
export function rememberList(reply: FastifyReply, deps: AppDeps, list: CameFrom) {
  reply.setCookie(LIST_COOKIE, list, cookieOptions(deps));
}

/** Only caseworkers and project leaders of a jobcentre work with identifiable citizens. */
export function requirePersonalDataActor(req: Parameters<typeof requireActor>[0]) {
  const actor = requireActor(req);
  if (!handlesPersonalData(actor)) throw forbidden();
  return actor;
}

/** `sections`: the server's providers of her page's sections, built once in routes/index.ts. */
export function participantRoutes(app: FastifyInstance, deps: AppDeps, sections: readonly SectionProvider[]) {
  app.get('/deltagere', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const q = ListQuery.parse(req.query ?? {});
    const opts = { search: q.q, sort: q.sort, dir: q.dir, page: q.side };
    const result = await findParticipants(deps, actor, opts);
    rememberList(reply, deps, 'deltagere');
    return reply.type('text/html; charset=utf-8').send(participantListPage(actor, req.csrfToken!, { ...result, opts }));
  });

  // Her page: the overview at /deltagere/:id and each section at its own URL (Registerdata has its own route).
  for (const section of PARTICIPANT_SECTIONS) {
    if (section.key === 'register') continue;
    const key: CaseSectionKey = section.key;
    app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(`/deltagere/:id${section.path}`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      const p = await viewParticipant(deps, actor, req.params.id);
      if (!p) throw notFound('Deltageren');
      const parts = await participantSections(sections, deps, actor, p, req.csrfToken!, key);
      const query = req.query ?? {};
      const from = cameFrom(query.fra) ?? cameFrom(req.cookies[LIST_COOKIE]) ?? 'deltagere';
      return reply
        .type('text/html; charset=utf-8')
        .send(participantPage(actor, req.csrfToken!, p, parts, { from, saved: savedNoticeOf(query), section: key }));
    });
  }
}
