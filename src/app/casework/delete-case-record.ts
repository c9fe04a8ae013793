/** Delete an activity, conversation, assessment, exemption period, visitation change, company-consultant change or family situation she entered (a correction), audited with its content. */
import type { Actor } from '../../core/actor.ts';
import type { Db, Tx } from '../../db/door.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { activityRecords } from '../../db/casework/activities.ts';
import { assessmentRecords } from '../../db/casework/assessments.ts';
import { conversationRecords } from '../../db/casework/conversations.ts';
import { exemptionRecords } from '../../db/casework/exemptions.ts';
import { deleteVisitationChange, getVisitationChange } from '../../db/casework/visitation.ts';
import { deleteConsultantChange, getConsultantChange } from '../../db/casework/consultants.ts';
import { deleteFamilyChange, getFamilyChange } from '../../db/casework/family.ts';
import { mayCorrect, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

export type CaseRecordKind =
  'aktivitet' | 'samtale' | 'maaling' | 'fritagelse' | 'visitation' | 'virksomhedskonsulent' | 'familiesituation';

const OPS: Record<
  CaseRecordKind,
  {
    get: (tx: Tx, pid: string, id: string) => Promise<{ createdBy: number | null } | undefined>;
    delete: (tx: Tx, pid: string, id: string) => Promise<void>;
  }
> = {
  aktivitet: activityRecords,
  samtale: conversationRecords,
  maaling: assessmentRecords,
  fritagelse: exemptionRecords,
  visitation: { get: getVisitationChange, delete: deleteVisitationChange },
  virksomhedskonsulent: { get: getConsultantChange, delete: deleteConsultantChange },
  familiesituation: { get: getFamilyChange, delete: deleteFamilyChange },
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
    await ops.delete(tx, p.id, recordId);
    return audited(
      { status: 'ok', id: recordId },
      { action: 'slet', entity: kind, ...about(p), detail: { id: recordId, deleted: { ...before, note: undefined, reason: undefined } } },
    );
  });
}
