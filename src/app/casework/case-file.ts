/**
 * Everything recorded about one woman's course, loaded in one tenant transaction, with her
 * alerts, next due date and distance travelled computed by the domain rules.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { withTenant, type Audit } from '../../db/tenant.ts';
import { findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import { listActivities, type ActivityRow } from '../../db/casework/activities.ts';
import { listConversations, type ConversationRow } from '../../db/casework/conversations.ts';
import { listAssessments, type AssessmentRow } from '../../db/casework/assessments.ts';
import { getPlan, listPlanChanges, type PlanChangeRow } from '../../db/casework/plan.ts';
import { loadProjectConfig, type ProjectConfig } from '../../db/casework/project-config.ts';
import { computeAlerts, type Alert } from '../../domain/alerts.ts';
import { nextDueDate, type DueDate } from '../../domain/follow-up.ts';
import { lastContact } from '../../domain/conversations.ts';
import { conversationPace } from '../../domain/alert-rules.ts';
import { distanceTravelled, FREMDRIFTSTRAPPEN, WHO5, type DistanceTravelled } from '../../domain/instruments.ts';
import type { Plan } from '../../domain/plan.ts';
import { todayInDenmark } from './today.ts';

export interface CaseFile {
  participant: CaseParticipant;
  today: string;
  plan: Plan | null;
  planChanges: PlanChangeRow[];
  activities: ActivityRow[];
  conversations: ConversationRow[];
  assessments: AssessmentRow[];
  config: ProjectConfig;
  /** True while her latest enrolment is open today. */
  enrolled: boolean;
  alerts: Alert[];
  nextDue: DueDate | null;
  lastContact: string | null;
  /** Conversations in the last 12 months against the (prorated) yearly target; null when not enrolled. */
  pace: { held: number; expected: number; target: number } | null;
  distance: { who5: DistanceTravelled | null; trappen: DistanceTravelled | null };
}

/** Load the case data for an already authorised participant (inside the caller's transaction). */
export async function loadCaseData(q: Queryable, p: CaseParticipant, today: string): Promise<CaseFile> {
  const [plan, planChanges, activities, conversations, assessments, config] = [
    await getPlan(q, p.id),
    await listPlanChanges(q, p.id),
    await listActivities(q, p.id),
    await listConversations(q, p.id),
    await listAssessments(q, p.id),
    await loadProjectConfig(q, p.enrolment?.projectId),
  ];
  const e = p.enrolment;
  const enrolled = Boolean(e && e.enrolledOn <= today && (!e.exitedOn || e.exitedOn > today));
  const input = e
    ? {
        enrolment: { date: e.enrolledOn, exitDate: e.exitedOn },
        activities,
        conversations,
        plan,
        assessments,
        today,
        settings: config.settings,
        extraActivityTypes: config.extraTypes,
      }
    : null;
  return {
    participant: p,
    today,
    plan,
    planChanges,
    activities,
    conversations,
    assessments,
    config,
    enrolled,
    alerts: input ? computeAlerts(input) : [],
    nextDue: input ? nextDueDate(input) : null,
    lastContact: lastContact(conversations, today)?.date ?? null,
    pace: input && enrolled ? { ...conversationPace(input, config.settings), target: config.settings.conversationsPerYearTarget } : null,
    distance: { who5: distanceTravelled(WHO5, assessments), trappen: distanceTravelled(FREMDRIFTSTRAPPEN, assessments) },
  };
}

/** Read her case file (audited as `vis` of `forloeb`), or null when she is not visible. */
export async function getCaseFile(db: Database, actor: Actor, participantId: string, today = todayInDenmark()): Promise<CaseFile | null> {
  return withTenant(db, actor, async (q, audit: Audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'vis_forloeb');
    if (!p) return null;
    const file = await loadCaseData(q, p, today);
    await audit({ action: 'vis', entity: 'forloeb', participantId: p.id, municipality: p.municipalityCode });
    return file;
  });
}
