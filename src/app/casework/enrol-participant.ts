/**
 * Enrolment (visitation): find a woman by CPR number, create her if she is new, and enrol her
 * in one of the jobcentre's projects. Unmet target-group criteria need a written reason.
 * Re-enrolment after an exit keeps her earlier enrolments as history.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Tx, type Db } from '../../db/door.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import {
  cprEncOf,
  findByCprHash,
  insertEnrolment,
  insertParticipant,
  openEnrolmentOn,
  setCountryOfOrigin,
} from '../../db/casework/enrolments.ts';
import { insertConsultantChange } from '../../db/casework/consultants.ts';
import { insertFamilyChange } from '../../db/casework/family.ts';
import { FAMILY_FIELDS, familyFieldsSchema, isUnrecorded, type FamilySituation } from '../../domain/family.ts';
import { caseworkersOf, projectsOf } from '../../db/casework/project-config.ts';
import { parseCpr } from '../../core/cpr.ts';
import { enrolmentSchema } from '../../domain/target-group.ts';
import { checkReEnrolment } from '../../domain/exit.ts';
import type { Vault } from '../../security/vault.ts';
import { countryCodeOf, countryStoredName } from './countries.ts';
import { str, zodFieldErrors, type FieldErrors, type FormData, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';
import { todayInDenmark } from './today.ts';
import { linkEnrolledCandidate } from '../recruitment/enrol-candidate.ts';

export interface EnrolDeps {
  db: Db;
  vault: Vault;
}

export const ENROL_FIELDS = [
  'countryOfOrigin',
  'enrolmentDate',
  'visitation',
  'flereSkalMedGruppe',
  'recruitmentChannel',
  'caseworkerId',
  'overrideReason',
  'projectId',
] as const;

/** A woman found by CPR number, with her enrolment open today if she has one. */
export interface FoundByCpr {
  id: string;
  name: string;
  openEnrolment: { projectName: string; enrolledOn: string } | null;
}

/** Look a woman up by CPR number among the actor's municipalities (audited; the number is not logged). */
export async function findParticipantByCpr(
  deps: EnrolDeps,
  actor: Actor,
  cpr: string,
  today = todayInDenmark(),
): Promise<FoundByCpr | null> {
  return door(deps.db, actor, async (tx) => {
    const parsed = parseCpr(cpr);
    const row = parsed.ok ? await findByCprHash(tx, deps.vault.hashCpr(parsed.value.cpr)) : null;
    const found = row ? { ...row, openEnrolment: await openEnrolmentOn(tx, row.id, today) } : null;
    return {
      value: found,
      audit: { action: 'soeg_cpr', entity: 'participant', participantId: row?.id ?? null, detail: { found: row !== null } },
    };
  });
}

export interface EnrolOptions {
  projects: { id: number; name: string }[];
  caseworkers: { id: number; name: string }[];
}

export async function enrolOptions(db: Db, actor: Actor): Promise<EnrolOptions> {
  // A woman is enrolled in a project that is still running (not in one that ended years ago).
  return {
    projects: await projectsOf(db, actor.municipalities, todayInDenmark()),
    caseworkers: await caseworkersOf(db, actor.organisationId),
  };
}

/** Validate the shared enrolment fields against the domain schema and the actor's projects/caseworkers. */
async function validateEnrolment(tx: Tx, actor: Actor, cpr: string, form: FormData) {
  const input: Record<string, unknown> = Object.fromEntries(ENROL_FIELDS.map((f) => [f, str(form, f)]));
  input.cpr = cpr;
  const parsed = enrolmentSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const projects = await projectsOf(tx, actor.municipalities, todayInDenmark());
  const projectId = Number(str(form, 'projectId'));
  if (!projects.some((p) => p.id === projectId)) errors.projectId = 'Vælg et projekt, der stadig kører.';
  const caseworkers = await caseworkersOf(tx, actor.organisationId);
  if (parsed.success && !caseworkers.some((c) => c.id === parsed.data.caseworkerId))
    errors.caseworkerId = 'Vælg en sagsbehandler fra dit jobcenter.';
  // Her company consultant (optional): any caseworker or project leader of the jobcentre.
  const consultant = str(form, 'consultantId').trim();
  const consultantId = consultant === '' ? null : Number(consultant);
  if (consultantId !== null && !caseworkers.some((c) => c.id === consultantId))
    errors.consultantId = 'Vælg en virksomhedskonsulent fra dit jobcenter, eller "Ingen endnu".';
  // Her family situation at enrolment (optional fields; issue 14 build 6).
  const family = familyFieldsSchema.safeParse(Object.fromEntries(FAMILY_FIELDS.map((f) => [f, str(form, f)])));
  if (!family.success) Object.assign(errors, zodFieldErrors(family.error), errors);
  return { errors, value: parsed.success && family.success ? { ...parsed.data, projectId, consultantId, family: family.data } : null };
}

