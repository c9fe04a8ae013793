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
import { sqlOf, type Sql } from './sql.ts';
import { herRecords, type HerRecords } from './her-records.ts';

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

/** Each kind's row and what a form records of it. */
interface DanishTypes {
  kursus: [DanishCourseRow, DanishCourseInput];
  fremmoede: [DanishAttendanceRow, DanishAttendanceInput];
  proeve: [DanishTestRow, DanishTestInput];
  sprogmakker: [DanishBuddyRow, DanishBuddyInput];
}

const META = `t.id, t.created_by AS "createdBy", u.display_name AS "createdByName"`;
const byUser = { join: 'LEFT JOIN app_user u ON u.id = t.created_by' };

/** Her records of each kind (with the name of who entered each), oldest first. */
export const danishRecords: { [K in DanishKind]: HerRecords<DanishTypes[K][0], DanishTypes[K][1]> } = {
  kursus: herRecords(
    'danish_course',
    `${META}, t.education, t.module, t.provider, to_char(t.start_date, 'YYYY-MM-DD') AS "startDate", to_char(t.end_date, 'YYYY-MM-DD') AS "endDate"`,
    't.start_date, t.created_at',
    courseValues,
    byUser,
  ),
  fremmoede: herRecords(
    'danish_attendance',
    `${META}, to_char(t.month, 'YYYY-MM') AS month, t.percent`,
    't.month',
    attendanceValues,
    byUser,
  ),
  proeve: herRecords(
    'danish_test',
    `${META}, t.kind, t.module, to_char(t.taken_on, 'YYYY-MM-DD') AS "takenOn", t.outcome, t.result`,
    't.taken_on, t.created_at',
    testValues,
    byUser,
  ),
  sprogmakker: herRecords(
    'danish_buddy',
    `${META}, to_char(t.from_date, 'YYYY-MM-DD') AS "fromDate", t.buddy_name AS "buddyName"`,
    't.from_date, t.created_at',
    buddyValues,
    byUser,
  ),
};

/** Everything of hers, each list oldest first. */
export async function listDanish(tx: Sql, participantId: string): Promise<DanishRecords> {
  const [courses, attendance, tests, buddies] = await Promise.all([
    danishRecords.kursus.list(tx, participantId),
    danishRecords.fremmoede.list(tx, participantId),
    danishRecords.proeve.list(tx, participantId),
    danishRecords.sprogmakker.list(tx, participantId),
  ]);
  return { courses, attendance, tests, buddies };
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
