/** Delete an activity, conversation, assessment, exemption period, visitation change, company-consultant change or family situation she entered (a correction), audited with its content. */
import type { Actor } from '../../core/actor.ts';
import type { Db, Tx } from '../../db/door.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { deleteActivity, getActivity } from '../../db/casework/activities.ts';
import { deleteAssessment, getAssessment } from '../../db/casework/assessments.ts';
import { deleteConversation, getConversation } from '../../db/casework/conversations.ts';
import { deleteExemption, getExemption } from '../../db/casework/exemptions.ts';
import { deleteVisitationChange, getVisitationChange } from '../../db/casework/visitation.ts';
import { deleteConsultantChange, getConsultantChange } from '../../db/casework/consultants.ts';
import { deleteFamilyChange, getFamilyChange } from '../../db/casework/family.ts';
import { mayCorrect, type SaveResult } from './form-result.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

export type CaseRecordKind =
  'aktivitet' | 'samtale' | 'maaling' | 'fritagelse' | 'visitation' | 'virksomhedskonsulent' | 'familiesituation';

const OPS: Record<
  CaseRecordKind,
  {
    get: (tx: Tx, pid: string, id: string) => Promise<{ createdBy: number | null } | undefined>;
    del: (tx: Tx, pid: string, id: string) => Promise<void>;
  }
> = {
  aktivitet: { get: getActivity, del: deleteActivity },
  samtale: { get: getConversation, del: deleteConversation },
  maaling: { get: getAssessment, del: deleteAssessment },
  fritagelse: { get: getExemption, del: deleteExemption },
  visitation: { get: getVisitationChange, del: deleteVisitationChange },
  virksomhedskonsulent: { get: getConsultantChange, del: deleteConsultantChange },
  familiesituation: { get: getFamilyChange, del: deleteFamilyChange },
};

export async function deleteCaseRecord(
  db: Db,
  actor: Actor,
  participantId: string,
  kind: CaseRecordKind,
  recordId: string,
): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, `slet_${kind}`, async (tx, p) => {
    const ops = OPS[kind];
    const before = /^[0-9a-f-]{36}$/i.test(recordId) ? await ops.get(tx, p.id, recordId) : undefined;
    if (!before) {
      await auditDeniedRecord(tx, p, kind, recordId, `slet_${kind}`);
      return unaudited({ status: 'denied' });
    }
    if (!mayCorrect(actor, before.createdBy)) return unaudited({ status: 'forbidden' });
    await ops.del(tx, p.id, recordId);
    return audited(
      { status: 'ok', id: recordId },
      { action: 'slet', entity: kind, ...about(p), detail: { id: recordId, deleted: { ...before, note: undefined, reason: undefined } } },
    );
  });
}
