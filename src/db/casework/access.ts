/**
 * The door to one woman's case inside a tenant transaction: finds her (row-level security and
 * an explicit municipality check) and audits a denied look-up as `adgang_naegtet` itself.
 */
import { isUuid } from '../tenant.ts';
import { deniedAccess, type Tx } from '../door.ts';
import { auditIn, sqlOf, type Sql } from '../sql.ts';

export interface CaseEnrolment {
  id: string;
  projectId: number;
  projectName: string;
  enrolledOn: string;
  exitedOn: string | null;
  exitReason: string | null;
  visitation: string;
  caseworkerId: number | null;
  caseworkerName: string | null;
  flereSkalMed: number | null;
  recruitmentChannel: string | null;
  overrideReason: string | null;
  unmetCriteria: string[];
  exitNote: string | null;
}

export interface CaseParticipant {
  id: string;
  municipalityCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  countryOfOrigin: string | null;
  /** Latest enrolment (open or not), or null if she was never enrolled. */
  enrolment: CaseEnrolment | null;
  enrolments: CaseEnrolment[];
}

export async function loadEnrolments(tx: Sql, participantId: string): Promise<CaseEnrolment[]> {
  return (
    await sqlOf(tx).query<CaseEnrolment>(
      `SELECT e.id, e.project_id AS "projectId", pr.name AS "projectName", e.enrolled_on AS "enrolledOn",
              e.exited_on AS "exitedOn", e.exit_reason AS "exitReason", e.visitation, e.caseworker_id AS "caseworkerId",
              u.display_name AS "caseworkerName", e.flere_skal_med AS "flereSkalMed", e.recruitment_channel AS "recruitmentChannel",
              e.override_reason AS "overrideReason", e.unmet_criteria AS "unmetCriteria", e.exit_note AS "exitNote"
       FROM enrolment e JOIN project pr ON pr.id = e.project_id LEFT JOIN app_user u ON u.id = e.caseworker_id
       WHERE e.participant_id = $1 ORDER BY e.enrolled_on DESC, e.created_at DESC`,
      [participantId],
    )
  ).rows;
}

/** The woman if the actor may see her; otherwise null, with the denied attempt audited. */
export async function findCaseParticipant(tx: Tx, id: string, purpose: string): Promise<CaseParticipant | null> {
  const p = isUuid(id)
    ? (
        await sqlOf(tx).query<Omit<CaseParticipant, 'enrolment' | 'enrolments'>>(
          `SELECT id, municipality_code AS "municipalityCode", first_name AS "firstName", last_name AS "lastName",
                  birth_date AS "birthDate", country_of_origin AS "countryOfOrigin"
           FROM participant WHERE id = $1 AND municipality_code = ANY ($2::text[])`,
          [id, tx.actor.municipalities],
        )
      ).rows[0]
    : undefined;
  if (!p) {
    await auditIn(tx, deniedAccess(id, purpose));
    return null;
  }
  const enrolments = await loadEnrolments(tx, p.id);
  return { ...p, enrolment: enrolments[0] ?? null, enrolments };
}

/** Audit a denied look-up of a record (activity, conversation …) that is not hers or not visible. */
export async function auditDeniedRecord(tx: Tx, p: CaseParticipant, entity: string, recordId: string, purpose: string) {
  await auditIn(tx, {
    action: 'adgang_naegtet',
    entity,
    participantId: p.id,
    municipality: p.municipalityCode,
    detail: { requestedId: recordId, purpose },
  });
}
