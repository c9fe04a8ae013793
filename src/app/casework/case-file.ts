/**
 * Everything recorded about one woman's course, loaded in one tenant transaction, with her
 * alerts, next due date and distance travelled computed by the domain rules.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Tx, type Db } from '../../db/door.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import { activityRecords, type ActivityRow } from '../../db/casework/activities.ts';
import { conversationRecords, type ConversationRow } from '../../db/casework/conversations.ts';
import { assessmentRecords, type AssessmentRow } from '../../db/casework/assessments.ts';
import { exemptionRecords, type ExemptionRow } from '../../db/casework/exemptions.ts';
import { exemptionOn } from '../../domain/exemptions.ts';
import { listVisitationChanges, type VisitationChangeRow } from '../../db/casework/visitation.ts';
import { visitationHistory, type VisitationStep } from '../../domain/visitation.ts';
import type { Visitation } from '../../core/codes.ts';
import { getPlan, listPlanChanges, type PlanChangeRow } from '../../db/casework/plan.ts';
import { listConsultantChanges, type ConsultantChangeRow } from '../../db/casework/consultants.ts';
import { consultantOn } from '../../domain/consultant.ts';
import { listFamilyChanges, type FamilyChangeRow } from '../../db/casework/family.ts';
import { familyOn } from '../../domain/family.ts';
import { attendanceOf, type HerAttendanceRow } from '../../db/group-sessions.ts';
import { listDanish, type DanishRecords } from '../../db/danish.ts';
import { followUpsOfParticipants, type FollowUpRow } from '../../db/companies.ts';
import { loadProjectConfig, type ProjectConfig } from '../../db/casework/project-config.ts';
import { computeAlerts, type Alert } from '../../domain/alerts.ts';
import { nextDueDate, type DueDate } from '../../domain/follow-up.ts';
import { lastContact } from '../../domain/conversations.ts';
import { conversationPace } from '../../domain/alert-rules.ts';
import { distanceTravelled, FREMDRIFTSTRAPPEN, WHO5, type DistanceTravelled, type Instrument } from '../../domain/instruments.ts';
import { toInstrument, type ProjectInstrumentVersion } from '../../domain/project-instruments.ts';
import { instrumentVersionsOfCase, scorableVersions } from './case-instruments.ts';
import type { Plan } from '../../domain/plan.ts';
import { todayInDenmark } from './today.ts';

export interface CaseFile {
  participant: CaseParticipant;
  today: string;
  plan: Plan | null;
  planChanges: PlanChangeRow[];
  activities: ActivityRow[];
  /** Follow-ups recorded on her hirings after 1, 3 and 6 months. */
  followUps: FollowUpRow[];
  conversations: ConversationRow[];
  assessments: AssessmentRow[];
  /** Changes of visitation in her latest enrolment, oldest first, each with where it came from. */
  visitationSteps: VisitationStep<VisitationChangeRow>[];
  /** Her company consultants over time (virksomhedskonsulent), oldest first, and the one today. */
  consultantChanges: ConsultantChangeRow[];
  consultant: ConsultantChangeRow | null;
  /** Her family situation over time (issue 14 build 6), oldest first; the one in force today and at her enrolment. */
  familyChanges: FamilyChangeRow[];
  family: FamilyChangeRow | null;
  familyAtEnrolment: FamilyChangeRow | null;
  /** Her attendance at group sessions (issue 14 build 3), oldest first. */
  groupAttendance: HerAttendanceRow[];
  /** Her Danish tuition (issue 14 build 4): courses, attendance per month, tests, sprogmakker; each oldest first. */
  danish: DanishRecords;
  /** Her exemption periods, newest first. */
  exemptions: ExemptionRow[];
  /** The period covering today, if any (the follow-up rules pause). */
  exemptToday: ExemptionRow | null;
  config: ProjectConfig;
  /** True while her latest enrolment is open today. */
  enrolled: boolean;
  alerts: Alert[];
  nextDue: DueDate | null;
  lastContact: string | null;
  /** Conversations in the last 12 months against the (prorated) yearly target; null when not enrolled. */
  pace: { held: number; expected: number; target: number } | null;
  distance: { who5: DistanceTravelled | null; trappen: DistanceTravelled | null };
  /**
   * Her projects' own instruments (issue 14 build 5): every version (as Instruments, to read her
   * scores under the version they were given under), the versions that take a new score, and her
   * distance travelled on each version she has scores on — within that version only.
   */
  projectInstruments: {
    instruments: Instrument[];
    scorable: ProjectInstrumentVersion[];
    distance: { instrument: Instrument; version: ProjectInstrumentVersion; distance: DistanceTravelled | null }[];
  };
}

