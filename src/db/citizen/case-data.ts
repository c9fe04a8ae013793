/**
 * The casework reads and the door to one woman's case that "Min plan" needs, for a `Tx`.
 */
import type { Tx } from '../door.ts';
import { auditDeniedRecord, findCaseParticipant, loadEnrolments, type CaseParticipant } from '../casework/access.ts';
import { activityRecords } from '../casework/activities.ts';
import { assessmentRecords } from '../casework/assessments.ts';
import { conversationRecords } from '../casework/conversations.ts';
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
export const activitiesOf = (tx: Tx, participantId: string) => activityRecords.list(tx, participantId);
export const conversationDatesOf = async (tx: Tx, participantId: string) =>
  (await conversationRecords.list(tx, participantId)).map((c) => ({ date: c.date }));
export const assessmentsOf = (tx: Tx, participantId: string) => assessmentRecords.list(tx, participantId);
export const projectConfigOf = (tx: Tx, projectId: number | null | undefined) => loadProjectConfig(tx, projectId);