/** The audit record of a new enrolment. */
const enrolled = (
  p: Pick<CaseParticipant, 'id' | 'municipalityCode'>,
  enrolmentId: string,
  v: { projectId: number; unmetCriteria: string[]; consultantId: number | null },
) => ({
  action: 'indskriv',
  entity: 'enrolment',
  participantId: p.id,
  municipality: p.municipalityCode,
  detail: { enrolmentId, projectId: v.projectId, unmetCriteria: v.unmetCriteria, consultantId: v.consultantId },
});

/** Her family situation from her enrolment date, when any of its fields was filled in. */
async function recordFamily(
  tx: Tx,
  p: { id: string; municipalityCode: string },
  enrolledOn: string,
  family: FamilySituation,
  userId: number,
) {
  if (isUnrecorded(family)) return [];
  const id = await insertFamilyChange(tx, p, enrolledOn, family, userId);
  return [
    {
      action: 'opret',
      entity: 'familiesituation',
      participantId: p.id,
      municipality: p.municipalityCode,
      detail: { id, fromDate: enrolledOn, after: family },
    },
  ];
}

/** A refused link to a candidate: thrown inside the transaction so the enrolment is rolled back. */
class CandidateMismatch extends Error {
  constructor(readonly errors: FieldErrors) {
    super('candidate mismatch');
  }
}

/** With `kandidat` in the form (enrolment from the candidate list): link her candidate record. */
async function candidateLink(tx: Tx, form: FormData, her: { id: string; cprHash: string }, enrolledOn: string, userId: number) {
  const candidateId = str(form, 'kandidat');
  if (!candidateId) return { audit: [] };
  const r = await linkEnrolledCandidate(tx, candidateId, her, enrolledOn, userId);
  return 'errors' in r ? r : { audit: [r.audit] };
}

/**
 * Her enrolment with what comes with it — her company consultant, her family situation, the link
 * to her candidate record — in the caller's transaction; returns their audit records. Shared by the
 * enrolment of a new woman and of one already known.
 */
async function enrolIn(
  tx: Tx,
  actor: Actor,
  form: FormData,
  her: { id: string; municipalityCode: string; cprHash: string },
  v: NonNullable<Awaited<ReturnType<typeof validateEnrolment>>['value']>,
) {
  const p = { id: her.id, municipalityCode: her.municipalityCode };
  const enrolmentId = await insertEnrolment(tx, p, v);
  if (v.consultantId !== null) await insertConsultantChange(tx, p, v.enrolmentDate, v.consultantId, actor.userId);
  const familyAudit = await recordFamily(tx, p, v.enrolmentDate, v.family, actor.userId);
  const fromCandidate = await candidateLink(tx, form, { id: her.id, cprHash: her.cprHash }, v.enrolmentDate, actor.userId);
  if ('errors' in fromCandidate) throw new CandidateMismatch(fromCandidate.errors);
  return [enrolled(p, enrolmentId, v), ...familyAudit, ...fromCandidate.audit];
}

async function refusingMismatch(run: () => Promise<SaveResult>): Promise<SaveResult> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof CandidateMismatch) return { status: 'invalid', errors: e.errors };
    throw e;
  }
}

