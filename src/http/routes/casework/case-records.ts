/** Plan, activities, conversations and assessments of one woman: `/deltagere/:id/...`. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import { getCaseFile } from '../../../app/casework/case-file.ts';
import { savePlan } from '../../../app/casework/save-plan.ts';
import { saveActivity } from '../../../app/casework/save-activity.ts';
import { saveConversation } from '../../../app/casework/save-conversation.ts';
import { saveAssessment } from '../../../app/casework/save-assessment.ts';
import { saveExemption } from '../../../app/casework/save-exemption.ts';
import { saveVisitationChange } from '../../../app/casework/save-visitation-change.ts';
import { saveConsultantChange } from '../../../app/casework/save-consultant-change.ts';
import { saveFamilySituation } from '../../../app/casework/save-family-situation.ts';
import { enrolOptions } from '../../../app/casework/enrol-participant.ts';
import { deleteCaseRecord, type CaseRecordKind } from '../../../app/casework/delete-case-record.ts';
import { todayInDenmark } from '../../../app/casework/today.ts';
import { findInstrument, WHO5 } from '../../../domain/instruments.ts';
import { parseProjectInstrumentKey, projectInstrumentKey } from '../../../domain/project-instruments.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { planFormPage, planValues } from '../../../web/pages/casework/plan-form.ts';
import { activityFormPage, activityValues } from '../../../web/pages/casework/activity-form.ts';
import { conversationFormPage, conversationValues } from '../../../web/pages/casework/conversation-form.ts';
import { assessmentFormPage } from '../../../web/pages/casework/assessment-form.ts';
import { exemptionFormPage, exemptionValues } from '../../../web/pages/casework/exemption-form.ts';
import { visitationFormPage } from '../../../web/pages/casework/visitation-form.ts';
import { consultantFormPage } from '../../../web/pages/casework/consultant-form.ts';
import { familyFormPage, familyValues } from '../../../web/pages/casework/family-form.ts';
import { dateInput, emptyState, type FormState } from '../../../web/pages/casework/form.ts';
import { deleteConfirmPage } from '../../../web/pages/casework/delete-confirm.ts';
import { findActivityType } from '../../../domain/activities.ts';
import { CONVERSATION_KIND_LABELS, EXEMPTION_KIND_LABELS, VISITATION_LABELS } from '../../../core/labels.ts';
import type { Visitation } from '../../../core/codes.ts';
import { formatDate } from '../../../core/format.ts';
import type { CaseFile } from '../../../app/casework/case-file.ts';
import { respond, sendHtml } from './respond.ts';
import { sectionUrl, type CaseSectionKey } from '../../../web/pages/participant-nav.ts';

/** A short Danish description of one of her records, or null when it is not hers. */
function describeRecord(f: CaseFile, kind: CaseRecordKind, id: string): string | null {
  if (kind === 'aktivitet') {
    const a = f.activities.find((x) => x.id === id);
    return a ? `aktiviteten ${findActivityType(a.typeKey, f.config.extraTypes)?.name ?? a.typeKey} fra ${formatDate(a.startDate)}` : null;
  }
  if (kind === 'samtale') {
    const c = f.conversations.find((x) => x.id === id);
    return c ? `samtalen (${CONVERSATION_KIND_LABELS[c.kind].toLowerCase()}) den ${formatDate(c.date)}` : null;
  }
  if (kind === 'fritagelse') {
    const x = f.exemptions.find((e) => e.id === id);
    return x ? `fritagelsen (${EXEMPTION_KIND_LABELS[x.kind].toLowerCase()}) fra ${formatDate(x.startDate)}` : null;
  }
  if (kind === 'visitation') {
    const v = f.visitationSteps.find((x) => x.change.id === id);
    return v ? `ændringen af visitation den ${formatDate(v.change.date)} (${VISITATION_LABELS[v.from]} → ${VISITATION_LABELS[v.to]})` : null;
  }
  if (kind === 'virksomhedskonsulent') {
    const c = f.consultantChanges.find((x) => x.id === id);
    return c ? `skiftet af virksomhedskonsulent fra ${formatDate(c.fromDate)} (${c.consultantId === null ? 'ingen' : c.consultantName ?? '–'})` : null;
  }
  if (kind === 'familiesituation') {
    const c = f.familyChanges.find((x) => x.id === id);
    return c ? `familiesituationen fra ${formatDate(c.fromDate)}` : null;
  }
  const m = f.assessments.find((x) => x.id === id);
  return m ? `målingen (${findInstrument(m.instrumentKey, f.projectInstruments.instruments)?.name ?? m.instrumentKey}) den ${formatDate(m.date)}` : null;
}

