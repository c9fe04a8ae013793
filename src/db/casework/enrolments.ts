/** A woman's identity row and her enrolments (visitation, exit): SQL only, inside the door. */
import type { Tx } from '../door.ts';
import { sqlOf } from '../sql.ts';

export interface NewEnrolment {
  projectId: number;
  enrolmentDate: string;
  visitation: string;
  caseworkerId: number;
  flereSkalMedGruppe: number | null;
  recruitmentChannel: string;
  overrideReason: string | null;
  unmetCriteria: string[];
}

export interface NewParticipant {
  municipality: string;
  cprHash: string;
  cprEnc: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: string;
  countryOfOrigin: string | null;
}

/** A woman among the actor's municipalities by the keyed hash of her CPR number. */
export async function findByCprHash(tx: Tx, cprHash: string): Promise<{ id: string; name: string } | null> {
  return (
    (
      await sqlOf(tx).query<{ id: string; name: string }>(
        `SELECT id, first_name || ' ' || last_name AS name FROM participant WHERE cpr_hash = $1 AND municipality_code = ANY ($2::text[]) LIMIT 1`,
        [cprHash, tx.actor.municipalities],
      )
    ).rows[0] ?? null
  );
}

/** Her enrolment open on `today`, if any. */
export async function openEnrolmentOn(
  tx: Tx,
  participantId: string,
  today: string,
): Promise<{ projectName: string; enrolledOn: string } | null> {
  return (
    (
      await sqlOf(tx).query<{ projectName: string; enrolledOn: string }>(
        `SELECT pr.name AS "projectName", to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn"
     FROM enrolment e JOIN project pr ON pr.id = e.project_id
     WHERE e.participant_id = $1 AND e.enrolled_on <= $2 AND (e.exited_on IS NULL OR e.exited_on > $2)
     ORDER BY e.enrolled_on DESC LIMIT 1`,
        [participantId, today],
      )
    ).rows[0] ?? null
  );
}

export async function insertParticipant(tx: Tx, p: NewParticipant): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO participant (municipality_code, cpr_hash, cpr_enc, first_name, last_name, birth_date, sex, country_of_origin)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [p.municipality, p.cprHash, p.cprEnc, p.firstName, p.lastName, p.birthDate, p.sex, p.countryOfOrigin],
    )
  ).rows[0].id;
}

/** Her encrypted CPR number (decrypted by the caller's vault). */
export async function cprEncOf(tx: Tx, participantId: string): Promise<string> {
  return (await sqlOf(tx).query<{ cpr_enc: string }>('SELECT cpr_enc FROM participant WHERE id = $1', [participantId])).rows[0].cpr_enc;
}

export async function setCountryOfOrigin(tx: Tx, participantId: string, country: string | null): Promise<void> {
  await sqlOf(tx).query('UPDATE participant SET country_of_origin = $2 WHERE id = $1', [participantId, country]);
}

export async function insertEnrolment(tx: Tx, p: { id: string; municipalityCode: string }, v: NewEnrolment): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO enrolment (participant_id, project_id, municipality_code, enrolled_on, visitation, caseworker_id,
       flere_skal_med, recruitment_channel, override_reason, unmet_criteria, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        p.id,
        v.projectId,
        p.municipalityCode,
        v.enrolmentDate,
        v.visitation,
        v.caseworkerId,
        v.flereSkalMedGruppe,
        v.recruitmentChannel,
        v.unmetCriteria.length ? v.overrideReason : null,
        v.unmetCriteria,
        tx.actor.userId,
      ],
    )
  ).rows[0].id;
}

/** Exit: the reason is stored as its code (core/codes.ts EXIT_REASONS); pages render the label. */
export async function closeEnrolment(
  tx: Tx,
  enrolmentId: string,
  exit: { exitDate: string; reason: string; note: string | null | undefined },
) {
  await sqlOf(tx).query('UPDATE enrolment SET exited_on = $2, exit_reason = $3, exit_note = $4 WHERE id = $1 AND exited_on IS NULL', [
    enrolmentId,
    exit.exitDate,
    exit.reason,
    exit.note ?? null,
  ]);
}
