/** Enrolment (find or create by CPR, enrol, re-enrol) and exit. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/actor.ts';
import { enrolExistingParticipant, enrolNewParticipant, enrolOptions, findParticipantByCpr, getEnrolmentSubject } from '../../../app/casework/enrol-participant.ts';
import { exitParticipant } from '../../../app/casework/exit-participant.ts';
import { getCaseFile } from '../../../app/casework/case-file.ts';
import { todayInDenmark } from '../../../app/casework/today.ts';
import { parseCpr, formatCpr } from '../../../core/cpr.ts';
import { checkTargetGroup } from '../../../domain/target-group.ts';
import { normaliseDateInput } from '../../../domain/form-fields.ts';
import { isIsoDate } from '../../../core/dates.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { enrolFormPage, enrolSearchPage } from '../../../web/pages/casework/enrol-form.ts';
import { exitFormPage } from '../../../web/pages/casework/exit-form.ts';
import { dateInput, emptyState, valuesOf, type FormState } from '../../../web/pages/casework/form.ts';
import { respond, sendHtml } from './respond.ts';

type P = { Params: { id: string }; Body: Record<string, unknown> };

export function enrolmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const municipalities = (a: Actor) => a.municipalities.map((code, i) => ({ code, name: a.municipalityNames[i] ?? code }));
  const defaults = (a: Actor) => ({
    enrolmentDate: dateInput(todayInDenmark()),
    caseworkerId: a.role === 'sagsbehandler' ? String(a.userId) : '',
  });
  const mod11Warning = (cpr: string) => {
    const r = parseCpr(cpr);
    return r.ok && !r.value.mod11;
  };
  /** Criteria that can be judged from what the form holds so far (CPR, country, visitation). */
  const unmet = (cpr: string, s: FormState) =>
    checkTargetGroup({
      cpr, countryOfOrigin: s.values.countryOfOrigin ?? '', visitation: s.values.visitation || null,
      enrolmentDate: normaliseDateInput(s.values.enrolmentDate ?? '') as string,
    }).filter((u) => u.code !== 'cpr' && (u.code !== 'oprindelse' || s.values.countryOfOrigin) && (u.code !== 'forsoergelse' || s.values.visitation)
      && (u.code !== 'alder' || isIsoDate(normaliseDateInput(s.values.enrolmentDate ?? '') as string)));
  const newForm = async (actor: Actor, csrf: string, s: FormState) =>
    enrolFormPage(actor, csrf, s, {
      options: await enrolOptions(deps.db, actor), municipalities: municipalities(actor), mod11Warning: mod11Warning(s.values.cpr ?? ''),
      unmet: unmet(s.values.cpr ?? '', s),
    });

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
    return respond(reply, req.body, r, (id) => `/deltagere/${id}`, (s) => newForm(actor, req.csrfToken!, s), 'indskrevet');
  });

  const existingForm = async (actor: Actor, id: string, csrf: string, s: FormState | null, kandidat = '') => {
    const subj = await getEnrolmentSubject(deps, actor, id);
    if (!subj) throw notFound('Deltageren');
    const last = subj.participant.enrolment;
    const state = s ?? emptyState({
      ...defaults(actor),
      countryOfOrigin: subj.countryCode,
      visitation: last?.visitation ?? '',
      projectId: last ? String(last.projectId) : '',
      ...(kandidat ? { kandidat } : {}),
    });
    return enrolFormPage(actor, csrf, state, {
      subject: subj.participant, options: await enrolOptions(deps.db, actor), municipalities: municipalities(actor), mod11Warning: mod11Warning(subj.cpr),
      unmet: unmet(subj.cpr, state),
    });
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
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, (s) => existingForm(actor, req.params.id, req.csrfToken!, s), 'indskrevet');
  });

  const exitForm = async (actor: Actor, id: string, csrf: string, s: FormState | null) => {
    const f = await getCaseFile(deps.db, actor, id);
    if (!f) throw notFound('Deltageren');
    return exitFormPage(actor, csrf, f.participant, f.participant.enrolment?.projectName ?? '', s ?? emptyState({ exitDate: dateInput(todayInDenmark()) }));
  };
  app.get<P>('/deltagere/:id/udskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await exitForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/udskriv', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await exitParticipant(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, (s) => exitForm(actor, req.params.id, req.csrfToken!, { ...s, values: valuesOf(req.body) }), 'afsluttet');
  });
}
