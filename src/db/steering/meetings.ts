/** A project's steering group and committee meetings: meetings, agenda points, follow-up actions and the yearly number; SQL only. */
import type { ActionInput, AgendaPoint, Meeting, MeetingAction, MeetingInput, PointInput } from '../../domain/steering-meetings.ts';
import type { AgendaSource } from '../../core/codes.ts';
import { allRows, changedAny, firstRow, sqlOf, type Sql } from '../sql.ts';

const MEETING = `id, project_id AS "projectId", kind, held_on AS "heldOn", title, place, participants`;
const POINT = `id, meeting_id AS "meetingId", position, title, body, source, minutes, decision`;
/** One point or action: by its id within the project's meeting. */
const ONE_ITEM = 'WHERE project_id = $1 AND meeting_id = $2 AND id = $3';
const ACTION = `id, meeting_id AS "meetingId", description, owner, owner_user_id AS "ownerUserId", due_date AS "dueDate", status, milestone_id AS "milestoneId"`;

export async function listMeetings(tx: Sql, projectId: number): Promise<Meeting[]> {
  return (await sqlOf(tx).query<Meeting>(`SELECT ${MEETING} FROM steering_meeting WHERE project_id = $1 ORDER BY held_on, id`, [projectId]))
    .rows;
}

export async function getMeeting(tx: Sql, projectId: number, id: number): Promise<Meeting | undefined> {
  return (await sqlOf(tx).query<Meeting>(`SELECT ${MEETING} FROM steering_meeting WHERE project_id = $1 AND id = $2`, [projectId, id]))
    .rows[0];
}

/** The meeting, locked until the transaction ends (two drafts of one agenda at once run one after the other). */
export async function lockMeeting(tx: Sql, projectId: number, id: number): Promise<Meeting | undefined> {
  return (
    await sqlOf(tx).query<Meeting>(`SELECT ${MEETING} FROM steering_meeting WHERE project_id = $1 AND id = $2 FOR UPDATE`, [projectId, id])
  ).rows[0];
}

export async function insertMeeting(tx: Sql, projectId: number, m: MeetingInput, userId: number | null): Promise<number> {
  return (
    await sqlOf(tx).query<{ id: number }>(
      `INSERT INTO steering_meeting (project_id, kind, held_on, title, place, participants, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [projectId, m.kind, m.heldOn, m.title, m.place, m.participants, userId],
    )
  ).rows[0].id;
}

export async function updateMeeting(tx: Sql, projectId: number, id: number, m: MeetingInput, userId: number) {
  await sqlOf(tx).query(
    `UPDATE steering_meeting SET kind = $3, held_on = $4, title = $5, place = $6, participants = $7, updated_by = $8, updated_at = now()
     WHERE project_id = $1 AND id = $2`,
    [projectId, id, m.kind, m.heldOn, m.title, m.place, m.participants, userId],
  );
}

/** Removes the meeting with its points and actions (ON DELETE CASCADE). */
export async function deleteMeeting(tx: Sql, projectId: number, id: number): Promise<boolean> {
  return (await sqlOf(tx).query('DELETE FROM steering_meeting WHERE project_id = $1 AND id = $2', [projectId, id])).rowCount > 0;
}

export async function listPoints(tx: Sql, projectId: number, meetingId: number): Promise<AgendaPoint[]> {
  return allRows<AgendaPoint>(
    tx,
    `SELECT ${POINT} FROM steering_meeting_point WHERE project_id = $1 AND meeting_id = $2 ORDER BY position, id`,
    [projectId, meetingId],
  );
}

/** Every point of the project's meetings (for decisions across meetings). */
export async function listProjectPoints(tx: Sql, projectId: number): Promise<AgendaPoint[]> {
  return allRows<AgendaPoint>(tx, `SELECT ${POINT} FROM steering_meeting_point WHERE project_id = $1 ORDER BY meeting_id, position, id`, [
    projectId,
  ]);
}

export async function getPoint(tx: Sql, projectId: number, meetingId: number, id: number): Promise<AgendaPoint | undefined> {
  return firstRow(tx, `SELECT ${POINT} FROM steering_meeting_point ${ONE_ITEM}`, [projectId, meetingId, id]);
}

/** Appends a point at the end of the agenda. */
export async function insertPoint(
  tx: Sql,
  projectId: number,
  meetingId: number,
  p: PointInput & { source?: AgendaSource },
  userId: number | null,
): Promise<number> {
  return (
    await sqlOf(tx).query<{ id: number }>(
      `INSERT INTO steering_meeting_point (project_id, meeting_id, position, title, body, source, minutes, decision, updated_by)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM steering_meeting_point WHERE meeting_id = $2), $3, $4, $5, $6, $7, $8) RETURNING id`,
      [projectId, meetingId, p.title, p.body, p.source ?? 'manuel', p.minutes, p.decision, userId],
    )
  ).rows[0].id;
}

export async function updatePoint(tx: Sql, projectId: number, meetingId: number, id: number, p: PointInput, userId: number) {
  await sqlOf(tx).query(
    `UPDATE steering_meeting_point SET title = $4, body = $5, minutes = $6, decision = $7, updated_by = $8, updated_at = now()
     ${ONE_ITEM}`,
    [projectId, meetingId, id, p.title, p.body, p.minutes, p.decision, userId],
  );
}

export async function deletePoint(tx: Sql, projectId: number, meetingId: number, id: number): Promise<boolean> {
  return changedAny(tx, `DELETE FROM steering_meeting_point ${ONE_ITEM}`, [projectId, meetingId, id]);
}

/** Numbers the agenda 1, 2, 3 … in the given order of point ids. */
export async function renumberPoints(tx: Sql, projectId: number, meetingId: number, orderedIds: number[]) {
  await sqlOf(tx).query(
    `UPDATE steering_meeting_point p SET position = o.n FROM unnest($3::int[]) WITH ORDINALITY AS o(id, n)
     WHERE p.project_id = $1 AND p.meeting_id = $2 AND p.id = o.id`,
    [projectId, meetingId, orderedIds],
  );
}

export async function listActions(tx: Sql, projectId: number, meetingId?: number): Promise<MeetingAction[]> {
  return allRows<MeetingAction>(
    tx,
    `SELECT ${ACTION} FROM steering_meeting_action WHERE project_id = $1 AND ($2::int IS NULL OR meeting_id = $2) ORDER BY due_date, id`,
    [projectId, meetingId ?? null],
  );
}

export async function getAction(tx: Sql, projectId: number, meetingId: number, id: number): Promise<MeetingAction | undefined> {
  return firstRow(tx, `SELECT ${ACTION} FROM steering_meeting_action ${ONE_ITEM}`, [projectId, meetingId, id]);
}

export async function insertAction(
  tx: Sql,
  projectId: number,
  meetingId: number,
  a: Omit<ActionInput, 'ownerUserId'> & { ownerUserId?: number | null },
  userId: number | null,
): Promise<number> {
  return (
    await sqlOf(tx).query<{ id: number }>(
      `INSERT INTO steering_meeting_action (project_id, meeting_id, description, owner, due_date, status, milestone_id, updated_by, owner_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [projectId, meetingId, a.description, a.owner, a.dueDate, a.status, a.milestoneId, userId, a.ownerUserId ?? null],
    )
  ).rows[0].id;
}

