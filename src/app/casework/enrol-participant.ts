/**
 * Enrolment (visitation): find a woman by CPR number, create her if she is new, and enrol her
 * in one of the jobcentre's projects. Unmet target-group criteria need a written reason.
 * Re-enrolment after an exit keeps her earlier enrolments as history.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { withTenant, type Audit } from '../../db/tenant.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import { caseworkersOf, projectsOf } from '../../db/casework/project-config.ts';
import { parseCpr } from '../../core/cpr.ts';
import { enrolmentSchema } from '../../domain/target-group.ts';
import { checkReEnrolment } from '../../domain/exit.ts';
import type { Vault } from '../../security/vault.ts';
import { countryCodeOf, countryStoredName } from './countries.ts';
import { str, zodFieldErrors, type FieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { about } from './with-case.ts';
import { todayInDenmark } from './today.ts';

export interface EnrolDeps {
  db: Database;
  vault: Vault;
}

export const ENROL_FIELDS = ['countryOfOrigin', 'enrolmentDate', 'visitation', 'flereSkalMedGruppe', 'recruitmentChannel', 'caseworkerId', 'overrideReason', 'projectId'] as const;

/** A woman found by CPR number, with her enrolment open today if she has one. */
export interface FoundByCpr {
  id: string;
  name: string;
  openEnrolment: { projectName: string; enrolledOn: string } | null;
}

/** Look a woman up by CPR number among the actor's municipalities (audited; the number is not logged). */
export async function findParticipantByCpr(deps: EnrolDeps, actor: Actor, cpr: string, today = todayInDenmark()): Promise<FoundByCpr | null> {
  return withTenant(deps.db, actor, async (q, audit) => {
    const parsed = parseCpr(cpr);
    const row = parsed.ok
      ? (await q.query<{ id: string; name: string }>(
          `SELECT id, first_name || ' ' || last_name AS name FROM participant WHERE cpr_hash = $1 AND municipality_code = ANY ($2::text[]) LIMIT 1`,
          [deps.vault.hashCpr(parsed.value.cpr), actor.municipalities])).rows[0] ?? null
      : null;
    await audit({ action: 'soeg_cpr', entity: 'participant', participantId: row?.id ?? null, detail: { found: row !== null } });
    if (!row) return null;
    const open = (await q.query<{ projectName: string; enrolledOn: string }>(
      `SELECT pr.name AS "projectName", to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn"
       FROM enrolment e JOIN project pr ON pr.id = e.project_id
       WHERE e.participant_id = $1 AND e.enrolled_on <= $2 AND (e.exited_on IS NULL OR e.exited_on > $2)
       ORDER BY e.enrolled_on DESC LIMIT 1`, [row.id, today])).rows[0] ?? null;
    return { ...row, openEnrolment: open };
  });
}

export interface EnrolOptions {
  projects: { id: number; name: string }[];
  caseworkers: { id: number; name: string }[];
}

export async function enrolOptions(db: Database, actor: Actor): Promise<EnrolOptions> {
  return { projects: await projectsOf(db, actor.municipalities), caseworkers: await caseworkersOf(db, actor.organisationId) };
}

/** Validate the shared enrolment fields against the domain schema and the actor's projects/caseworkers. */
async function validateEnrolment(q: Queryable, actor: Actor, cpr: string, form: FormData) {
  const input: Record<string, unknown> = Object.fromEntries(ENROL_FIELDS.map((f) => [f, str(form, f)]));
  input.cpr = cpr;
  const parsed = enrolmentSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const projects = await projectsOf(q, actor.municipalities);
  const projectId = Number(str(form, 'projectId'));
  if (!projects.some((p) => p.id === projectId)) errors.projectId = 'Vælg et projekt.';
  const caseworkers = await caseworkersOf(q, actor.organisationId);
  if (parsed.success && !caseworkers.some((c) => c.id === parsed.data.caseworkerId)) errors.caseworkerId = 'Vælg en sagsbehandler fra dit jobcenter.';
  return { errors, value: parsed.success ? { ...parsed.data, projectId } : null };
}

