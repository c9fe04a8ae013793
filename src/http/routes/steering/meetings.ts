/** /styring/moeder: steering group and committee meetings — plan, agenda, minutes, actions, print views (everyone who steers reads; the project leader edits). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chooseProject, requireProjectLeader, type ProjectChoice } from '../../../app/steering/access.ts';
import { deletePoint, draftAgendaFromSteering, movePoint, savePoint } from '../../../app/steering/meetings/agenda.ts';
import { loadMeeting, loadMeetingAction, loadMeetingPlan, loadMeetingPoint } from '../../../app/steering/meetings/load-meetings.ts';
import { deleteAction, saveAction } from '../../../app/steering/meetings/meeting-actions.ts';
import { deleteMeeting, saveMeeting, saveMeetingSetting } from '../../../app/steering/meetings/save-meeting.ts';
import { loadSteeringData } from '../../../app/steering/steering-data.ts';
import { meetingPdf } from '../../../reports/meeting-pdf.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { formatDate } from '../../../core/format.ts';
import { emptyState, type FormState } from '../../../web/pages/casework/form.ts';
import { withProject } from '../../../web/pages/steering/frame.ts';
import {
  actionFormPage,
  actionValues,
  meetingPage,
  meetingPrintPage,
  pointFormPage,
  pointValues,
} from '../../../web/pages/steering/meeting.ts';
import { meetingDeletePage, meetingFormPage, meetingsPage, meetingValues } from '../../../web/pages/steering/meetings.ts';
import { requireActor } from '../../security.ts';
import { bodyOf, paramsOf, projectIdOf, sendHtml } from './common.ts';
import { monthsOf } from './dashboard.ts';

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const MeetingParams = z.object({ id: Id });
const PointParams = z.object({ id: Id, punkt: Id });
const ActionParams = z.object({ id: Id, handling: Id });
const NOTICES: Record<string, string> = {
  moede: 'Mødet er gemt.',
  punkt: 'Punktet er gemt.',
  handling: 'Handlingen er gemt.',
  slettet: 'Det er slettet. Indholdet står i loggen.',
  hentet: 'Punkterne fra overblikket er tilføjet sidst på dagsordenen.',
  'hentet-ingen': 'Dagsordenen har allerede alle punkter fra overblikket. Intet er tilføjet.',
};

// Long because it is one route table: the 25 routes of the steering meetings (meeting, agenda points,
// actions, settings), each a GET/POST pair, registered one after another. Each handler is its own
// function, kept short by test/route-handlers.test.ts; one list per page keeps its addresses in one
// place.
export function meetingRoutes(app: FastifyInstance, deps: AppDeps) {
  type Ctx = { actor: Actor; choice: ProjectChoice };
  const ctx = async (req: FastifyRequest): Promise<Ctx> => {
    const actor = requireActor(req);
    return { actor, choice: await chooseProject(deps.db, actor, projectIdOf(req)) };
  };
  const leader = async (req: FastifyRequest) => {
    const c = await ctx(req);
    requireProjectLeader(c.actor);
    return c;
  };
  const meetingOf = (req: FastifyRequest) => paramsOf(MeetingParams, req, 'Mødet').id;
  const toMeeting = (reply: FastifyReply, c: Ctx, id: number, notice: string) =>
    reply.redirect(withProject(`/styring/moeder/${id}?gemt=${notice}`, c.choice.project.id), 303);

  // The plan and the yearly number.
  app.get('/styring/moeder', async (req, reply) => {
    const c = await ctx(req);
    const plan = await loadMeetingPlan(deps.db, c.actor, c.choice);
    const saved = (req.query as Record<string, string> | undefined)?.gemt === '1';
    return sendHtml(
      reply,
      meetingsPage(c.actor, req.csrfToken!, c.choice, plan, emptyState({ meetingsPerYear: String(plan.perYear) }), saved),
    );
  });
  app.post('/styring/moeder/antal', async (req, reply) => {
    const c = await leader(req);
    const r = await saveMeetingSetting(deps.db, c.actor, c.choice.project.id, bodyOf(req));
    if (r.status === 'ok') return reply.redirect(withProject('/styring/moeder?gemt=1', c.choice.project.id), 303);
    const plan = await loadMeetingPlan(deps.db, c.actor, c.choice);
    return sendHtml(reply, meetingsPage(c.actor, req.csrfToken!, c.choice, plan, { values: r.values, errors: r.errors }), 400);
  });

  // A meeting: plan, change, delete.
  app.get('/styring/moeder/ny', async (req, reply) => {
    const c = await leader(req);
    return sendHtml(reply, meetingFormPage(c.actor, req.csrfToken!, c.choice, emptyState({ kind: 'styregruppe' })));
  });
  app.post('/styring/moeder/ny', async (req, reply) => {
    const c = await leader(req);
    const r = await saveMeeting(deps.db, c.actor, c.choice.project.id, bodyOf(req));
    if (r.status === 'ok') return toMeeting(reply, c, r.id, 'moede');
    return sendHtml(reply, meetingFormPage(c.actor, req.csrfToken!, c.choice, { values: r.values, errors: r.errors }), 400);
  });
  app.get('/styring/moeder/:id', async (req, reply) => {
    const c = await ctx(req);
    const v = await loadMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
    const notice = NOTICES[String((req.query as Record<string, string> | undefined)?.gemt ?? '')];
    return sendHtml(reply, meetingPage(c.actor, req.csrfToken!, c.choice, v, notice));
  });
  app.get('/styring/moeder/:id/ret', async (req, reply) => {
    const c = await leader(req);
    const v = await loadMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
    return sendHtml(reply, meetingFormPage(c.actor, req.csrfToken!, c.choice, emptyState(meetingValues(v.meeting)), v.meeting.id));
  });
  app.post('/styring/moeder/:id/ret', async (req, reply) => {
    const c = await leader(req);
    const id = meetingOf(req);
    const r = await saveMeeting(deps.db, c.actor, c.choice.project.id, bodyOf(req), id);
    if (r.status === 'ok') return toMeeting(reply, c, id, 'moede');
    return sendHtml(reply, meetingFormPage(c.actor, req.csrfToken!, c.choice, { values: r.values, errors: r.errors }, id), 400);
  });
  app.get('/styring/moeder/:id/slet', async (req, reply) => {
    const c = await leader(req);
    const v = await loadMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
    const base = `/styring/moeder/${v.meeting.id}`;
    const what = `mødet «${v.meeting.title}» ${formatDate(v.meeting.heldOn)} med dagsorden, referat og ${v.actions.length} handlinger`;
    return sendHtml(
      reply,
      meetingDeletePage(
        c.actor,
        req.csrfToken!,
        c.choice,
        what,
        withProject(`${base}/slet`, c.choice.project.id),
        withProject(base, c.choice.project.id),
      ),
    );
  });
  app.post('/styring/moeder/:id/slet', async (req, reply) => {
    const c = await leader(req);
    await deleteMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
    return reply.redirect(withProject('/styring/moeder', c.choice.project.id), 303);
  });

  // Print views of agenda and minutes.
  for (const what of ['dagsorden', 'referat'] as const) {
    app.get(`/styring/moeder/:id/${what}`, async (req, reply) => {
      const c = await ctx(req);
      const v = await loadMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
      return sendHtml(reply, meetingPrintPage(c.actor, req.csrfToken!, c.choice, v, what));
    });
    app.get(`/styring/moeder/:id/${what}.pdf`, async (req, reply) => {
      const c = await ctx(req);
      const v = await loadMeeting(deps.db, c.actor, c.choice.project.id, meetingOf(req));
      const pdf = await meetingPdf({ ...v, projectName: c.choice.project.name }, what);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${what}-${v.meeting.heldOn}.pdf"`)
        .send(pdf);
    });
  }

  // The agenda drawn from Styring (unsuppressed figures: the meeting is the municipality's own).
  app.post('/styring/moeder/:id/hent-punkter', async (req, reply) => {
    const c = await leader(req);
    const id = meetingOf(req);
    await loadMeeting(deps.db, c.actor, c.choice.project.id, id);
    const d = await loadSteeringData(deps, c.actor, c.choice.project.id, await monthsOf(req, deps), { suppress: false });
    const added = await draftAgendaFromSteering(deps.db, c.actor, d, id);
    return toMeeting(reply, c, id, added > 0 ? 'hentet' : 'hentet-ingen');
  });

  // Agenda points with their minutes and decision.
  const pointForm = (req: FastifyRequest, reply: FastifyReply, c: Ctx, meetingId: number, s: FormState, pointId?: number, status = 200) =>
    loadMeeting(deps.db, c.actor, c.choice.project.id, meetingId).then((v) =>
      sendHtml(reply, pointFormPage(c.actor, req.csrfToken!, c.choice, v, s, pointId), status),
    );
  app.get('/styring/moeder/:id/punkter/ny', async (req, reply) => {
    const c = await leader(req);
    return pointForm(req, reply, c, meetingOf(req), emptyState());
  });
  app.post('/styring/moeder/:id/punkter/ny', async (req, reply) => {
    const c = await leader(req);
    const id = meetingOf(req);
    const r = await savePoint(deps.db, c.actor, c.choice.project.id, id, bodyOf(req));
    if (r.status === 'ok') return toMeeting(reply, c, id, 'punkt');
    return pointForm(req, reply, c, id, { values: r.values, errors: r.errors }, undefined, 400);
  });
  app.get('/styring/moeder/:id/punkter/:punkt', async (req, reply) => {
    const c = await leader(req);
    const { id, punkt } = paramsOf(PointParams, req, 'Punktet');
    const { view, point } = await loadMeetingPoint(deps.db, c.actor, c.choice.project.id, id, punkt);
    return sendHtml(reply, pointFormPage(c.actor, req.csrfToken!, c.choice, view, emptyState(pointValues(point)), point.id));
  });
  app.post('/styring/moeder/:id/punkter/:punkt', async (req, reply) => {
    const c = await leader(req);
    const { id, punkt } = paramsOf(PointParams, req, 'Punktet');
    const r = await savePoint(deps.db, c.actor, c.choice.project.id, id, bodyOf(req), punkt);
    if (r.status === 'ok') return toMeeting(reply, c, id, 'punkt');
    return pointForm(req, reply, c, id, { values: r.values, errors: r.errors }, punkt, 400);
  });
  app.post('/styring/moeder/:id/punkter/:punkt/flyt', async (req, reply) => {
    const c = await leader(req);
    const { id, punkt } = paramsOf(PointParams, req, 'Punktet');
    await movePoint(deps.db, c.actor, c.choice.project.id, id, punkt, bodyOf(req).retning === 'op' ? 'op' : 'ned');
    return reply.redirect(withProject(`/styring/moeder/${id}`, c.choice.project.id), 303);
  });
  app.get('/styring/moeder/:id/punkter/:punkt/slet', async (req, reply) => {
    const c = await leader(req);
    const { id, punkt } = paramsOf(PointParams, req, 'Punktet');
    const { point } = await loadMeetingPoint(deps.db, c.actor, c.choice.project.id, id, punkt);
    const base = `/styring/moeder/${id}`;
    return sendHtml(
      reply,
      meetingDeletePage(
        c.actor,
        req.csrfToken!,
        c.choice,
        `punktet «${point.title}» med referat og beslutning`,
        withProject(`${base}/punkter/${punkt}/slet`, c.choice.project.id),
        withProject(base, c.choice.project.id),
      ),
    );
  });
  app.post('/styring/moeder/:id/punkter/:punkt/slet', async (req, reply) => {
    const c = await leader(req);
    const { id, punkt } = paramsOf(PointParams, req, 'Punktet');
    await deletePoint(deps.db, c.actor, c.choice.project.id, id, punkt);
    return toMeeting(reply, c, id, 'slettet');
  });

  // Follow-up actions.
  const actionForm = (req: FastifyRequest, reply: FastifyReply, c: Ctx, meetingId: number, s: FormState, actionId?: number, status = 200) =>
    loadMeeting(deps.db, c.actor, c.choice.project.id, meetingId).then((v) =>
      sendHtml(reply, actionFormPage(c.actor, req.csrfToken!, c.choice, v, s, actionId), status),
    );
  app.get('/styring/moeder/:id/handlinger/ny', async (req, reply) => {
    const c = await leader(req);
    return actionForm(req, reply, c, meetingOf(req), emptyState({ status: 'aaben' }));
  });
  app.post('/styring/moeder/:id/handlinger/ny', async (req, reply) => {
    const c = await leader(req);
    const id = meetingOf(req);
    const r = await saveAction(deps.db, c.actor, c.choice.project.id, id, bodyOf(req));
    if (r.status === 'ok') return toMeeting(reply, c, id, 'handling');
    return actionForm(req, reply, c, id, { values: r.values, errors: r.errors }, undefined, 400);
  });
  app.get('/styring/moeder/:id/handlinger/:handling', async (req, reply) => {
    const c = await leader(req);
    const { id, handling } = paramsOf(ActionParams, req, 'Handlingen');
    const { view, action } = await loadMeetingAction(deps.db, c.actor, c.choice.project.id, id, handling);
    return sendHtml(reply, actionFormPage(c.actor, req.csrfToken!, c.choice, view, emptyState(actionValues(action)), action.id));
  });
  app.post('/styring/moeder/:id/handlinger/:handling', async (req, reply) => {
    const c = await leader(req);
    const { id, handling } = paramsOf(ActionParams, req, 'Handlingen');
    const r = await saveAction(deps.db, c.actor, c.choice.project.id, id, bodyOf(req), handling);
    if (r.status === 'ok') return toMeeting(reply, c, id, 'handling');
    return actionForm(req, reply, c, id, { values: r.values, errors: r.errors }, handling, 400);
  });
  app.get('/styring/moeder/:id/handlinger/:handling/slet', async (req, reply) => {
    const c = await leader(req);
    const { id, handling } = paramsOf(ActionParams, req, 'Handlingen');
    const { action } = await loadMeetingAction(deps.db, c.actor, c.choice.project.id, id, handling);
    const base = `/styring/moeder/${id}`;
    return sendHtml(
      reply,
      meetingDeletePage(
        c.actor,
        req.csrfToken!,
        c.choice,
        `handlingen «${action.description}»`,
        withProject(`${base}/handlinger/${handling}/slet`, c.choice.project.id),
        withProject(base, c.choice.project.id),
      ),
    );
  });
  app.post('/styring/moeder/:id/handlinger/:handling/slet', async (req, reply) => {
    const c = await leader(req);
    const { id, handling } = paramsOf(ActionParams, req, 'Handlingen');
    await deleteAction(deps.db, c.actor, c.choice.project.id, id, handling);
    return toMeeting(reply, c, id, 'slettet');
  });
}