export async function updateAction(tx: Sql, projectId: number, meetingId: number, id: number, a: ActionInput, userId: number) {
  await sqlOf(tx).query(
    `UPDATE steering_meeting_action SET description = $4, owner = $5, due_date = $6, status = $7, milestone_id = $8, updated_by = $9, owner_user_id = $10, updated_at = now()
     ${ONE_ITEM}`,
    [projectId, meetingId, id, a.description, a.owner, a.dueDate, a.status, a.milestoneId, userId, a.ownerUserId ?? null],
  );
}

export async function deleteAction(tx: Sql, projectId: number, meetingId: number, id: number): Promise<boolean> {
  return changedAny(tx, `DELETE FROM steering_meeting_action ${ONE_ITEM}`, [projectId, meetingId, id]);
}

export async function loadMeetingsPerYear(tx: Sql, projectId: number): Promise<number | null> {
  return (
    (await sqlOf(tx).query<{ n: number }>('SELECT meetings_per_year AS n FROM steering_meeting_setting WHERE project_id = $1', [projectId]))
      .rows[0]?.n ?? null
  );
}

export async function saveMeetingsPerYear(tx: Sql, projectId: number, n: number, userId: number | null) {
  await sqlOf(tx).query(
    `INSERT INTO steering_meeting_setting (project_id, meetings_per_year, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (project_id) DO UPDATE SET meetings_per_year = EXCLUDED.meetings_per_year, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [projectId, n, userId],
  );
}

/** For the demo seed: a project's id by its key, and a milestone's id by its number. */
export async function projectIdByKey(tx: Sql, key: string): Promise<number | undefined> {
  return (await sqlOf(tx).query<{ id: number }>('SELECT id FROM project WHERE key = $1', [key])).rows[0]?.id;
}
export async function milestoneIdByNumber(tx: Sql, projectId: number, number: number): Promise<number | null> {
  return (
    (await sqlOf(tx).query<{ id: number }>('SELECT id FROM project_milestone WHERE project_id = $1 AND number = $2', [projectId, number]))
      .rows[0]?.id ?? null
  );
}