async function insertEnrolment(q: Queryable, audit: Audit, actor: Actor, p: Pick<CaseParticipant, 'id' | 'municipalityCode'>,
  v: NonNullable<Awaited<ReturnType<typeof validateEnrolment>>['value']>) {
  const id = (
    await q.query<{ id: string }>(
      `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id,
         flere_skal_med, recruitment_channel, override_reason, unmet_criteria, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [p.id, v.projectId, p.municipalityCode, v.enrolmentDate, v.visitation, v.caseworkerId, v.flereSkalMedGruppe,
        v.recruitmentChannel, v.unmetCriteria.length ? v.overrideReason : null, v.unmetCriteria, actor.userId],
    )
  ).rows[0].id;
  await audit({ action: 'indskriv', entity: 'enrolment', ...about(p as CaseParticipant),
    detail: { enrolmentId: id, projectId: v.projectId, unmetCriteria: v.unmetCriteria } });
  return id;
}

/** A new woman: CPR, names, and her first enrolment, all in one transaction. */
export async function enrolNewParticipant(deps: EnrolDeps, actor: Actor, form: FormData): Promise<SaveResult> {
  return withTenant(deps.db, actor, async (q, audit) => {
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
    const checked = await validateEnrolment(q, actor, cpr.ok ? cpr.value.cpr : str(form, 'cpr'), form);
    Object.assign(errors, checked.errors, errors);
    if (cpr.ok && !errors.cpr) {
      const hash = deps.vault.hashCpr(cpr.value.cpr);
      const exists = (await q.query('SELECT 1 FROM participant WHERE cpr_hash = $1 AND municipality_code = ANY ($2::text[])', [hash, actor.municipalities])).rows.length > 0;
      if (exists) errors.cpr = 'Borgeren findes allerede. Søg hende frem og indskriv hende derfra.';
    }
    if (Object.keys(errors).length > 0 || !cpr.ok || !checked.value) return { status: 'invalid', errors };
    const id = (
      await q.query<{ id: string }>(
        `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex, country_of_origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [municipality, deps.vault.hashCpr(cpr.value.cpr), deps.vault.encryptCpr(cpr.value.cpr), firstName, lastName,
          cpr.value.birthDate, cpr.value.sex, countryStoredName(checked.value.countryOfOrigin)],
      )
    ).rows[0].id;
    await audit({ action: 'opret', entity: 'participant', participantId: id, municipality });
    await insertEnrolment(q, audit, actor, { id, municipalityCode: municipality }, checked.value);
    return { status: 'ok', id };
  });
}

/** Her stored facts for the enrolment form of an existing woman (audited read). */
export async function getEnrolmentSubject(deps: EnrolDeps, actor: Actor, participantId: string) {
  return withTenant(deps.db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'indskriv');
    if (!p) return null;
    const enc = (await q.query<{ cpr_enc: string }>('SELECT cpr_enc FROM participant WHERE id = $1', [p.id])).rows[0].cpr_enc;
    await audit({ action: 'vis', entity: 'enrolment', ...about(p) });
    return { participant: p, cpr: deps.vault.decryptCpr(enc), countryCode: countryCodeOf(p.countryOfOrigin) };
  });
}

/** Enrol (or re-enrol) a woman already known; her earlier enrolments stay as history. */
export async function enrolExistingParticipant(deps: EnrolDeps, actor: Actor, participantId: string, form: FormData): Promise<SaveResult> {
  return withTenant(deps.db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'indskriv');
    if (!p) return { status: 'denied' };
    const enc = (await q.query<{ cpr_enc: string }>('SELECT cpr_enc FROM participant WHERE id = $1', [p.id])).rows[0].cpr_enc;
    const checked = await validateEnrolment(q, actor, deps.vault.decryptCpr(enc), form);
    const errors = { ...checked.errors };
    if (checked.value) {
      const history = p.enrolments.map((e) => ({ projectId: String(e.projectId), enrolmentDate: e.enrolledOn, exitDate: e.exitedOn }));
      const ok = checkReEnrolment(history, { projectId: String(checked.value.projectId), enrolmentDate: checked.value.enrolmentDate });
      if (!ok.ok) errors.enrolmentDate = ok.error;
    }
    if (Object.keys(errors).length > 0 || !checked.value) return { status: 'invalid', errors };
    await q.query('UPDATE participant SET country_of_origin = $2 WHERE id = $1', [p.id, countryStoredName(checked.value.countryOfOrigin)]);
    await insertEnrolment(q, audit, actor, p, checked.value);
    return { status: 'ok', id: p.id };
  });
}
