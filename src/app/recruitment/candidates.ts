/**
 * Gross group and outreach (issue 13, build 1): a project's candidate list, one candidate with
 * her outreach log, adding one by hand, logging outreach, the project's retention setting, and
 * her access export and erasure. Every read and write of a candidate passes the door (tenant
 * scope, row-level security) with its audit record; a candidate of another municipality is not
 * found, and the attempt is audited.
 */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { parseCpr } from '../../core/cpr.ts';
import { door, type Audited, type Db, type Tx } from '../../db/door.ts';
import { projectsOf } from '../../db/casework/project-config.ts';
import {
  candidateExport,
  deleteCandidate,
  deleteOutreach as deleteOutreachRow,
  findCandidateByHash,
  getCandidate,
  getOutreach,
  insertCandidate,
  insertOutreach,
  listCandidates,
  listLists,
  outreachOf,
  retentionMonths,
  saveRetentionMonths,
  updateOutreach,
  type CandidateRow,
  type ListRow,
  type OutreachRow,
} from '../../db/recruitment.ts';
import {
  candidateErasureDue,
  candidateProgress,
  candidateSchema,
  candidateStage,
  correctionReasonSchema,
  outreachSchema,
  type CandidateStage,
  type OutreachInput,
  type FunnelCandidate,
} from '../../domain/recruitment.ts';
import type { Vault } from '../../security/vault.ts';
import { mayCorrect, str, zodFieldErrors, type FieldErrors, type FormData, type SaveResult } from '../form.ts';
import { todayInDenmark } from '../casework/today.ts';

export interface RecruitmentDeps {
  db: Db;
  vault: Vault;
}

export interface ProjectRef {
  id: number;
  name: string;
}

/** The actor's project (the one asked for, else her first); null when she has none. */
export async function recruitmentProject(
  db: Db,
  actor: Actor,
  projectId?: number,
): Promise<{ projects: ProjectRef[]; project: ProjectRef | null }> {
  // The projects themselves are not personal data: nothing to audit.
  const projects = await door(db, actor, async (tx) => ({ value: await projectsOf(tx, actor.municipalities), audit: [] }));
  return { projects, project: projectId === undefined ? (projects[0] ?? null) : (projects.find((p) => p.id === projectId) ?? null) };
}

export interface CandidateListItem {
  id: string;
  name: string;
  cpr: string;
  benefit: string | null;
  origin: string | null;
  municipalityCode: string;
  stage: CandidateStage;
  newOnLatestList: boolean;
  onLatestList: boolean;
  addedByHand: boolean;
  lastOutreachOn: string | null;
  participantId: string | null;
}

export interface CandidateOverview {
  projects: ProjectRef[];
  project: ProjectRef;
  candidates: CandidateListItem[];
  lists: ListRow[];
  retentionMonths: number;
}

const funnelOf = (c: CandidateRow, steps: OutreachRow[]): FunnelCandidate => ({ addedOn: c.addedOn, events: steps });

function byCandidate(rows: OutreachRow[]): Map<string, OutreachRow[]> {
  const m = new Map<string, OutreachRow[]>();
  for (const r of rows) m.set(r.candidateId, [...(m.get(r.candidateId) ?? []), r]);
  return m;
}

/** The project's candidates with their stage, the lists imported, and the retention setting (audited read). */
export async function candidateOverview(deps: RecruitmentDeps, actor: Actor, projectId?: number): Promise<CandidateOverview | null> {
  const { projects, project } = await recruitmentProject(deps.db, actor, projectId);
  if (!project) return null;
  return door(deps.db, actor, async (tx) => {
    const rows = await listCandidates(tx, project.id);
    const steps = byCandidate(
      await outreachOf(
        tx,
        rows.map((r) => r.id),
      ),
    );
    const candidates = rows.map((c) => {
      const s = steps.get(c.id) ?? [];
      return {
        id: c.id,
        name: c.name ?? '',
        cpr: c.cprEnc ? deps.vault.decryptCpr(c.cprEnc) : '',
        benefit: c.benefit,
        origin: c.origin,
        municipalityCode: c.municipalityCode,
        stage: candidateStage(funnelOf(c, s)),
        newOnLatestList: c.newOnLatestList,
        onLatestList: c.onLatestList,
        addedByHand: c.addedByHand,
        lastOutreachOn: candidateProgress(funnelOf(c, s)).lastOutreachOn,
        participantId: c.participantId,
      };
    });
    return {
      value: {
        projects,
        project,
        candidates,
        lists: await listLists(tx, project.id),
        retentionMonths: await retentionMonths(tx, project.id),
      },
      audit: { action: 'vis', entity: 'kandidatliste', detail: { projectId: project.id, candidates: candidates.length } },
    };
  });
}

