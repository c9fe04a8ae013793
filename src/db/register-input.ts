/**
 * The rows the monitoring engine's input is built from: each enrolment with her register row
 * (now, or as it stood after a delivery), keyed by the CPR hash and carrying her birth date, so no
 * CPR number is decrypted to compute results. Read inside the door for a municipality's own
 * users, or on the system path for the agency's suppressed aggregates and an import's revision.
 */
import type { Participant } from '../monitoring/types.ts';
import { sqlOf, type Reader } from './sql.ts';

/** A door's Tx, an open transaction of the system path, or the database itself. */
export type RegisterReader = Reader;

export interface EnrolmentRegisterRow {
  enrolmentId: string;
  participantId: string;
  code: string;
  name: string;
  projectId: number;
  enrolledOn: string;
  exitedOn: string | null;
  visitation: Participant['visitation'];
  birthDate: string;
  cprHash: string;
  data: Uint8Array | null;
}

/** Whose enrolments: one project, some municipalities, some people (by CPR hash), or all the reader may see. */
export type EnrolmentScope = { projectId: number } | { municipalities: string[] } | { cprHashes: string[] } | Record<string, never>;

const SELECT = `SELECT e.id AS "enrolmentId", p.id AS "participantId", p.municipality_code AS code, m.name,
    e.project_id AS "projectId", e.enrolled_on AS "enrolledOn", e.exited_on AS "exitedOn", e.visitation,
    p.birth_date AS "birthDate", p.cpr_hash AS "cprHash", r.data
  FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.code = p.municipality_code`;
/** Her register row now, or as it stood after batch $1 (the latest version up to it). */
const LATEST = 'LEFT JOIN register_person r ON r.cpr_hash = p.cpr_hash';
const AS_OF = `LEFT JOIN LATERAL (SELECT v.data FROM register_person_version v WHERE v.cpr_hash = p.cpr_hash AND v.batch_id <= $1
    ORDER BY v.batch_id DESC LIMIT 1) r ON true`;

function whereOf(scope: EnrolmentScope, n: number): { where: string; params: unknown[] } {
  if ('projectId' in scope) return { where: `WHERE e.project_id = $${n}`, params: [scope.projectId] };
  if ('municipalities' in scope) return { where: `WHERE p.municipality_code = ANY($${n}::text[])`, params: [scope.municipalities] };
  if ('cprHashes' in scope) return { where: `WHERE p.cpr_hash = ANY($${n}::text[])`, params: [scope.cprHashes] };
  return { where: '', params: [] };
}

/** The enrolments in `scope` with their register rows, in enrolment order. */
export async function enrolmentRegisterRows(
  reader: RegisterReader,
  scope: EnrolmentScope,
  asOfBatch?: number,
): Promise<EnrolmentRegisterRow[]> {
  const q = sqlOf(reader);
  if (asOfBatch === undefined) {
    const { where, params } = whereOf(scope, 1);
    return (await q.query<EnrolmentRegisterRow>(`${SELECT} ${LATEST} ${where} ORDER BY e.enrolled_on, e.id`, params)).rows;
  }
  // With a batch, it is parameter $1 and the scope's parameter $2.
  const { where, params } = whereOf(scope, 2);
  return (await q.query<EnrolmentRegisterRow>(`${SELECT} ${AS_OF} ${where} ORDER BY e.enrolled_on, e.id`, [asOfBatch, ...params])).rows;
}

/** One woman's enrolments (newest first) with her register row as stored now. */
export async function participantRegisterRows(reader: RegisterReader, participantId: string) {
  return (
    await sqlOf(reader).query<{
      hash: string;
      birthDate: string;
      kommune: string;
      code: string;
      id: string;
      enrolledOn: string;
      exitedOn: string | null;
      visitation: Participant['visitation'];
      data: Uint8Array | null;
    }>(
      `SELECT p.cpr_hash AS hash, p.birth_date AS "birthDate", m.name AS kommune, p.municipality_code AS code, e.id,
              e.enrolled_on AS "enrolledOn", e.exited_on AS "exitedOn", e.visitation, r.data
       FROM participant p JOIN municipality m ON m.code = p.municipality_code
       JOIN enrolment e ON e.participant_id = p.id LEFT JOIN register_person r ON r.cpr_hash = p.cpr_hash
       WHERE p.id = $1 ORDER BY e.enrolled_on DESC, e.created_at DESC`,
      [participantId],
    )
  ).rows;
}

/** The last day of the latest-ending project (null without projects). */
export async function latestProjectEnd(reader: RegisterReader): Promise<string | null> {
  return (await sqlOf(reader).query<{ e: string | null }>('SELECT max(end_date) AS e FROM project')).rows[0].e;
}

/** Each project's id and its short key (pseudonym scope and the microdata's project column). */
export async function projectKeys(reader: RegisterReader): Promise<Map<number, string>> {
  const r = await sqlOf(reader).query<{ id: number; key: string }>('SELECT id, key FROM project');
  return new Map(r.rows.map((row) => [row.id, row.key]));
}
