/**
 * The casework reads and the door to one woman's case that "Min plan" needs, for a `Tx`.
 */
import type { Tx } from '../door.ts';
import { auditDeniedRecord, findCaseParticipant, loadEnrolments, type CaseParticipant } from '../casework/access.ts';
import { listActivities } from '../casework/activities.ts';
import { listAssessments } from '../casework/assessments.ts';
import { listConversations } from '../casework/conversations.ts';
import { loadProjectConfig } from '../casework/project-config.ts';

/** Her, if the actor may see her; otherwise null with the refused look-up audited (`adgang_naegtet`). */
export function findCase(tx: Tx, participantId: string, purpose: string): Promise<CaseParticipant | null> {
  return findCaseParticipant(tx, participantId, purpose);
}

/** Audit a refused look-up of one of her records (e.g. a link that is not hers). */
export function auditDenied(tx: Tx, p: CaseParticipant, entity: string, recordId: string, purpose: string) {
  return auditDeniedRecord(tx, p, entity, recordId, purpose);
}

export const enrolmentsOf = (tx: Tx, participantId: string) => loadEnrolments(tx, participantId);
export const activitiesOf = (tx: Tx, participantId: string) => listActivities(tx, participantId);
export const conversationDatesOf = async (tx: Tx, participantId: string) =>
  (await listConversations(tx, participantId)).map((c) => ({ date: c.date }));
export const assessmentsOf = (tx: Tx, participantId: string) => listAssessments(tx, participantId);
export const projectConfigOf = (tx: Tx, projectId: number | null | undefined) => loadProjectConfig(tx, projectId);
