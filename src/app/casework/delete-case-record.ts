/** Delete an activity, conversation or assessment she entered (a correction), audited with its content. */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { deleteActivity, getActivity } from '../../db/casework/activities.ts';
import { deleteAssessment, getAssessment } from '../../db/casework/assessments.ts';
import { deleteConversation, getConversation } from '../../db/casework/conversations.ts';
import type { Queryable } from '../../db/database.ts';
import { mayCorrect, type SaveResult } from './form-result.ts';
import { about, withCase } from './with-case.ts';

export type CaseRecordKind = 'aktivitet' | 'samtale' | 'maaling';

const OPS: Record<CaseRecordKind, {
  get: (q: Queryable, pid: string, id: string) => Promise<{ createdBy: number | null } | undefined>;
  del: (q: Queryable, pid: string, id: string) => Promise<void>;
}> = {
  aktivitet: { get: getActivity, del: deleteActivity },
  samtale: { get: getConversation, del: deleteConversation },
  maaling: { get: getAssessment, del: deleteAssessment },
};

export async function deleteCaseRecord(db: Database, actor: Actor, participantId: string, kind: CaseRecordKind, recordId: string): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, `slet_${kind}`, async (q, audit, p) => {
    const ops = OPS[kind];
    const before = /^[0-9a-f-]{36}$/i.test(recordId) ? await ops.get(q, p.id, recordId) : undefined;
    if (!before) {
      await auditDeniedRecord(audit, p, kind, recordId, `slet_${kind}`);
      return { status: 'denied' };
    }
    if (!mayCorrect(actor, before.createdBy)) return { status: 'forbidden' };
    await ops.del(q, p.id, recordId);
    await audit({ action: 'slet', entity: kind, ...about(p), detail: { id: recordId, deleted: { ...before, note: undefined } } });
    return { status: 'ok', id: recordId };
  });
}
