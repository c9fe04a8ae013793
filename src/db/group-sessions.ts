/**
 * Group sessions and attendance (migration 0142), SQL only: the caller runs inside the door and
 * audits. Every query names the actor's municipalities besides row-level security.
 */
import type { AttendanceStatus, GroupSessionInput, GroupSessionKind } from '../domain/group-sessions.ts';
import type { Tx } from './door.ts';
import { sqlOf } from './sql.ts';
import { isUuid } from './tenant.ts';

export interface GroupSessionRow {
  id: string;
  projectId: number;
  projectName: string;
  municipalityCode: string;
  seriesId: string | null;
  kind: GroupSessionKind;
  title: string | null;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  languages: string[];
  note: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
}

export interface GroupSessionListRow extends GroupSessionRow {
  attended: number;
  registered: number;
  /** Sessions in the same series. */
  seriesSize: number;
}

export interface AttendanceRow {
  participantId: string;
  firstName: string;
  lastName: string;
  municipalityCode: string;
  status: AttendanceStatus | null;
}

const COLS = `s.id, s.project_id AS "projectId", pr.name AS "projectName", s.municipality_code AS "municipalityCode", s.series_id AS "seriesId",
  s.kind, s.title, to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", to_char(s.starts_at, 'HH24:MI') AS "startsAt", to_char(s.ends_at, 'HH24:MI') AS "endsAt",
  s.place, s.interpreter_languages AS languages, s.note, to_char(s.cancelled_on, 'YYYY-MM-DD') AS "cancelledOn", s.cancel_reason AS "cancelReason"`;
const FROM = 'FROM group_session s JOIN project pr ON pr.id = s.project_id';
const mine = (tx: Tx) => tx.actor.municipalities;

export async function listGroupSessions(tx: Tx): Promise<GroupSessionListRow[]> {
  return (
    await sqlOf(tx).query<GroupSessionListRow>(
      `SELECT ${COLS},
       (SELECT count(*)::int FROM group_session_attendance a WHERE a.session_id = s.id AND a.status = 'moedt') AS attended,
       (SELECT count(*)::int FROM group_session_attendance a WHERE a.session_id = s.id) AS registered,
       (SELECT count(*)::int FROM group_session x WHERE x.series_id = s.series_id) AS "seriesSize"
     ${FROM} WHERE s.municipality_code = ANY ($1::text[]) ORDER BY s.held_on, s.starts_at, s.id`,
      [mine(tx)],
    )
  ).rows;
}

export async function getGroupSession(tx: Tx, id: string): Promise<GroupSessionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<GroupSessionRow>(`SELECT ${COLS} ${FROM} WHERE s.id = $1 AND s.municipality_code = ANY ($2::text[])`, [
      id,
      mine(tx),
    ])
  ).rows[0];
}

/** Creates the sessions of a series (one date: one session, no series id); returns their ids in date order. */
export async function insertGroupSessions(tx: Tx, municipality: string, v: GroupSessionInput, dates: readonly string[]): Promise<string[]> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO group_session (project_id, municipality_code, series_id, kind, title, held_on, starts_at, ends_at, place, interpreter_languages, note, created_by)
     SELECT $1, $2, CASE WHEN cardinality($3::date[]) > 1 THEN $4::uuid END, $5, $6, d, $7::time, $8::time, $9, $10::text[], $11, $12
     FROM unnest($3::date[]) AS d ORDER BY d RETURNING id`,
      [
        v.projectId,
        municipality,
        dates,
        crypto.randomUUID(),
        v.kind,
        v.title,
        v.startsAt,
        v.endsAt,
        v.place,
        v.languages,
        v.note,
        tx.actor.userId,
      ],
    )
  ).rows.map((r) => r.id);
}

/** One session of a series is edited alone. */
export async function updateGroupSession(tx: Tx, id: string, v: GroupSessionInput): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE group_session SET project_id = $2, kind = $3, title = $4, held_on = $5, starts_at = $6::time, ends_at = $7::time, place = $8,
       interpreter_languages = $9::text[], note = $10, updated_at = now()
     WHERE id = $1 AND municipality_code = ANY ($11::text[])`,
    [id, v.projectId, v.kind, v.title, v.heldOn, v.startsAt, v.endsAt, v.place, v.languages, v.note, mine(tx)],
  );
}

/**
 * "Ret hele serien": the date-independent fields (kind, title, project, times, place, interpreter
 * languages, note) of the other sessions of the series; each keeps its own date. Returns their ids.
 */
