/**
 * Her Danish tuition (migration 0143), SQL only: courses, attendance per month, tests and
 * sprogmakker. The caller runs behind the door and audits.
 */
import type { DanishEducation, DanishTestKind, DanishTestOutcome } from '../core/codes.ts';
import type {
  DanishAttendanceInput,
  DanishBuddyInput,
  DanishCourseInput,
  DanishTestInput,
  AttendanceFact,
  TestFact,
} from '../domain/danish.ts';
import { isUuid } from './tenant.ts';
import { sqlOf, type Sql } from './sql.ts';
import { deleteHers, insertHers, updateHers } from './her-records.ts';

interface Meta {
  id: string;
  createdBy: number | null;
  createdByName: string | null;
}

export interface DanishCourseRow extends Meta {
  education: DanishEducation;
  module: number;
  provider: string;
  startDate: string;
  endDate: string | null;
}

export interface DanishAttendanceRow extends Meta {
  /** YYYY-MM */
  month: string;
  percent: number;
}

export interface DanishTestRow extends Meta {
  kind: DanishTestKind;
  module: number | null;
  takenOn: string;
  outcome: DanishTestOutcome;
  result: string | null;
}

export interface DanishBuddyRow extends Meta {
  fromDate: string;
  buddyName: string | null;
}

export interface DanishRecords {
  courses: DanishCourseRow[];
  attendance: DanishAttendanceRow[];
  tests: DanishTestRow[];
  buddies: DanishBuddyRow[];
}

export type DanishKind = 'kursus' | 'fremmoede' | 'proeve' | 'sprogmakker';

const META = `t.id, t.created_by AS "createdBy", u.display_name AS "createdByName"`;
const TABLE: Record<DanishKind, { table: string; cols: string; order: string }> = {
  kursus: {
    table: 'danish_course',
    cols: `t.education, t.module, t.provider, to_char(t.start_date, 'YYYY-MM-DD') AS "startDate", to_char(t.end_date, 'YYYY-MM-DD') AS "endDate"`,
    order: 't.start_date, t.created_at',
  },
  fremmoede: { table: 'danish_attendance', cols: `to_char(t.month, 'YYYY-MM') AS month, t.percent`, order: 't.month' },
  proeve: {
    table: 'danish_test',
    cols: `t.kind, t.module, to_char(t.taken_on, 'YYYY-MM-DD') AS "takenOn", t.outcome, t.result`,
    order: 't.taken_on, t.created_at',
  },
  sprogmakker: {
    table: 'danish_buddy',
    cols: `to_char(t.from_date, 'YYYY-MM-DD') AS "fromDate", t.buddy_name AS "buddyName"`,
    order: 't.from_date, t.created_at',
  },
};

const select = (k: DanishKind) => `SELECT ${META}, ${TABLE[k].cols} FROM ${TABLE[k].table} t LEFT JOIN app_user u ON u.id = t.created_by`;

/** Everything of hers, each list oldest first. */
export async function listDanish(tx: Sql, participantId: string): Promise<DanishRecords> {
  const q = <T>(k: DanishKind) =>
    sqlOf(tx)
      .query<T>(`${select(k)} WHERE t.participant_id = $1 ORDER BY ${TABLE[k].order}`, [participantId])
      .then((r) => r.rows);
  const [courses, attendance, tests, buddies] = await Promise.all([
    q<DanishCourseRow>('kursus'),
    q<DanishAttendanceRow>('fremmoede'),
    q<DanishTestRow>('proeve'),
    q<DanishBuddyRow>('sprogmakker'),
  ]);
  return { courses, attendance, tests, buddies };
}

export async function getDanish(tx: Sql, kind: 'kursus', participantId: string, id: string): Promise<DanishCourseRow | undefined>;
export async function getDanish(tx: Sql, kind: 'fremmoede', participantId: string, id: string): Promise<DanishAttendanceRow | undefined>;
export async function getDanish(tx: Sql, kind: 'proeve', participantId: string, id: string): Promise<DanishTestRow | undefined>;
export async function getDanish(tx: Sql, kind: 'sprogmakker', participantId: string, id: string): Promise<DanishBuddyRow | undefined>;
export async function getDanish(tx: Sql, kind: DanishKind, participantId: string, id: string): Promise<Meta | undefined>;
export async function getDanish(tx: Sql, kind: DanishKind, participantId: string, id: string): Promise<Meta | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<Meta>(`${select(kind)} WHERE t.id = $1 AND t.participant_id = $2`, [id, participantId])).rows[0];
}

