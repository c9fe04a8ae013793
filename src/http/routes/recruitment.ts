/** /kandidater: the gross group (candidate lists, import, adding by hand), outreach, and enrolment from a candidate. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { readFile } from 'node:fs/promises';
import type { Actor } from '../../core/actor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { AppDeps } from '../../core/deps.ts';
import {
  addCandidate,
  candidateOverview,
  correctOutreach,
  deleteOutreach,
  eraseCandidate,
  exportCandidate,
  getCandidateFile,
  getOutreachStep,
  logOutreach,
  recruitmentProject,
  saveCandidateRetention,
} from '../../app/recruitment/candidates.ts';
import { importCandidateList } from '../../app/recruitment/import-candidates.ts';
import { candidateEnrolment } from '../../app/recruitment/candidate-enrolment.ts';
import { enrolOptions } from '../../app/casework/enrol-participant.ts';
import { todayInDenmark } from '../../app/casework/today.ts';
import {
  candidateFormPage,
  candidateListPage,
  candidatePage,
  outreachCorrectionPage,
  outreachDeletePage,
  outreachValues,
  type ImportProblem,
} from '../../web/pages/recruitment/candidates.ts';
import { enrolFormPage } from '../../web/pages/casework/enrol-form.ts';
import { dateInput, emptyState, valuesOf, type FormState } from '../../web/pages/casework/form.ts';
import { discardUpload, multipartLimits, receiveUpload, type ReceivedUpload } from '../upload.ts';
import { requirePersonalDataActor } from './participants.ts';
import { cannotCorrect, sendHtml } from './casework/respond.ts';

type P = { Params: { id: string; oid?: string }; Querystring: { projekt?: string; gemt?: string }; Body: Record<string, unknown> };

const projectParam = (req: FastifyRequest) => {
  const v = (req.query as { projekt?: string } | undefined)?.projekt;
  return v && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
};

const NOTICES: Record<string, string> = {
  kandidat: 'Kandidaten er tilføjet.',
  opsoegning: 'Opsøgningen er gemt.',
  opsoegning_rettet: 'Opsøgningen er rettet.',
  opsoegning_slettet: 'Opsøgningen er slettet.',
  indstillinger: 'Perioden for sletning er gemt.',
  slettet: 'Kandidaten er slettet med hele sin opsøgning.',
};

// Long because it is one route table: the 14 routes of the recruitment pages (lists, candidates,
// outreach, settings), registered one after another. Each handler is its own function, kept short by
// test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export async function recruitmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const listHtml = async (actor: Actor, csrf: string, projectId: number | undefined, o: Parameters<typeof candidateListPage>[3] = {}) => {
    const m = await candidateOverview(deps, actor, projectId);
    if (!m) throw notFound('Projektet');
    return candidateListPage(actor, csrf, m, o);
  };

  app.get<P>('/kandidater', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const notice = req.query.gemt ? NOTICES[req.query.gemt] : undefined;
    return sendHtml(reply, await listHtml(actor, req.csrfToken!, projectParam(req), { notice }));
  });

  app.get<P>('/kandidater/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const { projects, project } = await recruitmentProject(deps.db, actor, projectParam(req));
    if (!project) throw notFound('Projektet');
    return sendHtml(reply, candidateFormPage(actor, req.csrfToken!, projects, emptyState({ projectId: String(project.id) })));
  });

  app.post<P>('/kandidater', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await addCandidate(deps, actor, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/kandidater/${r.id}?gemt=kandidat`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    const { projects } = await recruitmentProject(deps.db, actor);
    return sendHtml(reply, candidateFormPage(actor, req.csrfToken!, projects, { values: valuesOf(req.body), errors: r.errors }), 400);
  });

  app.post<P>('/kandidater/indstillinger', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveCandidateRetention(deps, actor, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/kandidater?projekt=${r.id}&gemt=indstillinger`, 303);
    if (r.status !== 'invalid') throw notFound('Projektet');
    const pid = Number(String(req.body?.projectId ?? ''));
    return sendHtml(
      reply,
      await listHtml(actor, req.csrfToken!, pid, { retention: { values: valuesOf(req.body), errors: r.errors } }),
      400,
    );
  });

  const candidateHtml = async (actor: Actor, csrf: string, id: string, s: FormState | null, notice?: string) => {
    const f = await getCandidateFile(deps, actor, id);
    if (!f) throw notFound('Kandidaten');
    return candidatePage(actor, csrf, f, s ?? emptyState({ occurredOn: dateInput(todayInDenmark()) }), { notice });
  };

  app.get<P>('/kandidater/:id', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const notice = req.query.gemt ? NOTICES[req.query.gemt] : undefined;
    return sendHtml(reply, await candidateHtml(actor, req.csrfToken!, req.params.id, null, notice));
  });

  app.post<P>('/kandidater/:id/opsoegning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await logOutreach(deps, actor, req.params.id, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/kandidater/${r.id}?gemt=opsoegning`, 303);
    if (r.status !== 'invalid') throw notFound('Kandidaten');
    return sendHtml(
      reply,
      await candidateHtml(actor, req.csrfToken!, req.params.id, { values: valuesOf(req.body), errors: r.errors }),
      400,
    );
  });

  // Correcting or deleting a logged outreach step, each with a reason (audited with before and after).
  const step = async (actor: Actor, id: string, oid: string) => {
    const st = await getOutreachStep(deps, actor, id, oid);
    if (!st) throw notFound('Opsøgningen');
    return st;
  };
  /** The correction or deletion form of a logged step (`page`), with `state`. */
  const stepForm = async (req: FastifyRequest<P>, reply: FastifyReply, page: typeof outreachDeletePage, state: FormState, status = 200) => {
    const actor = requirePersonalDataActor(req);
    const { candidate, step: o } = await step(actor, req.params.id, req.params.oid!);
    return sendHtml(reply, page(actor, req.csrfToken!, candidate, o, state), status);
  };
  /** A correction or deletion of a logged step posted from `page`: done → the candidate with `saved`; refused → `page` again. */
  const changeOutreach = async (
    req: FastifyRequest<P>,
    reply: FastifyReply,
    change: typeof correctOutreach,
    saved: string,
    page: typeof outreachDeletePage,
  ) => {
    const actor = requirePersonalDataActor(req);
    const r = await change(deps, actor, { candidateId: req.params.id, outreachId: req.params.oid! }, req.body ?? {});
    if (r.status === 'ok') return reply.redirect(`/kandidater/${r.id}?gemt=${saved}`, 303);
    if (r.status === 'forbidden') throw cannotCorrect();
    if (r.status !== 'invalid') throw notFound('Opsøgningen');
    return stepForm(req, reply, page, { values: valuesOf(req.body), errors: r.errors }, 400);
  };
  app.get<P>('/kandidater/:id/opsoegning/:oid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const { candidate, step: o } = await step(actor, req.params.id, req.params.oid!);
    return sendHtml(reply, outreachCorrectionPage(actor, req.csrfToken!, candidate, o, emptyState(outreachValues(o))));
  });
  app.post<P>('/kandidater/:id/opsoegning/:oid', (req, reply) =>
    changeOutreach(req, reply, correctOutreach, 'opsoegning_rettet', outreachCorrectionPage),
  );
  app.get<P>('/kandidater/:id/opsoegning/:oid/slet', (req, reply) => stepForm(req, reply, outreachDeletePage, emptyState()));
  app.post<P>('/kandidater/:id/opsoegning/:oid/slet', (req, reply) =>
    changeOutreach(req, reply, deleteOutreach, 'opsoegning_slettet', outreachDeletePage),
  );

  app.get<P>('/kandidater/:id/indsigt.json', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const data = await exportCandidate(deps, actor, req.params.id);
    if (!data) throw notFound('Kandidaten');
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="kandidat-indsigt-${req.params.id}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.post<P>('/kandidater/:id/slet', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await eraseCandidate(deps, actor, req.params.id);
    if (r.status === 'ok') return reply.redirect(`/kandidater?projekt=${r.id}&gemt=slettet`, 303);
    if (r.status === 'invalid') throw new AppError('CONFLICT', r.errors._form ?? 'Kandidaten kan ikke slettes.');
    throw notFound('Kandidaten');
  });

  // "Indskriv" from a candidate: the enrolment form pre-filled with what is known (the form posts to the ordinary enrolment).
  app.get<P>('/kandidater/:id/indskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const e = await candidateEnrolment(deps, actor, req.params.id);
    if (!e) throw notFound('Kandidaten');
    if (e.kind === 'enrolled') return reply.redirect(`/deltagere/${e.participantId}`, 303);
    if (e.kind === 'known')
      return reply.redirect(`/deltagere/${e.participantId}/indskriv?kandidat=${encodeURIComponent(req.params.id)}`, 303);
    const municipalities = actor.municipalities.map((code, i) => ({ code, name: actor.municipalityNames[i] ?? code }));
    const state = emptyState({
      enrolmentDate: dateInput(todayInDenmark()),
      caseworkerId: actor.role === 'sagsbehandler' ? String(actor.userId) : '',
      ...e.values,
    });
    return sendHtml(
      reply,
      enrolFormPage(actor, req.csrfToken!, state, {
        options: await enrolOptions(deps.db, actor),
        municipalities,
        mod11Warning: false,
        unmet: [],
      }),
    );
  });

  await app.register(async (scope) => {
    await scope.register(multipart, multipartLimits(deps.config.maxUploadBytes, 3));
    scope.post('/kandidater/import', async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      let upload: ReceivedUpload;
      const again = async (pid: number | undefined, problem: ImportProblem, status: number) =>
        sendHtml(reply, await listHtml(actor, req.csrfToken!, pid, { problem }), status);
      try {
        upload = await receiveUpload(req, { maxBytes: deps.config.maxUploadBytes, defaultName: 'kandidater.csv' });
      } catch (e) {
        if (e instanceof AppError && e.code === 'TOO_LARGE')
          return again(undefined, { message: e.message, errors: [], moreErrors: 0 }, 413);
        throw e;
      }
      try {
        const pid = /^\d{1,9}$/.test(upload.fields.projectId ?? '') ? Number(upload.fields.projectId) : undefined;
        const file = upload.file;
        if (!file || file.bytes === 0)
          return again(pid, { message: 'Intet er gemt. Vælg en fil, der ikke er tom.', errors: [], moreErrors: 0 }, 400);
        const r = await importCandidateList(
          deps,
          actor,
          pid ?? -1,
          { fileName: file.name, bytes: await readFile(file.path) },
          { skipBadRows: ['on', 'ja', 'true'].includes(upload.fields.skipBadRows ?? '') },
        );
        if (r.status === 'denied') throw notFound('Projektet');
        if (r.status === 'rejected') return again(pid, r, 400);
        const text = `${file.name} er indlæst: ${r.total} kvinder, heraf ${r.new} nye på listen.${r.skipped ? ` ${r.skipped} rækker med fejl er sprunget over.` : ''}`;
        return sendHtml(reply, await listHtml(actor, req.csrfToken!, r.projectId, { notice: text }));
      } finally {
        await discardUpload(upload);
      }
    });
  });
}