export async function updateSeriesSessions(tx: Tx, seriesId: string, exceptId: string, v: GroupSessionInput): Promise<string[]> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `UPDATE group_session SET project_id = $3, kind = $4, title = $5, starts_at = $6::time, ends_at = $7::time, place = $8,
       interpreter_languages = $9::text[], note = $10, updated_at = now()
     WHERE series_id = $1 AND id <> $2 AND municipality_code = ANY ($11::text[]) RETURNING id`,
      [seriesId, exceptId, v.projectId, v.kind, v.title, v.startsAt, v.endsAt, v.place, v.languages, v.note, mine(tx)],
    )
  ).rows.map((r) => r.id);
}

/** Cancel (with a reason) or undo a cancellation (null). */
export async function setCancelled(tx: Tx, id: string, on: string | null, reason: string | null): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE group_session SET cancelled_on = $2, cancel_reason = $3, updated_at = now() WHERE id = $1 AND municipality_code = ANY ($4::text[])`,
    [id, on, reason, mine(tx)],
  );
}

/**
 * The women who may be registered at a session: enrolled in its project on its day (latest
 * enrolment open then), and any woman already registered; with her status.
 */
export async function sessionRoster(tx: Tx, s: GroupSessionRow): Promise<AttendanceRow[]> {
  return (
    await sqlOf(tx).query<AttendanceRow>(
      `SELECT p.id AS "participantId", p.first_name AS "firstName", p.last_name AS "lastName", p.municipality_code AS "municipalityCode", a.status
     FROM participant p
     LEFT JOIN group_session_attendance a ON a.session_id = $1 AND a.participant_id = p.id
     WHERE p.municipality_code = ANY ($4::text[]) AND (a.id IS NOT NULL OR EXISTS (
       SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.project_id = $2 AND e.enrolled_on <= $3::date AND (e.exited_on IS NULL OR e.exited_on >= $3::date)))
     ORDER BY p.last_name, p.first_name, p.id`,
      [s.id, s.projectId, s.heldOn, mine(tx)],
    )
  ).rows;
}

export async function setAttendance(
  tx: Tx,
  sessionId: string,
  w: { participantId: string; municipalityCode: string },
  status: AttendanceStatus | null,
): Promise<void> {
  if (status === null) {
    await sqlOf(tx).query('DELETE FROM group_session_attendance WHERE session_id = $1 AND participant_id = $2', [
      sessionId,
      w.participantId,
    ]);
    return;
  }
  await sqlOf(tx).query(
    `INSERT INTO group_session_attendance (session_id, participant_id, municipality_code, status, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id, participant_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
    [sessionId, w.participantId, w.municipalityCode, status, tx.actor.userId],
  );
}

export interface HerAttendanceRow {
  sessionId: string;
  kind: GroupSessionKind;
  title: string | null;
  heldOn: string;
  startsAt: string;
  place: string;
  status: AttendanceStatus;
  cancelled: boolean;
}

/** Her attendance at group sessions (for her timeline). */
export async function attendanceOf(tx: Tx, participantId: string): Promise<HerAttendanceRow[]> {
  return (
    await sqlOf(tx).query<HerAttendanceRow>(
      `SELECT s.id AS "sessionId", s.kind, s.title, to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", to_char(s.starts_at, 'HH24:MI') AS "startsAt", s.place,
            a.status, s.cancelled_on IS NOT NULL AS cancelled
     FROM group_session_attendance a JOIN group_session s ON s.id = a.session_id
     WHERE a.participant_id = $1 ORDER BY s.held_on, s.starts_at`,
      [participantId],
    )
  ).rows;
}

/** Held sessions of a project up to a day, each with its attendance statuses (counts only, for Styring). */
export async function projectSessionFacts(
  tx: Tx,
  projectId: number,
  day: string,
): Promise<{ kind: GroupSessionKind; cancelled: boolean; statuses: AttendanceStatus[] }[]> {
  return (
    await sqlOf(tx).query<{ kind: GroupSessionKind; cancelled: boolean; statuses: AttendanceStatus[] }>(
      `SELECT s.kind, s.cancelled_on IS NOT NULL AS cancelled,
            coalesce(array_agg(a.status) FILTER (WHERE a.status IS NOT NULL), '{}') AS statuses
     FROM group_session s LEFT JOIN group_session_attendance a ON a.session_id = s.id
     WHERE s.project_id = $1 AND s.held_on <= $2::date
     GROUP BY s.id, s.kind, s.cancelled_on`,
      [projectId, day],
    )
  ).rows;
}