export function deleteDanish(tx: Sql, kind: DanishKind, participantId: string, id: string): Promise<void> {
  return deleteHers(tx, TABLE[kind].table, participantId, id);
}

type Her = { id: string; municipalityCode: string };
const by = (p: Her, userId: number) => ({ participantId: p.id, municipality: p.municipalityCode, userId });
const courseValues = (c: DanishCourseInput) => ({
  education: c.education,
  module: c.module,
  provider: c.provider,
  start_date: c.startDate,
  end_date: c.endDate,
});
const attendanceValues = (a: DanishAttendanceInput) => ({ month: `${a.month}-01`, percent: a.percent });
const testValues = (t: DanishTestInput) => ({ kind: t.kind, module: t.module, taken_on: t.takenOn, outcome: t.outcome, result: t.result });
const buddyValues = (b: DanishBuddyInput) => ({ from_date: b.fromDate, buddy_name: b.buddyName });

export function insertCourse(tx: Sql, p: Her, c: DanishCourseInput, userId: number): Promise<string> {
  return insertHers(tx, 'danish_course', by(p, userId), courseValues(c));
}

export function updateCourse(tx: Sql, participantId: string, id: string, c: DanishCourseInput): Promise<void> {
  return updateHers(tx, 'danish_course', participantId, id, courseValues(c));
}

/** The month's row of hers, if any (one row per month). */
export async function attendanceInMonth(tx: Sql, participantId: string, month: string): Promise<{ id: string } | undefined> {
  return (
    await sqlOf(tx).query<{ id: string }>(`SELECT id FROM danish_attendance WHERE participant_id = $1 AND month = $2::date`, [
      participantId,
      `${month}-01`,
    ])
  ).rows[0];
}

export function insertAttendance(tx: Sql, p: Her, a: DanishAttendanceInput, userId: number): Promise<string> {
  return insertHers(tx, 'danish_attendance', by(p, userId), attendanceValues(a));
}

export function updateAttendance(tx: Sql, participantId: string, id: string, a: DanishAttendanceInput): Promise<void> {
  return updateHers(tx, 'danish_attendance', participantId, id, attendanceValues(a));
}

export function insertTest(tx: Sql, p: Her, t: DanishTestInput, userId: number): Promise<string> {
  return insertHers(tx, 'danish_test', by(p, userId), testValues(t));
}

export function updateTest(tx: Sql, participantId: string, id: string, t: DanishTestInput): Promise<void> {
  return updateHers(tx, 'danish_test', participantId, id, testValues(t));
}

export function insertBuddy(tx: Sql, p: Her, b: DanishBuddyInput, userId: number): Promise<string> {
  return insertHers(tx, 'danish_buddy', by(p, userId), buddyValues(b));
}

export function updateBuddy(tx: Sql, participantId: string, id: string, b: DanishBuddyInput): Promise<void> {
  return updateHers(tx, 'danish_buddy', participantId, id, buddyValues(b));
}

/** Attendance and tests of the women of a project (counts for steering; rows never leave the app layer). */
export async function loadDanishFacts(tx: Sql, projectId: number): Promise<{ attendance: AttendanceFact[]; tests: TestFact[] }> {
  const women = 'SELECT participant_id FROM enrolment WHERE project_id = $1';
  const [attendance, tests] = await Promise.all([
    sqlOf(tx).query<AttendanceFact>(
      `SELECT participant_id AS "participantId", to_char(month, 'YYYY-MM') AS month, percent FROM danish_attendance WHERE participant_id IN (${women})`,
      [projectId],
    ),
    sqlOf(tx).query<TestFact>(
      `SELECT participant_id AS "participantId", to_char(taken_on, 'YYYY-MM-DD') AS "takenOn", outcome FROM danish_test WHERE participant_id IN (${women})`,
      [projectId],
    ),
  ]);
  return { attendance: attendance.rows, tests: tests.rows };
}