/**
 * Load the case data for an already authorised participant (inside the caller's transaction).
 * Long because it is two flat lists: the fourteen reads started together (so PostgreSQL gets them
 * as one message) and the case file assembled from them field by field; a split would only hand
 * the fourteen results on to a second function.
 */
export async function loadCaseData(tx: Tx, p: CaseParticipant, today: string): Promise<CaseFile> {
  // Started together, so PostgreSQL gets them as one message (db/database.ts: batchingQueryable).
  const [
    plan,
    planChanges,
    activities,
    conversations,
    assessments,
    exemptions,
    visitationChanges,
    config,
    followUps,
    consultantChanges,
    groupAttendance,
    instrumentVersions,
    danish,
    familyChanges,
  ] = await Promise.all([
    getPlan(tx, p.id),
    listPlanChanges(tx, p.id),
    activityRecords.list(tx, p.id),
    conversationRecords.list(tx, p.id),
    assessmentRecords.list(tx, p.id),
    exemptionRecords.list(tx, p.id),
    listVisitationChanges(tx, p.id),
    loadProjectConfig(tx, p.enrolment?.projectId),
    followUpsOfParticipants(tx, [p.id]),
    listConsultantChanges(tx, p.id),
    attendanceOf(tx, p.id),
    instrumentVersionsOfCase(tx, p),
    listDanish(tx, p.id),
    listFamilyChanges(tx, p.id),
  ]);
  const e = p.enrolment;
  const enrolled = Boolean(e && e.enrolledOn <= today && (!e.exitedOn || e.exitedOn > today));
  const input = e
    ? {
        enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
        activities,
        hiringFollowUp: { hirings: activities, recorded: followUps },
        conversations,
        plan,
        assessments,
        today,
        settings: config.settings,
        extraActivityTypes: config.extraTypes,
        exemptions,
      }
    : null;
  return {
    participant: p,
    today,
    plan,
    planChanges,
    activities,
    followUps,
    conversations,
    assessments,
    exemptions,
    consultantChanges,
    groupAttendance,
    danish,
    consultant: consultantOn(consultantChanges, today),
    familyChanges,
    family: familyOn(familyChanges, today),
    familyAtEnrolment: e ? familyOn(familyChanges, e.enrolledOn) : null,
    visitationSteps: e
      ? visitationHistory(
          e.visitation as Visitation,
          visitationChanges.filter((c) => c.enrolmentId === e.id),
        )
      : [],
    exemptToday: enrolled ? exemptionOn(exemptions, today) : null,
    config,
    enrolled,
    alerts: input ? computeAlerts(input) : [],
    nextDue: input ? nextDueDate(input) : null,
    lastContact: lastContact(conversations, today)?.date ?? null,
    pace: input && enrolled ? { ...conversationPace(input, config.settings), target: config.settings.conversationsPerYearTarget } : null,
    distance: { who5: distanceTravelled(WHO5, assessments), trappen: distanceTravelled(FREMDRIFTSTRAPPEN, assessments) },
    projectInstruments: projectInstrumentsOf(p, instrumentVersions, assessments),
  };
}

function projectInstrumentsOf(
  p: CaseParticipant,
  versions: ProjectInstrumentVersion[],
  assessments: AssessmentRow[],
): CaseFile['projectInstruments'] {
  const used = new Set(assessments.map((a) => a.instrumentKey));
  const pairs = versions.map((v) => ({ version: v, instrument: toInstrument(v) }));
  return {
    instruments: pairs.map((x) => x.instrument),
    scorable: scorableVersions(p, versions),
    distance: pairs
      .filter((x) => used.has(x.instrument.key))
      .map((x) => ({ ...x, distance: distanceTravelled(x.instrument, assessments) })),
  };
}

/** Read her case file (audited as `vis` of `forloeb`), or null when she is not visible. */
export async function getCaseFile(db: Db, actor: Actor, participantId: string, today = todayInDenmark()): Promise<CaseFile | null> {
  return door(db, actor, async (tx) => {
    const p = await findCaseParticipant(tx, participantId, 'vis_forloeb');
    if (!p) return { value: null, audit: [] };
    const file = await loadCaseData(tx, p, today);
    return { value: file, audit: { action: 'vis', entity: 'forloeb', participantId: p.id, municipality: p.municipalityCode } };
  });
}