type P = { Params: { id: string; rid: string }; Querystring: { redskab?: string }; Body: Record<string, unknown> };

export function caseRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  const file = async (actor: Actor, id: string) => {
    const f = await getCaseFile(deps.db, actor, id);
    if (!f) throw notFound('Deltageren');
    return f;
  };
  const subject = (f: Awaited<ReturnType<typeof file>>) => f.participant;

  // Plan
  app.get<P>('/deltagere/:id/plan', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const f = await file(actor, req.params.id);
    return sendHtml(reply, planFormPage(actor, req.csrfToken!, subject(f), emptyState(planValues(f.plan))));
  });
  app.post<P>('/deltagere/:id/plan', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await savePlan(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, async (s) =>
      planFormPage(actor, req.csrfToken!, subject(await file(actor, req.params.id)), s), 'plan');
  });

  // Activities
  const activityForm = async (actor: Actor, id: string, csrf: string, s: FormState | null, rid?: string) => {
    const f = await file(actor, id);
    let state = s;
    if (!state && rid) {
      const a = f.activities.find((x) => x.id === rid);
      if (!a) throw notFound('Aktiviteten');
      state = emptyState(activityValues(a));
    }
    return activityFormPage(actor, csrf, subject(f), state ?? emptyState({ startDate: dateInput(todayInDenmark()), status: 'planlagt' }), f.config.extraTypes, rid);
  };
  app.get<P>('/deltagere/:id/aktiviteter/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await activityForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/aktiviteter', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveActivity(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'aktiviteter'), (s) => activityForm(actor, req.params.id, req.csrfToken!, s), 'aktivitet');
  });
  app.get<P>('/deltagere/:id/aktiviteter/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await activityForm(actor, req.params.id, req.csrfToken!, null, req.params.rid));
  });
  app.post<P>('/deltagere/:id/aktiviteter/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveActivity(deps.db, actor, req.params.id, req.body ?? {}, req.params.rid);
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'aktiviteter'), (s) => activityForm(actor, req.params.id, req.csrfToken!, s, req.params.rid), 'aktivitet');
  });

  // Conversations
  const conversationForm = async (actor: Actor, id: string, csrf: string, s: FormState | null, rid?: string) => {
    const f = await file(actor, id);
    let state = s;
    if (!state && rid) {
      const c = f.conversations.find((x) => x.id === rid);
      if (!c) throw notFound('Samtalen');
      state = emptyState(conversationValues(c));
    }
    return conversationFormPage(actor, csrf, subject(f), state ?? emptyState({ date: dateInput(todayInDenmark()), kind: 'individuel' }), rid);
  };
  app.get<P>('/deltagere/:id/samtaler/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await conversationForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/samtaler', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveConversation(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'samtaler'), (s) => conversationForm(actor, req.params.id, req.csrfToken!, s), 'samtale');
  });
  app.get<P>('/deltagere/:id/samtaler/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await conversationForm(actor, req.params.id, req.csrfToken!, null, req.params.rid));
  });
  app.post<P>('/deltagere/:id/samtaler/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveConversation(deps.db, actor, req.params.id, req.body ?? {}, req.params.rid);
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'samtaler'), (s) => conversationForm(actor, req.params.id, req.csrfToken!, s, req.params.rid), 'samtale');
  });

  // Assessments (WHO-5, Fremdriftstrappen)
  const assessmentForm = async (actor: Actor, id: string, csrf: string, askedKey: string, s: FormState | null, rid?: string) => {
    let key = askedKey;
    const f = await file(actor, id);
    let state = s;
    // A new score on a project instrument: only a version that takes new scores (in her latest project).
    const scorable = f.projectInstruments.instruments.filter((i) => f.projectInstruments.scorable.some((v) => projectInstrumentKey(v.instrumentId, v.version) === i.key));
    // An older or retired version (a stale link, or a version replaced while the form was open):
    // the version of the same instrument that takes scores now, or not found.
    const asked = parseProjectInstrumentKey(key);
    if (!rid && asked && !findInstrument(key, scorable)) {
      const now = f.projectInstruments.scorable.find((v) => v.instrumentId === asked.instrumentId);
      if (!now) throw notFound('Måleredskabet');
      key = projectInstrumentKey(now.instrumentId, now.version);
    }
    let instrument = findInstrument(key, scorable) ?? WHO5;
    if (rid) {
      const a = f.assessments.find((x) => x.id === rid);
      if (!a) throw notFound('Målingen');
      instrument = findInstrument(a.instrumentKey, f.projectInstruments.instruments) ?? WHO5;
      state ??= emptyState({ date: dateInput(a.date), ...Object.fromEntries(Object.entries(a.answers).map(([k, v]) => [`answers.${k}`, String(v)])) });
    }
    return assessmentFormPage(actor, csrf, subject(f), instrument, state ?? emptyState({ date: dateInput(todayInDenmark()) }), rid);
  };
  app.get<P>('/deltagere/:id/maalinger/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await assessmentForm(actor, req.params.id, req.csrfToken!, String(req.query.redskab ?? 'who5'), null));
  });
  app.post<P>('/deltagere/:id/maalinger', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveAssessment(deps.db, actor, req.params.id, req.body ?? {});
    const key = String((req.body ?? {}).instrumentKey ?? 'who5');
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'maalinger'), (s) => assessmentForm(actor, req.params.id, req.csrfToken!, key, s), 'maaling');
  });
  app.get<P>('/deltagere/:id/maalinger/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await assessmentForm(actor, req.params.id, req.csrfToken!, '', null, req.params.rid));
  });
  app.post<P>('/deltagere/:id/maalinger/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveAssessment(deps.db, actor, req.params.id, req.body ?? {}, req.params.rid);
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'maalinger'), (s) => assessmentForm(actor, req.params.id, req.csrfToken!, '', s, req.params.rid), 'maaling');
  });

  // Exemption periods (barsel, sygdom, ferie, andet)
  const exemptionForm = async (actor: Actor, id: string, csrf: string, s: FormState | null, rid?: string) => {
    const f = await file(actor, id);
    let state = s;
    if (!state && rid) {
      const x = f.exemptions.find((e) => e.id === rid);
      if (!x) throw notFound('Fritagelsen');
      state = emptyState(exemptionValues(x));
    }
    return exemptionFormPage(actor, csrf, subject(f), state ?? emptyState({ startDate: dateInput(todayInDenmark()) }), rid);
  };
  app.get<P>('/deltagere/:id/fritagelser/ny', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await exemptionForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/fritagelser', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveExemption(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'fritagelser'), (s) => exemptionForm(actor, req.params.id, req.csrfToken!, s), 'fritagelse');
  });
  app.get<P>('/deltagere/:id/fritagelser/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await exemptionForm(actor, req.params.id, req.csrfToken!, null, req.params.rid));
  });
  app.post<P>('/deltagere/:id/fritagelser/:rid', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveExemption(deps.db, actor, req.params.id, req.body ?? {}, req.params.rid);
    return respond(reply, req.body, r, () => sectionUrl(req.params.id, 'fritagelser'), (s) => exemptionForm(actor, req.params.id, req.csrfToken!, s, req.params.rid), 'fritagelse');
  });

  // Visitation over time (a change; corrected by deleting it and adding the right one)
  const visitationForm = async (actor: Actor, id: string, csrf: string, s: FormState | null) => {
    const f = await file(actor, id);
    const atEnrolment = (f.participant.enrolment?.visitation ?? null) as Visitation | null;
    const current = f.visitationSteps.length ? f.visitationSteps[f.visitationSteps.length - 1].to : atEnrolment;
    return visitationFormPage(actor, csrf, subject(f), s ?? emptyState({ date: dateInput(todayInDenmark()) }), { atEnrolment, current });
  };
  app.get<P>('/deltagere/:id/visitation', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await visitationForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/visitation', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveVisitationChange(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, (s) => visitationForm(actor, req.params.id, req.csrfToken!, s), 'visitation');
  });

  // Her company consultant over time (a change; corrected by deleting it and adding the right one)
  const consultantForm = async (actor: Actor, id: string, csrf: string, s: FormState | null) => {
    const f = await file(actor, id);
    const { caseworkers } = await enrolOptions(deps.db, actor);
    return consultantFormPage(actor, csrf, subject(f), s ?? emptyState({ fromDate: dateInput(todayInDenmark()) }), {
      current: f.consultant?.consultantName ?? null, consultants: caseworkers,
    });
  };
  app.get<P>('/deltagere/:id/virksomhedskonsulent', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await consultantForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/virksomhedskonsulent', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveConsultantChange(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, (s) => consultantForm(actor, req.params.id, req.csrfToken!, s), 'virksomhedskonsulent');
  });

  // Her family situation over time (a new snapshot from a date; corrected by deleting it and entering it again)
  const familyForm = async (actor: Actor, id: string, csrf: string, s: FormState | null) => {
    const f = await file(actor, id);
    return familyFormPage(actor, csrf, subject(f), s ?? emptyState({ ...familyValues(f.family), fromDate: dateInput(todayInDenmark()) }), { recorded: f.family !== null });
  };
  app.get<P>('/deltagere/:id/familie', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await familyForm(actor, req.params.id, req.csrfToken!, null));
  });
  app.post<P>('/deltagere/:id/familie', async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await saveFamilySituation(deps.db, actor, req.params.id, req.body ?? {});
    return respond(reply, req.body, r, () => `/deltagere/${req.params.id}`, (s) => familyForm(actor, req.params.id, req.csrfToken!, s), 'familie');
  });

  // Deletions (corrections), audited with the deleted content
  // Each kind with the section of her page it is listed in (where the user lands after deleting).
  const kinds: [string, CaseRecordKind, CaseSectionKey][] = [
    ['aktiviteter', 'aktivitet', 'aktiviteter'], ['samtaler', 'samtale', 'samtaler'], ['maalinger', 'maaling', 'maalinger'],
    ['fritagelser', 'fritagelse', 'fritagelser'], ['visitationer', 'visitation', 'historik'], ['virksomhedskonsulenter', 'virksomhedskonsulent', 'historik'],
    ['familiesituationer', 'familiesituation', 'historik'],
  ];
  for (const [path, kind, section] of kinds) {
    app.get<P>(`/deltagere/:id/${path}/:rid/slet`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      const f = await file(actor, req.params.id);
      const what = describeRecord(f, kind, req.params.rid);
      if (!what) throw notFound('Posten');
      return sendHtml(reply, deleteConfirmPage(actor, req.csrfToken!, subject(f), what, `/deltagere/${req.params.id}/${path}/${req.params.rid}/slet`, section));
    });
    app.post<P>(`/deltagere/:id/${path}/:rid/slet`, async (req, reply) => {
      const actor = requirePersonalDataActor(req);
      const r = await deleteCaseRecord(deps.db, actor, req.params.id, kind, req.params.rid);
      return respond(reply, req.body, r, () => sectionUrl(req.params.id, section), async () => '', 'slettet');
    });
  }
}
