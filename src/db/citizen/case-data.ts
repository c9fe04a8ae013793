/**
 * The casework reads and the door to one woman's case that "Min plan" needs, for a `Tx` (the
 * casework repositories still take a connection; this is their door-shaped face for new code).
 */
import type { Tx } from '../door.ts';
import { auditIn, sqlOf } from '../sql.ts';
import { auditDeniedRecord, findCaseParticipant, loadEnrolments, type CaseParticipant } from '../casework/access.ts';
import { listActivities } from '../casework/activities.ts';
import { listAssessments } from '../casework/assessments.ts';
import { listConversations } from '../casework/conversations.ts';
import { loadProjectConfig } from '../casework/project-config.ts';

/** Her, if the actor may see her; otherwise null with the refused look-up audited (`adgang_naegtet`). */
export function findCase(tx: Tx, participantId: string, purpose: string): Promise<CaseParticipant | null> {
  return findCaseParticipant(sqlOf(tx), (e) => auditIn(tx, e), tx.actor, participantId, purpose);
}

/** Audit a refused look-up of one of her records (e.g. a link that is not hers). */
export function auditDenied(tx: Tx, p: CaseParticipant, entity: string, recordId: string, purpose: string) {
  return auditDeniedRecord((e) => auditIn(tx, e), p, entity, recordId, purpose);
}

export const enrolmentsOf = (tx: Tx, participantId: string) => loadEnrolments(sqlOf(tx), participantId);
export const activitiesOf = (tx: Tx, participantId: string) => listActivities(sqlOf(tx), participantId);
export const conversationDatesOf = async (tx: Tx, participantId: string) =>
  (await listConversations(sqlOf(tx), participantId)).map((c) => ({ date: c.date }));
export const assessmentsOf = (tx: Tx, participantId: string) => listAssessments(sqlOf(tx), participantId);
export const projectConfigOf = (tx: Tx, projectId: number | null | undefined) => loadProjectConfig(sqlOf(tx), projectId);
