/** /styring/moeder: steering group and committee meetings — plan, agenda, minutes, actions, print views (everyone who steers reads; the project leader edits). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chooseProject, requireProjectLeader, type ProjectChoice } from '../../../app/steering/access.ts';
import { deletePoint, draftAgendaFromSteering, movePoint, savePoint } from '../../../app/steering/meetings/agenda.ts';
import { loadMeeting, loadMeetingPart, loadMeetingPlan, type MeetingView } from '../../../app/steering/meetings/load-meetings.ts';
import { deleteAction, saveAction } from '../../../app/steering/meetings/meeting-actions.ts';
import { deleteMeeting, saveMeeting, saveMeetingSetting } from '../../../app/steering/meetings/save-meeting.ts';
import { loadSteeringData } from '../../../app/steering/steering-data.ts';
import { meetingPdf } from '../../../reports/meeting-pdf.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppDeps } from '../../../core/deps.ts';
import type { SaveOutcome } from '../../../app/form.ts';
import type { Db } from '../../../db/door.ts';
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
const PartParams = z.object({ id: Id, nr: Id });
const NOTICES: Record<string, string> = {
  moede: 'Mødet er gemt.',
  punkt: 'Punktet er gemt.',
  handling: 'Handlingen er gemt.',
  slettet: 'Det er slettet. Indholdet står i loggen.',
  hentet: 'Punkterne fra overblikket er tilføjet sidst på dagsordenen.',
  'hentet-ingen': 'Dagsordenen har allerede alle punkter fra overblikket. Intet er tilføjet.',
};

type Ctx = { actor: Actor; choice: ProjectChoice };
const ctxOf = async (deps: AppDeps, req: FastifyRequest): Promise<Ctx> => {
  const actor = requireActor(req);
  return { actor, choice: await chooseProject(deps.db, actor, projectIdOf(req)) };
};
const leaderOf = async (deps: AppDeps, req: FastifyRequest) => {
  const c = await ctxOf(deps, req);
  requireProjectLeader(c.actor);
  return c;
};
const meetingOf = (req: FastifyRequest) => paramsOf(MeetingParams, req, 'Mødet').id;
const toMeeting = (reply: FastifyReply, c: Ctx, id: number, notice: string) =>
  reply.redirect(withProject(`/styring/moeder/${id}?gemt=${notice}`, c.choice.project.id), 303);
/** "Are you sure?" for `what`, posting to `base` + `target` and going back to `base`. */
const deletePage = (req: FastifyRequest, reply: FastifyReply, c: Ctx, what: string, base: string, target: string) =>
  sendHtml(
    reply,
    meetingDeletePage(
      c.actor,
      req.csrfToken!,
      c.choice,
      what,
      withProject(`${base}${target}`, c.choice.project.id),
      withProject(base, c.choice.project.id),
    ),
  );

/** An agenda point or a follow-up action: a part of one meeting, with the same routes to add, correct and delete it. */
interface MeetingPart<K extends 'points' | 'actions'> {
  part: K;
  /** Its addresses below the meeting's, and the notice shown on the meeting when it is saved. */
  path: string;
  notice: string;
  blank: Record<string, string>;
  values: (item: MeetingView[K][number]) => Record<string, string>;
  /** The text of its "are you sure?" page. */
  named: (item: MeetingView[K][number]) => string;
  save: (db: Db, actor: Actor, projectId: number, meetingId: number, form: Record<string, unknown>, id?: number) => Promise<SaveOutcome>;
  remove: (db: Db, actor: Actor, projectId: number, meetingId: number, id: number) => Promise<void>;
  page: (actor: Actor, csrf: string, choice: ProjectChoice, v: MeetingView, s: FormState, id?: number) => string;
}

const POINTS: MeetingPart<'points'> = {
  part: 'points',
  path: 'punkter',
  notice: 'punkt',
  blank: {},
  values: pointValues,
  named: (p) => `punktet «${p.title}» med referat og beslutning`,
  save: savePoint,
  remove: deletePoint,
  page: pointFormPage,
};
const ACTIONS: MeetingPart<'actions'> = {
  part: 'actions',
  path: 'handlinger',
  notice: 'handling',
  blank: { status: 'aaben' },
  values: actionValues,
  named: (a) => `handlingen «${a.description}»`,
  save: saveAction,
  remove: deleteAction,
  page: actionFormPage,
};

