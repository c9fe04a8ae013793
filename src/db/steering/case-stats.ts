/**
 * Aggregates of a project's case data for steering: enrolments, company-oriented activities,
 * CV and ABC strategy, activity mix, conversations and caseloads. Runs on a tenant transaction
 * (row-level security applies); returns counts only, never a person.
 */
import type { ActivityType } from '../../domain/activities.ts';
import { activityCatalogue } from '../../domain/activities.ts';
import type { ActivityCategory } from '../../core/codes.ts';
import { hasAbcStrategy } from '../../domain/plan.ts';
import { sqlOf, type Sql } from '../sql.ts';
import { loadDanishFacts } from '../danish.ts';
import type { AttendanceFact, TestFact } from '../../domain/danish.ts';

export interface EnrolmentFact {
  enrolmentId: string;
  participantId: string;
  enrolledOn: string;
  exitedOn: string | null;
  caseworker: string | null;
  /** Visitation category at enrolment. */
  visitation: string;
}

export interface ActivityFact {
  participantId: string;
  category: ActivityCategory | null;
  startDate: string;
  status: string;
}

export interface CaseFacts {
  enrolments: EnrolmentFact[];
  activities: ActivityFact[];
  conversations: { participantId: string; heldOn: string }[];
  /** Participants with a CV on Jobnet and all of A, B and C filled in. */
  cvAbc: Set<string>;
  /** Changes of visitation after enrolment, per enrolment (oldest first). */
  visitationChanges?: { enrolmentId: string; date: string; visitation: string }[];
  /** Danish tuition: attendance per month and tests of the project's women (issue 14 build 4). */
  danishAttendance?: AttendanceFact[];
  danishTests?: TestFact[];
  /** The project's threshold for "møder stabilt til danskundervisning" (%); default 80. */
  danishThreshold?: number;
}

export async function loadCaseFacts(tx: Sql, projectId: number, extraTypes: ActivityType[]): Promise<CaseFacts> {
  const enrolments = (
    await sqlOf(tx).query<EnrolmentFact>(
      `SELECT e.id AS "enrolmentId", e.participant_id AS "participantId", e.enrolled_on AS "enrolledOn", e.exited_on AS "exitedOn",
            u.display_name AS caseworker, e.visitation
     FROM enrolment e LEFT JOIN app_user u ON u.id = e.caseworker_id WHERE e.project_id = $1 ORDER BY e.enrolled_on`,
      [projectId],
    )
  ).rows;
  const category = new Map(activityCatalogue(extraTypes).map((t) => [t.key, t.category]));
  const acts = (
    await sqlOf(tx).query<{ participantId: string; typeKey: string; startDate: string; status: string }>(
      `SELECT a.participant_id AS "participantId", a.type_key AS "typeKey", a.start_date AS "startDate", a.status
     FROM casework_activity a WHERE a.participant_id IN (SELECT participant_id FROM enrolment WHERE project_id = $1)`,
      [projectId],
    )
  ).rows;
  const conversations = (
    await sqlOf(tx).query<{ participantId: string; heldOn: string }>(
      `SELECT c.participant_id AS "participantId", c.held_on AS "heldOn" FROM casework_conversation c
     WHERE c.participant_id IN (SELECT participant_id FROM enrolment WHERE project_id = $1)`,
      [projectId],
    )
  ).rows;
  const plans = (
    await sqlOf(tx).query<{ participantId: string; data: { cvOnJobnet?: boolean; abcStrategy?: { a: string; b: string; c: string } } }>(
      `SELECT participant_id AS "participantId", data FROM casework_plan
     WHERE participant_id IN (SELECT participant_id FROM enrolment WHERE project_id = $1)`,
      [projectId],
    )
  ).rows;
  const visitationChanges = (
    await sqlOf(tx).query<{ enrolmentId: string; date: string; visitation: string }>(
      `SELECT v.enrolment_id AS "enrolmentId", v.changed_on AS "date", v.visitation FROM casework_visitation_change v
     WHERE v.enrolment_id IN (SELECT id FROM enrolment WHERE project_id = $1) ORDER BY v.changed_on, v.created_at`,
      [projectId],
    )
  ).rows;
  const danish = await loadDanishFacts(tx, projectId);
  return {
    enrolments,
    visitationChanges,
    danishAttendance: danish.attendance,
    danishTests: danish.tests,
    activities: acts.map((a) => ({
      participantId: a.participantId,
      category: category.get(a.typeKey) ?? null,
      startDate: a.startDate,
      status: a.status,
    })),
    conversations,
    cvAbc: new Set(plans.filter((p) => p.data?.cvOnJobnet === true && hasAbcStrategy(p.data as never)).map((p) => p.participantId)),
  };
}
