/**
 * Plan, activities, conversations, assessments, exemptions, visitation, consultant and family
 * situation of one woman: `/deltagere/:id/...`. Each form is one entry below (the use case that
 * loads it, the page, the use case that saves it); the handlers are the same parse-call-render
 * for all of them, registered by `recordRoutes` (new and correct) and `formRoutes` (one form).
 */
import type { FastifyInstance } from 'fastify';
import {
  assessmentForm,
  caseFileForForm,
  caseRecordForm,
  consultantForm,
  recordToDelete,
  visitationForm,
} from '../../../app/casework/case-record-forms.ts';
import { savePlan } from '../../../app/casework/save-plan.ts';
import { saveActivity } from '../../../app/casework/save-activity.ts';
import { saveConversation } from '../../../app/casework/save-conversation.ts';
import { saveAssessment } from '../../../app/casework/save-assessment.ts';
import { saveExemption } from '../../../app/casework/save-exemption.ts';
import { saveVisitationChange } from '../../../app/casework/save-visitation-change.ts';
import { saveConsultantChange } from '../../../app/casework/save-consultant-change.ts';
import { saveFamilySituation } from '../../../app/casework/save-family-situation.ts';
import { deleteCaseRecord, type CaseRecordKind } from '../../../app/casework/delete-case-record.ts';
import type { SaveResult } from '../../../app/form.ts';
import { todayInDenmark } from '../../../app/casework/today.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppDeps } from '../../../core/deps.ts';
import { requirePersonalDataActor } from '../participants.ts';
import { planFormPage, planValues } from '../../../web/pages/casework/plan-form.ts';
import { activityFormPage, activityValues } from '../../../web/pages/casework/activity-form.ts';
import { conversationFormPage, conversationValues } from '../../../web/pages/casework/conversation-form.ts';
import { assessmentFormPage, assessmentValues } from '../../../web/pages/casework/assessment-form.ts';
import { exemptionFormPage, exemptionValues } from '../../../web/pages/casework/exemption-form.ts';
import { visitationFormPage } from '../../../web/pages/casework/visitation-form.ts';
import { consultantFormPage } from '../../../web/pages/casework/consultant-form.ts';
import { familyFormPage, familyValues } from '../../../web/pages/casework/family-form.ts';
import { dateInput, emptyState, type FormState } from '../../../web/pages/casework/form.ts';
import type { SavedKind } from '../../../web/pages/participants.ts';
import { respond, sendHtml } from './respond.ts';
import { deleteRoutes } from './delete-routes.ts';
import { sectionUrl, type CaseSectionKey } from '../../../web/pages/participant-nav.ts';

type P = { Params: { id: string; rid: string }; Querystring: { redskab?: string }; Body: Record<string, unknown> };
type Db = AppDeps['db'];
/** The form page: `state` null on a first GET (the form's own starting values), `rid` for a correction, `asked` the instrument asked for. */
type FormPage = (db: Db, actor: Actor, csrf: string, id: string, state: FormState | null, rid?: string, asked?: string) => Promise<string>;
interface Form {
  path: string;
  page: FormPage;
  /** Saves a new record, or corrects record `rid`. */
  save: (db: Db, actor: Actor, id: string, body: Record<string, unknown>, rid?: string) => Promise<SaveResult<unknown>>;
  saved: SavedKind;
  /** Where she lands after saving: a section of her page, or her overview. */
  section?: CaseSectionKey;
}
/** A form of which she has one: saving adds a change (its use cases take no record id). */
interface OneForm extends Omit<Form, 'save'> {
  save: (db: Db, actor: Actor, id: string, body: Record<string, unknown>) => Promise<SaveResult<unknown>>;
}

const today = () => dateInput(todayInDenmark());

const plan: FormPage = async (db, actor, csrf, id, s) => {
  const f = await caseFileForForm(db, actor, id);
  return planFormPage(actor, csrf, f.participant, s ?? emptyState(planValues(f.plan)));
};
const activity: FormPage = async (db, actor, csrf, id, s, rid) => {
  const { file, record } = await caseRecordForm(db, actor, id, 'aktivitet', rid);
  const state = s ?? emptyState(record ? activityValues(record) : { startDate: today(), status: 'planlagt' });
  return activityFormPage(actor, csrf, file.participant, state, file.config.extraTypes, rid);
};
const conversation: FormPage = async (db, actor, csrf, id, s, rid) => {
  const { file, record } = await caseRecordForm(db, actor, id, 'samtale', rid);
  return conversationFormPage(
    actor,
    csrf,
    file.participant,
    s ?? emptyState(record ? conversationValues(record) : { date: today(), kind: 'individuel' }),
    rid,
  );
};
const assessment: FormPage = async (db, actor, csrf, id, s, rid, asked = '') => {
  const { file, record, instrument } = await assessmentForm(db, actor, id, asked, rid);
  return assessmentFormPage(
    actor,
    csrf,
    file.participant,
    instrument,
    s ?? emptyState(record ? assessmentValues(record) : { date: today() }),
    rid,
  );
};
const exemption: FormPage = async (db, actor, csrf, id, s, rid) => {
  const { file, record } = await caseRecordForm(db, actor, id, 'fritagelse', rid);
  return exemptionFormPage(actor, csrf, file.participant, s ?? emptyState(record ? exemptionValues(record) : { startDate: today() }), rid);
};
const visitation: FormPage = async (db, actor, csrf, id, s) => {
  const v = await visitationForm(db, actor, id);
  return visitationFormPage(actor, csrf, v.file.participant, s ?? emptyState({ date: today() }), {
    atEnrolment: v.atEnrolment,
    current: v.current,
  });
};
const consultant: FormPage = async (db, actor, csrf, id, s) => {
  const c = await consultantForm(db, actor, id);
  return consultantFormPage(actor, csrf, c.file.participant, s ?? emptyState({ fromDate: today() }), {
    current: c.current,
    consultants: c.consultants,
  });
};
const family: FormPage = async (db, actor, csrf, id, s) => {
  const f = await caseFileForForm(db, actor, id);
  return familyFormPage(actor, csrf, f.participant, s ?? emptyState({ ...familyValues(f.family), fromDate: today() }), {
    recorded: f.family !== null,
  });
};

