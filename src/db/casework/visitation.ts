/** Changes of her visitation (SQL only; the caller runs behind the door and audits). */
import type { Visitation } from '../../core/codes.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';
import { deleteHers, insertHers } from '../her-records.ts';

export interface VisitationChangeRow {
  id: string;
  enrolmentId: string;
  date: string;
  visitation: Visitation;
  reason: string | null;
  createdBy: number | null;
  createdByName: string | null;
}

const COLS = `v.id, v.enrolment_id AS "enrolmentId", v.changed_on AS "date", v.visitation, v.reason, v.created_by AS "createdBy", u.display_name AS "createdByName"`;

/** Every change of hers, oldest first. */
export async function listVisitationChanges(tx: Sql, participantId: string): Promise<VisitationChangeRow[]> {
  return (
    await sqlOf(tx).query<VisitationChangeRow>(
      `SELECT ${COLS} FROM casework_visitation_change v LEFT JOIN app_user u ON u.id = v.created_by
     WHERE v.participant_id = $1 ORDER BY v.changed_on, v.created_at`,
      [participantId],
    )
  ).rows;
}

export async function getVisitationChange(tx: Sql, participantId: string, id: string): Promise<VisitationChangeRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<VisitationChangeRow>(
      `SELECT ${COLS} FROM casework_visitation_change v LEFT JOIN app_user u ON u.id = v.created_by WHERE v.id = $1 AND v.participant_id = $2`,
      [id, participantId],
    )
  ).rows[0];
}

export function insertVisitationChange(
  tx: Sql,
  participantId: string,
  municipality: string,
  enrolmentId: string,
  c: { date: string; visitation: Visitation; reason: string | null },
  userId: number,
): Promise<string> {
  const values = { enrolment_id: enrolmentId, changed_on: c.date, visitation: c.visitation, reason: c.reason };
  return insertHers(tx, 'casework_visitation_change', { participantId, municipality, userId }, values);
}

export function deleteVisitationChange(tx: Sql, participantId: string, id: string): Promise<void> {
  return deleteHers(tx, 'casework_visitation_change', participantId, id);
}