export interface CandidateFile {
  candidate: CandidateRow & { cpr: string };
  project: ProjectRef;
  outreach: OutreachRow[];
  stage: CandidateStage;
  /** The day she will be erased if she is not enrolled (null once enrolled). */
  erasureDue: string | null;
}

/** A candidate behind the door, or null with the refused attempt audited. */
async function candidateIn(tx: Tx, id: string): Promise<CandidateRow | null> {
  return (await getCandidate(tx, id)) ?? null;
}

/** The record of a refused look-up of candidate `id` (named only when it is an id). */
export const refused = (id: string, purpose: string) => ({
  action: 'adgang_naegtet',
  entity: 'kandidat',
  detail: { candidateId: /^[0-9a-f-]{36}$/i.test(id) ? id : null, purpose },
});
const about = (c: CandidateRow) => ({ entity: 'kandidat', participantId: c.participantId, municipality: c.municipalityCode });
/** A logged outreach step of `c` created, corrected or deleted: ok with the candidate, audited with what `detail` says of the step. */
const stepSaved = (c: CandidateRow, action: 'opret' | 'ret' | 'slet', detail: Record<string, unknown>) => ({
  value: { status: 'ok' as const, id: c.id },
  audit: { action, ...about(c), entity: 'opsoegning', detail: { candidateId: c.id, ...detail } },
});

/** Which logged outreach step of which candidate. */
export interface OutreachRef {
  candidateId: string;
  outreachId: string;
}

/**
 * Runs `change` on a logged outreach step the actor may change (`purpose`: correct or delete) with its
 * candidate, behind the door; otherwise answers refused (audited) when either is not hers to see or it
 * is the enrolment step, and forbidden when she neither logged it nor leads the project.
 */
function changeStep(
  deps: RecruitmentDeps,
  actor: Actor,
  ref: OutreachRef,
  purpose: string,
  change: (tx: Tx, c: CandidateRow, before: OutreachRow) => Promise<Audited<SaveResult>>,
): Promise<SaveResult> {
  return door<SaveResult>(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, ref.candidateId);
    const before = c && /^[0-9a-f-]{36}$/i.test(ref.outreachId) ? await getOutreach(tx, c.id, ref.outreachId) : undefined;
    if (!c || !before || before.kind === 'indskrevet') return { value: { status: 'denied' }, audit: refused(ref.candidateId, purpose) };
    if (!mayCorrect(actor, before.createdBy)) return { value: { status: 'forbidden' }, audit: [] };
    return change(tx, c, before);
  });
}

/** What the audit log keeps of a step as it was. */
const loggedStep = (o: OutreachRow) => ({ kind: o.kind, occurredOn: o.occurredOn, channel: o.channel, declineReason: o.declineReason });

/** One candidate with her outreach log (audited read). */
export async function getCandidateFile(deps: RecruitmentDeps, actor: Actor, id: string): Promise<CandidateFile | null> {
  return door(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, id);
    if (!c) return { value: null, audit: refused(id, 'vis') };
    const project = (await projectsOf(tx, actor.municipalities)).find((p) => p.id === c.projectId) ?? { id: c.projectId, name: '' };
    const outreach = await outreachOf(tx, [c.id]);
    const f = funnelOf(c, outreach);
    const months = await retentionMonths(tx, c.projectId);
    return {
      value: {
        candidate: { ...c, cpr: c.cprEnc ? deps.vault.decryptCpr(c.cprEnc) : '' },
        project,
        outreach,
        stage: candidateStage(f),
        erasureDue: c.participantId ? null : candidateErasureDue(c.lastListedOn, candidateProgress(f).lastOutreachOn, months),
      },
      audit: { action: 'vis', ...about(c), detail: { candidateId: c.id } },
    };
  });
}

export const CANDIDATE_FIELDS = ['cpr', 'name', 'benefit', 'origin', 'municipalityCode', 'projectId'] as const;