/** Records she has several of: a new one at `<path>/ny` → POST `<path>`, a correction at `<path>/:rid`. */
const RECORDS: Form[] = [
  { path: 'aktiviteter', page: activity, save: saveActivity, saved: 'aktivitet', section: 'aktiviteter' },
  { path: 'samtaler', page: conversation, save: saveConversation, saved: 'samtale', section: 'samtaler' },
  // Assessments (WHO-5, Fremdriftstrappen, project instruments): a new one on the instrument asked for.
  { path: 'maalinger', page: assessment, save: saveAssessment, saved: 'maaling', section: 'maalinger' },
  // Exemption periods (barsel, sygdom, ferie, andet).
  { path: 'fritagelser', page: exemption, save: saveExemption, saved: 'fritagelse', section: 'fritagelser' },
];
/**
 * One form each, GET and POST at `<path>`. Visitation, consultant and family situation are changes
 * over time, corrected by deleting one and adding the right one.
 */
const FORMS: OneForm[] = [
  { path: 'plan', page: plan, save: savePlan, saved: 'plan' },
  { path: 'visitation', page: visitation, save: saveVisitationChange, saved: 'visitation' },
  { path: 'virksomhedskonsulent', page: consultant, save: saveConsultantChange, saved: 'virksomhedskonsulent' },
  { path: 'familie', page: family, save: saveFamilySituation, saved: 'familie' },
];
/** Deletions (corrections), audited with the deleted content: each kind with the section of her page it is listed in. */
const DELETIONS: [string, CaseRecordKind, CaseSectionKey][] = [
  ['aktiviteter', 'aktivitet', 'aktiviteter'],
  ['samtaler', 'samtale', 'samtaler'],
  ['maalinger', 'maaling', 'maalinger'],
  ['fritagelser', 'fritagelse', 'fritagelser'],
  ['visitationer', 'visitation', 'historik'],
  ['virksomhedskonsulenter', 'virksomhedskonsulent', 'historik'],
  ['familiesituationer', 'familiesituation', 'historik'],
];

const nextOf = (form: Pick<Form, 'section'>, id: string) => (form.section ? sectionUrl(id, form.section) : `/deltagere/${id}`);

function recordRoutes(app: FastifyInstance, deps: AppDeps, form: Form) {
  app.get<P>(`/deltagere/:id/${form.path}/ny`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(
      reply,
      await form.page(deps.db, actor, req.csrfToken!, req.params.id, null, undefined, String(req.query.redskab ?? 'who5')),
    );
  });
  app.post<P>(`/deltagere/:id/${form.path}`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await form.save(deps.db, actor, req.params.id, req.body ?? {});
    const asked = String((req.body ?? {}).instrumentKey ?? 'who5');
    return respond(
      reply,
      req.body,
      r,
      () => nextOf(form, req.params.id),
      (s) => form.page(deps.db, actor, req.csrfToken!, req.params.id, s, undefined, asked),
      form.saved,
    );
  });
  app.get<P>(`/deltagere/:id/${form.path}/:rid`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await form.page(deps.db, actor, req.csrfToken!, req.params.id, null, req.params.rid));
  });
  app.post<P>(`/deltagere/:id/${form.path}/:rid`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await form.save(deps.db, actor, req.params.id, req.body ?? {}, req.params.rid);
    return respond(
      reply,
      req.body,
      r,
      () => nextOf(form, req.params.id),
      (s) => form.page(deps.db, actor, req.csrfToken!, req.params.id, s, req.params.rid),
      form.saved,
    );
  });
}

function formRoutes(app: FastifyInstance, deps: AppDeps, form: OneForm) {
  app.get<P>(`/deltagere/:id/${form.path}`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    return sendHtml(reply, await form.page(deps.db, actor, req.csrfToken!, req.params.id, null));
  });
  app.post<P>(`/deltagere/:id/${form.path}`, async (req, reply) => {
    const actor = requirePersonalDataActor(req);
    const r = await form.save(deps.db, actor, req.params.id, req.body ?? {});
    return respond(
      reply,
      req.body,
      r,
      () => nextOf(form, req.params.id),
      (s) => form.page(deps.db, actor, req.csrfToken!, req.params.id, s),
      form.saved,
    );
  });
}

export function caseRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  // In the order of her case: the plan, her records, the changes over time, the deletions.
  const [planForm, ...changes] = FORMS;
  formRoutes(app, deps, planForm);
  for (const form of RECORDS) recordRoutes(app, deps, form);
  for (const form of changes) formRoutes(app, deps, form);
  for (const [path, kind, section] of DELETIONS)
    deleteRoutes(app, {
      path,
      section,
      describe: async (actor, id, rid) => {
        const { file, what } = await recordToDelete(deps.db, actor, id, kind, rid);
        return { participant: file.participant, what };
      },
      remove: (actor, id, rid) => deleteCaseRecord(deps.db, actor, id, kind, rid),
    });
}