/** A new woman: CPR, names, and her first enrolment, all in one transaction. */
export async function enrolNewParticipant(deps: EnrolDeps, actor: Actor, form: FormData): Promise<SaveResult> {
  return refusingMismatch(() =>
    door<SaveResult>(deps.db, actor, async (tx) => {
      const errors: FieldErrors = {};
      const cpr = parseCpr(str(form, 'cpr'));
      if (!cpr.ok) errors.cpr = cpr.error;
      const firstName = str(form, 'firstName').trim();
      const lastName = str(form, 'lastName').trim();
      if (!firstName) errors.firstName = 'Angiv fornavn.';
      else if (firstName.length > 100) errors.firstName = 'Fornavnet må højst være 100 tegn.';
      if (!lastName) errors.lastName = 'Angiv efternavn.';
      else if (lastName.length > 100) errors.lastName = 'Efternavnet må højst være 100 tegn.';
      const municipality = actor.municipalities.length === 1 ? actor.municipalities[0] : str(form, 'municipalityCode');
      if (!actor.municipalities.includes(municipality)) errors.municipalityCode = 'Vælg borgerens kommune.';
      const checked = await validateEnrolment(tx, actor, cpr.ok ? cpr.value.cpr : str(form, 'cpr'), form);
      Object.assign(errors, checked.errors, errors);
      if (cpr.ok && !errors.cpr) {
        if (await findByCprHash(tx, deps.vault.hashCpr(cpr.value.cpr)))
          errors.cpr = 'Borgeren findes allerede. Søg hende frem og indskriv hende derfra.';
      }
      if (Object.keys(errors).length > 0 || !cpr.ok || !checked.value) return unaudited({ status: 'invalid', errors });
      const id = await insertParticipant(tx, {
        municipality,
        cprHash: deps.vault.hashCpr(cpr.value.cpr),
        cprEnc: deps.vault.encryptCpr(cpr.value.cpr),
        firstName,
        lastName,
        birthDate: cpr.value.birthDate,
        sex: cpr.value.sex,
        countryOfOrigin: countryStoredName(checked.value.countryOfOrigin),
      });
      const her = { id, municipalityCode: municipality, cprHash: deps.vault.hashCpr(cpr.value.cpr) };
      return {
        value: { status: 'ok', id },
        audit: [
          { action: 'opret', entity: 'participant', participantId: id, municipality },
          ...(await enrolIn(tx, actor, form, her, checked.value)),
        ],
      };
    }),
  );
}

/** Her stored facts for the enrolment form of an existing woman (audited read). */
export async function getEnrolmentSubject(deps: EnrolDeps, actor: Actor, participantId: string) {
  return door(deps.db, actor, async (tx) => {
    const p = await findCaseParticipant(tx, participantId, 'indskriv');
    if (!p) return unaudited(null);
    const cpr = deps.vault.decryptCpr(await cprEncOf(tx, p.id));
    return audited(
      { participant: p, cpr, countryCode: countryCodeOf(p.countryOfOrigin) },
      { action: 'vis', entity: 'enrolment', ...about(p) },
    );
  });
}

/** Enrol (or re-enrol) a woman already known; her earlier enrolments stay as history. */
export async function enrolExistingParticipant(deps: EnrolDeps, actor: Actor, participantId: string, form: FormData): Promise<SaveResult> {
  return refusingMismatch(() =>
    withCase(deps.db, actor, participantId, 'indskriv', async (tx, p) => {
      const cpr = deps.vault.decryptCpr(await cprEncOf(tx, p.id));
      const checked = await validateEnrolment(tx, actor, cpr, form);
      const errors = { ...checked.errors };
      if (checked.value) {
        const history = p.enrolments.map((e) => ({ projectId: String(e.projectId), enrolmentDate: e.enrolledOn, exitDate: e.exitedOn }));
        const ok = checkReEnrolment(history, { projectId: String(checked.value.projectId), enrolmentDate: checked.value.enrolmentDate });
        if (!ok.ok) errors.enrolmentDate = ok.error;
      }
      if (Object.keys(errors).length > 0 || !checked.value) return unaudited({ status: 'invalid', errors });
      await setCountryOfOrigin(tx, p.id, countryStoredName(checked.value.countryOfOrigin));
      const her = { id: p.id, municipalityCode: p.municipalityCode, cprHash: deps.vault.hashCpr(cpr) };
      return { value: { status: 'ok', id: p.id }, audit: await enrolIn(tx, actor, form, her, checked.value) };
    }),
  );
}