/** Add a candidate by hand to one of the actor's projects. */
export async function addCandidate(deps: RecruitmentDeps, actor: Actor, form: FormData): Promise<SaveResult> {
  const projectId = Number(str(form, 'projectId'));
  const { project } = await recruitmentProject(deps.db, actor, projectId);
  return door<SaveResult>(deps.db, actor, async (tx) => {
    const errors: FieldErrors = {};
    if (!project) errors.projectId = 'Vælg et projekt.';
    const cpr = parseCpr(str(form, 'cpr'));
    if (!cpr.ok) errors.cpr = cpr.error;
    const parsed = candidateSchema.safeParse({ name: str(form, 'name'), benefit: str(form, 'benefit'), origin: str(form, 'origin') });
    if (!parsed.success) Object.assign(errors, zodFieldErrors(parsed.error));
    const municipality = actor.municipalities.length === 1 ? actor.municipalities[0] : str(form, 'municipalityCode');
    if (!actor.municipalities.includes(municipality)) errors.municipalityCode = 'Vælg kandidatens kommune.';
    if (project && cpr.ok && (await findCandidateByHash(tx, project.id, deps.vault.hashCpr(cpr.value.cpr)))) {
      errors.cpr = 'Kvinden står allerede på projektets kandidatliste.';
    }
    if (Object.keys(errors).length || !project || !cpr.ok || !parsed.success) return { value: { status: 'invalid', errors }, audit: [] };
    const id = await insertCandidate(
      tx,
      {
        projectId: project.id,
        municipality,
        cprHash: deps.vault.hashCpr(cpr.value.cpr),
        cprEnc: deps.vault.encryptCpr(cpr.value.cpr),
        name: parsed.data.name,
        benefit: parsed.data.benefit,
        origin: parsed.data.origin,
        addedByHand: true,
      },
      actor.userId,
    );
    return {
      value: { status: 'ok', id },
      audit: { action: 'opret', entity: 'kandidat', municipality, detail: { candidateId: id, projectId: project.id, byHand: true } },
    };
  });
}

export const OUTREACH_FIELDS = ['kind', 'occurredOn', 'channel', 'declineReason', 'note'] as const;

/** A checked step as it is stored: the reason only on a decline. */
const stepOf = (v: OutreachInput) => ({
  kind: v.kind,
  occurredOn: v.occurredOn,
  channel: v.channel,
  declineReason: v.kind === 'afslag' ? v.declineReason : null,
  note: v.note,
});

/** Log one outreach step for a candidate (a contact attempt, an invitation, a meeting attended, a decline). */
export async function logOutreach(deps: RecruitmentDeps, actor: Actor, candidateId: string, form: FormData): Promise<SaveResult> {
  return door<SaveResult>(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, candidateId);
    if (!c) return { value: { status: 'denied' }, audit: refused(candidateId, 'opsoegning') };
    const parsed = outreachSchema.safeParse(Object.fromEntries(OUTREACH_FIELDS.map((f) => [f, str(form, f)])));
    if (!parsed.success) return { value: { status: 'invalid', errors: zodFieldErrors(parsed.error) }, audit: [] };
    const v = parsed.data;
    const errors: FieldErrors = {};
    if (v.occurredOn > todayInDenmark()) errors.occurredOn = 'Datoen kan ikke ligge i fremtiden.';
    if (Object.keys(errors).length) return { value: { status: 'invalid', errors }, audit: [] };
    const step = stepOf(parsed.data);
    const id = await insertOutreach(tx, c, step, actor.userId);
    return stepSaved(c, 'opret', { outreachId: id, kind: step.kind, channel: step.channel, declineReason: step.declineReason });
  });
}

/** One logged outreach step of a candidate, to correct or delete it (audited read; null when not found). */
export async function getOutreachStep(deps: RecruitmentDeps, actor: Actor, candidateId: string, outreachId: string) {
  return door(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, candidateId);
    const o = c && /^[0-9a-f-]{36}$/i.test(outreachId) ? await getOutreach(tx, c.id, outreachId) : undefined;
    if (!c || !o || o.kind === 'indskrevet') return { value: null, audit: refused(candidateId, 'vis_opsoegning') };
    return {
      value: { candidate: c, step: o },
      audit: { action: 'vis', ...about(c), entity: 'opsoegning', detail: { candidateId: c.id, outreachId: o.id } },
    };
  });
}

/**
 * Correct a logged outreach step (a wrong date, kind, channel or reason): the same rules as logging
 * it, plus a reason for the correction; the audit log keeps the step before and after and the reason.
 * Only the one who logged it or a project leader corrects it; the enrolment step is not corrected here.
 */
