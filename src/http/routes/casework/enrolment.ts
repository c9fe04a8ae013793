/** Enrolment (find or create by CPR, enrol, re-enrol) and exit. */
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../core/actor.ts';
import { enrolExistingParticipant, enrolNewParticipant, findParticipantByCpr } from '../../../app/casework/enrol-participant.ts';
import { enrolFormContext, reEnrolmentForm } from '../../../app/casework/enrol-form.ts';
import { exitParticipant } from '../../../app/casework/exit-participant.ts';
import { caseFileForForm } from '../../../app/casework/case-record-forms.ts';
import { todayInDenmark } from '../../../app/casework/today.ts';
import { parseCpr, formatCpr } from '../../../core/cpr.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { enrolFormPage, enrolSearchPage } from '../../../web/pages/casework/enrol-form.ts';
import { exitFormPage } from '../../../web/pages/casework/exit-form.ts';
import { dateInput, emptyState, valuesOf, type FormState } from '../../../web/pages/casework/form.ts';
import { respond, sendHtml } from './respond.ts';

type P = { Params: { id: string }; Body: Record<string, unknown> };

// Long because it is one route table: the 7 routes of enrolment and exit, sharing the form defaults
// above them, registered one after another. Each handler is its own function, kept short by
// test/route-handlers.test.ts; one list per page keeps its addresses in one place.
export function enrolmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const defaults = (a: Actor) => ({
    enrolmentDate: dateInput(todayInDenmark()),
    caseworkerId: a.role === 'sagsbehandler' ? String(a.userId) : '',
  });
  const newForm = async (actor: Actor, csrf: string, s: FormState) =>
    enrolFormPage(actor, csrf, s, await enrolFormContext(deps, actor, s.values.cpr ?? '', s.values));

  app.get('/indskrivning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, enrolSearchPage(actor, req.csrfToken!, emptyState()));
  });

  app.post<P>('/indskrivning/soeg', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const cpr = String(req.body?.cpr ?? '');
    const parsed = parseCpr(cpr);
    if (!parsed.ok) return sendHtml(reply, enrolSearchPage(actor, req.csrfToken!, { values: { cpr }, errors: { cpr: parsed.error } }), 400);
    const found = await findParticipantByCpr(deps, actor, parsed.value.cpr);
    // Already enrolled: say so at this step, with the way to her page, instead of a form to fill in.
    if (found?.openEnrolment) return sendHtml(reply, enrolSearchPage(actor, req.csrfToken!, { values: { cpr }, errors: {} }, found));
    if (found) return reply.redirect(`/deltagere/${found.id}/indskriv`, 303);
    return sendHtml(reply, await newForm(actor, req.csrfToken!, emptyState({ ...defaults(actor), cpr: formatCpr(parsed.value.cpr) })));
  });

  app.post<P>('/indskrivning', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await enrolNewParticipant(deps, actor, req.body ?? {});
    return respond(
      reply,
      req.body,
      r,
      (id) => `/deltagere/${id}`,
      (s) => newForm(actor, req.csrfToken!, s),
      'indskrevet',
    );
  });

  const existingForm = async (actor: Actor, id: string, csrf: string, s: FormState | null, kandidat = '') => {
    const her = await reEnrolmentForm(deps, actor, id);
    const state = s ?? emptyState({ ...defaults(actor), ...her.start, ...(kandidat ? { kandidat } : {}) });
    return enrolFormPage(actor, csrf, state, { subject: her.subject, ...(await enrolFormContext(deps, actor, her.cpr, state.values)) });
  };
  app.get<P & { Querystring: { kandidat?: string } }>('/deltagere/:id/indskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    // From the candidate list: the candidate is named so the enrolment links her record (checked on save).
    const kandidat = /^[0-9a-f-]{36}$/i.test(req.query.kandidat ?? '') ? req.query.kandidat! : '';
    return sendHtml(reply, await existingForm(actor, req.params.id, req.csrfToken!, null, kandidat));
  });
  app.post<P>('/deltagere/:id/indskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await enrolExistingParticipant(deps, actor, req.params.id, req.body ?? {});
    return respond(
      reply,
      req.body,
      r,
      () => `/deltagere/${req.params.id}`,
      (s) => existingForm(actor, req.params.id, req.csrfToken!, s),
      'indskrevet',
    );
  });

  const exitForm = async (actor: Actor, id: string, csrf: string, s: FormState | null) => {
    const f = await caseFileForForm(deps.db, actor, id);
    return exitFormPage(
      actor,
      csrf,
      f.participant,
      f.participant.enrolment?.projectName ?? '',
      s ?? emptyState({ exitDate: dateInput(todayInDenmark()) }),
    );
  };
  app.get<P>('/deltagere/:id/udskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await exitForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/udskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await exitParticipant(deps.db, actor, req.params.id, req.body ?? {});
    return respond(
      reply,
      req.body,
      r,
      () => `/deltagere/${req.params.id}`,
      (s) => exitForm(actor, req.params.id, req.csrfToken!, { ...s, values: valuesOf(req.body) }),
      'afsluttet',
    );
  });
}