// Long because it is one route table: the routes of the steering meetings (meeting, settings,
// print views), each a GET/POST pair, registered one after another; the agenda points and actions
// share theirs (meetingPartRoutes). Each handler is its own function, kept short by
// test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export function meetingRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctx = (req: FastifyRequest) => ctxOf(deps, req);
  const leader = (req: FastifyRequest) => leaderOf(deps, req);

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
    const what = `mødet «${v.meeting.title}» ${formatDate(v.meeting.heldOn)} med dagsorden, referat og ${v.actions.length} handlinger`;
    return deletePage(req, reply, c, what, `/styring/moeder/${v.meeting.id}`, '/slet');
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

  // Agenda points with their minutes and decision, moved up and down; follow-up actions.
  meetingPartRoutes(app, deps, POINTS);
  app.post('/styring/moeder/:id/punkter/:nr/flyt', async (req, reply) => {
    const c = await leader(req);
    const { id, nr } = paramsOf(PartParams, req, 'Punktet');
    await movePoint(deps.db, c.actor, c.choice.project.id, id, nr, bodyOf(req).retning === 'op' ? 'op' : 'ned');
    return reply.redirect(withProject(`/styring/moeder/${id}`, c.choice.project.id), 303);
  });
  meetingPartRoutes(app, deps, ACTIONS);
}

/** Add, correct and delete one part of a meeting (an agenda point or a follow-up action): six routes below the meeting's. */
function meetingPartRoutes<K extends 'points' | 'actions'>(app: FastifyInstance, deps: AppDeps, part: MeetingPart<K>) {
  const what = part.part === 'points' ? 'Punktet' : 'Handlingen';
  const form = (req: FastifyRequest, reply: FastifyReply, c: Ctx, meetingId: number, s: FormState, id?: number, status = 200) =>
    loadMeeting(deps.db, c.actor, c.choice.project.id, meetingId).then((v) =>
      sendHtml(reply, part.page(c.actor, req.csrfToken!, c.choice, v, s, id), status),
    );
  const load = (c: Ctx, id: number, nr: number) => loadMeetingPart(deps.db, c.actor, c.choice.project.id, id, part.part, nr);

  app.get(`/styring/moeder/:id/${part.path}/ny`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    return form(req, reply, c, meetingOf(req), emptyState(part.blank));
  });
  app.post(`/styring/moeder/:id/${part.path}/ny`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    const id = meetingOf(req);
    const r = await part.save(deps.db, c.actor, c.choice.project.id, id, bodyOf(req));
    if (r.status === 'ok') return toMeeting(reply, c, id, part.notice);
    return form(req, reply, c, id, { values: r.values, errors: r.errors }, undefined, 400);
  });
  app.get(`/styring/moeder/:id/${part.path}/:nr`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    const { id, nr } = paramsOf(PartParams, req, what);
    const { view, item } = await load(c, id, nr);
    return sendHtml(reply, part.page(c.actor, req.csrfToken!, c.choice, view, emptyState(part.values(item)), item.id));
  });
  app.post(`/styring/moeder/:id/${part.path}/:nr`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    const { id, nr } = paramsOf(PartParams, req, what);
    const r = await part.save(deps.db, c.actor, c.choice.project.id, id, bodyOf(req), nr);
    if (r.status === 'ok') return toMeeting(reply, c, id, part.notice);
    return form(req, reply, c, id, { values: r.values, errors: r.errors }, nr, 400);
  });
  app.get(`/styring/moeder/:id/${part.path}/:nr/slet`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    const { id, nr } = paramsOf(PartParams, req, what);
    const { item } = await load(c, id, nr);
    return deletePage(req, reply, c, part.named(item), `/styring/moeder/${id}`, `/${part.path}/${nr}/slet`);
  });
  app.post(`/styring/moeder/:id/${part.path}/:nr/slet`, async (req, reply) => {
    const c = await leaderOf(deps, req);
    const { id, nr } = paramsOf(PartParams, req, what);
    await part.remove(deps.db, c.actor, c.choice.project.id, id, nr);
    return toMeeting(reply, c, id, 'slettet');
  });
}
