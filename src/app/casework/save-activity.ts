/** Add or correct an activity of hers (type from the project's catalogue, CVR checked). */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { getActivity, insertActivity, updateActivity } from '../../db/casework/activities.ts';
import { loadActivityTypes } from '../../db/casework/project-config.ts';
import { makeActivitySchema } from '../../domain/activity.ts';
import { mayCorrect, str, zodFieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { about, withCase } from './with-case.ts';

export const ACTIVITY_FIELDS = ['typeKey', 'provider', 'cvr', 'startDate', 'endDate', 'hoursPerWeek', 'status'] as const;

/** `activityId` undefined → a new activity; otherwise a correction of an existing one of hers. */
export async function saveActivity(db: Database, actor: Actor, participantId: string, form: FormData, activityId?: string): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, activityId ? 'ret_aktivitet' : 'opret_aktivitet', async (q, audit, p) => {
    const before = activityId ? await getActivity(q, p.id, activityId) : undefined;
    if (activityId && !before) {
      await auditDeniedRecord(audit, p, 'aktivitet', activityId, 'ret_aktivitet');
      return { status: 'denied' };
    }
    if (before && !mayCorrect(actor, before.createdBy)) return { status: 'forbidden' };
    const extra = p.enrolment ? await loadActivityTypes(q, p.enrolment.projectId) : [];
    const input = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, str(form, f)]));
    const parsed = makeActivitySchema(extra).safeParse(input);
    if (!parsed.success) return { status: 'invalid', errors: zodFieldErrors(parsed.error) };
    if (activityId) {
      await updateActivity(q, p.id, activityId, parsed.data);
      await audit({ action: 'ret', entity: 'aktivitet', ...about(p), detail: { id: activityId, before, after: parsed.data } });
      return { status: 'ok', id: activityId };
    }
    const id = await insertActivity(q, p.id, p.municipalityCode, parsed.data, actor.userId);
    await audit({ action: 'opret', entity: 'aktivitet', ...about(p), detail: { id, typeKey: parsed.data.typeKey } });
    return { status: 'ok', id };
  });
}