export async function correctOutreach(deps: RecruitmentDeps, actor: Actor, ref: OutreachRef, form: FormData): Promise<SaveResult> {
  return changeStep(deps, actor, ref, 'ret_opsoegning', async (tx, c, before) => {
    const errors: FieldErrors = {};
    const parsed = outreachSchema.safeParse(Object.fromEntries(OUTREACH_FIELDS.map((f) => [f, str(form, f)])));
    if (!parsed.success) Object.assign(errors, zodFieldErrors(parsed.error));
    const why = correctionReasonSchema.safeParse({ correctionReason: str(form, 'correctionReason') });
    if (!why.success) Object.assign(errors, zodFieldErrors(why.error));
    if (parsed.success && parsed.data.occurredOn > todayInDenmark()) errors.occurredOn = 'Datoen kan ikke ligge i fremtiden.';
    if (Object.keys(errors).length || !parsed.success || !why.success) return { value: { status: 'invalid', errors }, audit: [] };
    const step = stepOf(parsed.data);
    await updateOutreach(tx, before.id, step);
    return stepSaved(c, 'ret', {
      outreachId: before.id,
      before: loggedStep(before),
      after: { ...step, note: undefined },
      reason: why.data.correctionReason,
    });
  });
}

/** Delete a step logged by mistake, with a reason; the audit log keeps what was deleted and why. */
export async function deleteOutreach(deps: RecruitmentDeps, actor: Actor, ref: OutreachRef, form: FormData): Promise<SaveResult> {
  return changeStep(deps, actor, ref, 'slet_opsoegning', async (tx, c, before) => {
    const why = correctionReasonSchema.safeParse({ correctionReason: str(form, 'correctionReason') });
    if (!why.success) return { value: { status: 'invalid', errors: zodFieldErrors(why.error) }, audit: [] };
    await deleteOutreachRow(tx, before.id);
    const deleted = { ...loggedStep(before), createdBy: before.createdBy };
    return stepSaved(c, 'slet', { outreachId: before.id, deleted, reason: why.data.correctionReason });
  });
}

/** The project leader sets how long candidates never enrolled are kept after their last outreach. */
export async function saveCandidateRetention(deps: RecruitmentDeps, actor: Actor, form: FormData): Promise<SaveResult<number>> {
  if (actor.role !== 'projektleder') throw forbidden();
  const projectId = Number(str(form, 'projectId'));
  const { project } = await recruitmentProject(deps.db, actor, projectId);
  if (!project) return { status: 'denied' };
  const raw = str(form, 'retentionMonths').trim();
  const months = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(months >= 1 && months <= 60))
    return { status: 'invalid', errors: { retentionMonths: 'Skriv et helt antal måneder fra 1 til 60.' } };
  return door<SaveResult<number>>(deps.db, actor, async (tx) => {
    await saveRetentionMonths(tx, project.id, months, actor.userId);
    return {
      value: { status: 'ok', id: project.id },
      audit: { action: 'gem', entity: 'kandidatindstillinger', detail: { projectId: project.id, retentionMonths: months } },
    };
  });
}

/** Her access export (GDPR art. 15): the candidate row, the lists she stood on, her outreach (project leader). */
export async function exportCandidate(deps: RecruitmentDeps, actor: Actor, id: string) {
  if (actor.role !== 'projektleder') throw forbidden();
  return door(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, id);
    if (!c) return { value: null, audit: refused(id, 'indsigt') };
    const data = await candidateExport(tx, c.id);
    return {
      value: {
        format: 'fremdrift-kandidat-indsigt-1',
        generatedAt: new Date().toISOString(),
        generatedBy: actor.username,
        cpr: c.cprEnc ? deps.vault.decryptCpr(c.cprEnc) : null,
        ...data,
      },
      audit: { action: 'indsigt', ...about(c), detail: { candidateId: c.id, outreach: data.outreach.length } },
    };
  });
}

/**
 * Erase a candidate at her request (GDPR art. 17; project leader). A candidate who was enrolled
 * is part of her case: she is erased through the participant's rights (retention applies).
 */
export async function eraseCandidate(deps: RecruitmentDeps, actor: Actor, id: string): Promise<SaveResult<number>> {
  if (actor.role !== 'projektleder') throw forbidden();
  return door<SaveResult<number>>(deps.db, actor, async (tx) => {
    const c = await candidateIn(tx, id);
    if (!c) return { value: { status: 'denied' }, audit: refused(id, 'slet') };
    if (c.participantId) {
      return {
        value: {
          status: 'invalid',
          errors: { _form: 'Kvinden er indskrevet. Hendes oplysninger hører nu til hendes sag og slettes under Persondata (GDPR).' },
        },
        audit: [],
      };
    }
    await deleteCandidate(tx, c.id);
    return {
      value: { status: 'ok', id: c.projectId },
      audit: { action: 'slettet', ...about(c), detail: { candidateId: c.id, projectId: c.projectId, reason: 'anmodning' } },
    };
  });
}
