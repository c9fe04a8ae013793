/** Plan, change or delete a meeting, and set how many steering group meetings a year the project holds (projektleder only; audited). */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { door, type Db } from '../../../db/door.ts';
import {
  deleteMeeting as remove,
  getMeeting,
  insertMeeting,
  listActions,
  listPoints,
  saveMeetingsPerYear,
  updateMeeting,
} from '../../../db/steering/meetings.ts';
import { MEETING_FIELDS, meetingFormSchema, settingFormSchema } from '../../../domain/steering-meetings.ts';
import { requireLeaderOf } from '../access.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../../form.ts';

export async function saveMeeting(db: Db, actor: Actor, projectId: number, form: FormData, meetingId?: number): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, MEETING_FIELDS, meetingFormSchema);
  if (!parsed.ok) return parsed.outcome;
  const m = parsed.data;
  return door(db, actor, async (tx) => {
    if (meetingId !== undefined) {
      const before = await getMeeting(tx, projectId, meetingId);
      if (!before) throw notFound('Mødet');
      await updateMeeting(tx, projectId, meetingId, m, actor.userId);
      return {
        value: { status: 'ok' as const, id: meetingId },
        audit: { action: 'ret', entity: 'styringsmoede', detail: { projectId, id: meetingId, before, after: m } },
      };
    }
    const id = await insertMeeting(tx, projectId, m, actor.userId);
    return {
      value: { status: 'ok' as const, id },
      audit: { action: 'opret', entity: 'styringsmoede', detail: { projectId, id, after: m } },
    };
  });
}

/** Deletes the meeting with its agenda, minutes and actions; the audit record keeps all of it. */
export async function deleteMeeting(db: Db, actor: Actor, projectId: number, meetingId: number): Promise<void> {
  await requireLeaderOf(db, actor, projectId);
  await door(db, actor, async (tx) => {
    const before = await getMeeting(tx, projectId, meetingId);
    if (!before) throw notFound('Mødet');
    const points = await listPoints(tx, projectId, meetingId);
    const actions = await listActions(tx, projectId, meetingId);
    await remove(tx, projectId, meetingId);
    return {
      value: undefined,
      audit: { action: 'slet', entity: 'styringsmoede', detail: { projectId, id: meetingId, before, points, actions } },
    };
  });
}

export async function saveMeetingSetting(db: Db, actor: Actor, projectId: number, form: FormData): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, ['meetingsPerYear'], settingFormSchema);
  if (!parsed.ok) return parsed.outcome;
  return door(db, actor, async (tx) => {
    await saveMeetingsPerYear(tx, projectId, parsed.data.meetingsPerYear, actor.userId);
    return {
      value: { status: 'ok' as const, id: projectId },
      audit: { action: 'ret', entity: 'styringsmoede_antal', detail: { projectId, ...parsed.data } },
    };
  });
}
