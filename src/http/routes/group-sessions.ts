/**
 * Group sessions (issue 14 build 3): /grupper (list, new), /grupper/:id (page, correct, attendance,
 * cancel, undo). Caseworkers and project leaders of a jobcentre.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import {
  cancelSession,
  getSessionPage,
  listSessions,
  recordAttendance,
  saveSession,
  sessionProjects,
} from '../../app/group-sessions/group-sessions.ts';
import { todayInDenmark } from '../../app/casework/today.ts';
import { requirePersonalDataActor } from './participants.ts';
import { sessionFormPage, sessionListPage, sessionPage, type SessionPageForms } from '../../web/pages/group-sessions/group-sessions.ts';
import { dateInput, emptyState, valuesOf } from '../../web/pages/casework/form.ts';
import { sendHtml } from './casework/respond.ts';
import type { SaveResult } from '../../app/form.ts';

type Id = { Params: { id: string }; Querystring: { gemt?: string }; Body: Record<string, unknown> };

const SAVED: Record<string, string> = {
  oprettet: 'Mødet er oprettet.',
  serie: 'Møderne i serien er oprettet.',
  gemt: 'Ændringerne er gemt.',
  'serie-rettet': 'Ændringerne er gemt for hele serien. Hvert møde beholder sin dato.',
  fremmoede: 'Fremmødet er gemt.',
  aflyst: 'Mødet er aflyst.',
  genoptaget: 'Mødet er genoptaget.',
};

// Long because it is one route table: the 9 routes of the group sessions (series, one session,
// attendance, cancel/resume), registered one after another. Each handler is its own function, kept
// short by test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export function groupSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const show = async (reply: FastifyReply, actor: Actor, csrf: string, id: string, forms: SessionPageForms = {}, status = 200) => {
    const d = await getSessionPage(deps.db, actor, id);
    if (!d) throw notFound('Mødet');
    return sendHtml(reply, sessionPage(actor, csrf, d, forms), status);
  };
  /** A form posted on a session's page (attendance, cancelling): saved → the page with a notice; refused → the page with `form`'s errors. */
  const postOnSession = async (
    req: FastifyRequest<Id>,
    reply: FastifyReply,
    save: (db: AppDeps['db'], actor: Actor, id: string, body: Record<string, unknown>) => Promise<SaveResult<unknown>>,
    saved: string,
    form: 'attendance' | 'cancel',
  ) => {
    const actor = requirePersonalDataActor(req);
    const r = await save(deps.db, actor, req.params.id, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/grupper/${req.params.id}?gemt=${saved}`, 303);
    if (r.status === 'invalid')
      return show(reply, actor, req.csrfToken!, req.params.id, { [form]: { values: valuesOf(req.body), errors: r.errors } }, 400);
    throw notFound('Mødet');
  };

  app.get<{ Querystring: { gemt?: string } }>('/grupper', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(
      reply,
      sessionListPage(actor, req.csrfToken!, await listSessions(deps.db, actor), todayInDenmark(), SAVED[req.query?.gemt ?? '']),
    );
  });
  app.get('/grupper/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(
      reply,
      sessionFormPage(actor, req.csrfToken!, emptyState({ heldOn: dateInput(todayInDenmark()) }), await sessionProjects(deps.db, actor)),
    );
  });
  app.post<Id>('/grupper/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveSession(deps.db, actor, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/grupper/${r.id}?gemt=${valuesOf(req.body).repeatWeeks ? 'serie' : 'oprettet'}`, 303);
    if (r.status === 'invalid')
      return sendHtml(
        reply,
        sessionFormPage(actor, req.csrfToken!, { values: valuesOf(req.body), errors: r.errors }, await sessionProjects(deps.db, actor)),
        400,
      );
    throw notFound('Mødet');
  });
  app.get<Id>('/grupper/:id', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return show(reply, actor, req.csrfToken!, req.params.id, { saved: SAVED[req.query?.gemt ?? ''] });
  });
  app.get<Id>('/grupper/:id/ret', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const d = await getSessionPage(deps.db, actor, req.params.id);
    if (!d) throw notFound('Mødet');
    const s = d.session;
    const values = {
      kind: s.kind,
      title: s.title ?? '',
      projectId: String(s.projectId),
      heldOn: dateInput(s.heldOn),
      startsAt: s.startsAt.replace(':', '.'),
      endsAt: s.endsAt.replace(':', '.'),
      place: s.place,
      languages: s.languages.join(', '),
      note: s.note ?? '',
      scope: s.seriesId ? 'kun_denne' : '',
    };
    return sendHtml(reply, sessionFormPage(actor, req.csrfToken!, emptyState(values), await sessionProjects(deps.db, actor, true), s));
  });
  app.post<Id>('/grupper/:id/ret', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveSession(deps.db, actor, req.body ?? {}, req.params.id);
    if (r.status === 'ok')
      return reply.redirect(`/grupper/${r.id}?gemt=${valuesOf(req.body).scope === 'hele_serien' ? 'serie-rettet' : 'gemt'}`, 303);
    if (r.status !== 'invalid') throw notFound('Mødet');
    const d = await getSessionPage(deps.db, actor, req.params.id);
    if (!d) throw notFound('Mødet');
    return sendHtml(
      reply,
      sessionFormPage(
        actor,
        req.csrfToken!,
        { values: valuesOf(req.body), errors: r.errors },
        await sessionProjects(deps.db, actor, true),
        d.session,
      ),
      400,
    );
  });
  app.post<Id>('/grupper/:id/fremmoede', (req, reply) => postOnSession(req, reply, recordAttendance, 'fremmoede', 'attendance'));
  app.post<Id>('/grupper/:id/aflys', (req, reply) => postOnSession(req, reply, cancelSession, 'aflyst', 'cancel'));
  app.post<Id>('/grupper/:id/genoptag', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await cancelSession(deps.db, actor, req.params.id, {}, true);
    if (r.status === 'ok') return reply.redirect(`/grupper/${req.params.id}?gemt=genoptaget`, 303);
    throw notFound('Mødet');
  });
}
