/** Add or correct an activity of hers (type from the project's catalogue, CVR checked). */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { activityRecords } from '../../db/casework/activities.ts';
import { loadActivityTypes } from '../../db/casework/project-config.ts';
import { makeActivitySchema } from '../../domain/activity.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withRecord } from './with-case.ts';

export const ACTIVITY_FIELDS = [
  'typeKey',
  'provider',
  'address',
  'schedule',
  'cvr',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'status',
  'companyConsent',
] as const;

/** `activityId` undefined → a new activity; otherwise a correction of an existing one of hers. */
export async function saveActivity(db: Db, actor: Actor, participantId: string, form: FormData, activityId?: string): Promise<SaveResult> {
  return withRecord(db, actor, participantId, 'aktivitet', activityId, activityRecords.get, async (tx, p, before) => {
    const extra = p.enrolment ? await loadActivityTypes(tx, p.enrolment.projectId) : [];
    const input = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, str(form, f)]));
    const parsed = makeActivitySchema(extra).safeParse(input);
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    if (activityId) {
      await activityRecords.update(tx, p.id, activityId, parsed.data);
      return audited(
        { status: 'ok', id: activityId },
        { action: 'ret', entity: 'aktivitet', ...about(p), detail: { id: activityId, before, after: parsed.data } },
      );
    }
    const id = await activityRecords.insert(tx, p, parsed.data, actor.userId);
    return audited(
      { status: 'ok', id },
      { action: 'opret', entity: 'aktivitet', ...about(p), detail: { id, typeKey: parsed.data.typeKey } },
    );
  });
}
