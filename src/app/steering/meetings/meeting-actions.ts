/**
 * Follow-up actions from a meeting (projektleder only): a description, who is responsible (one of
 * the project's users — the jobcentre's caseworkers and project leaders — or, for someone outside
 * it such as "Styregruppen", named in words), a due date, a status and optionally the
 * milestone it serves. Added, changed and deleted with before and after in the audit log.
 */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { door, type Audited, type Db } from '../../../db/door.ts';
import { getMilestone } from '../../../db/steering/milestones.ts';
import { deleteAction as remove, getAction, getMeeting, insertAction, updateAction } from '../../../db/steering/meetings.ts';
import { ACTION_FIELDS, actionFormSchema, type ActionInput } from '../../../domain/steering-meetings.ts';
import { caseworkersOf } from '../../../db/casework/project-config.ts';
import { requireLeaderOf } from '../access.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../../form.ts';
import { storeMeetingItem, type MeetingItems } from './meeting-items.ts';

const ACTIONS: MeetingItems<ActionInput> = {
  entity: 'moedehandling',
  notFound: 'Handlingen',
  get: getAction,
  update: updateAction,
  insert: insertAction,
};

export async function saveAction(
  db: Db,
  actor: Actor,
  projectId: number,
  meetingId: number,
  form: FormData,
  actionId?: number,
): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, ACTION_FIELDS, actionFormSchema);
  if (!parsed.ok) return parsed.outcome;
  const input = parsed.data;
  return door(db, actor, async (tx): Promise<Audited<SaveOutcome>> => {
    if (!(await getMeeting(tx, projectId, meetingId))) throw notFound('Mødet');
    const invalid = (field: string, message: string) => ({
      value: { status: 'invalid' as const, errors: { [field]: message }, values: parsed.values },
      audit: [],
    });
    const user =
      input.ownerUserId === null ? null : (await caseworkersOf(tx, actor.organisationId)).find((u) => u.id === input.ownerUserId);
    if (user === undefined) {
      return invalid('ownerUserId', 'Vælg en ansvarlig blandt projektets medarbejdere, eller skriv en anden.');
    }
    const a = { ...input, owner: user ? user.name : input.owner! };
    if (a.milestoneId !== null && !(await getMilestone(tx, projectId, a.milestoneId))) {
      return invalid('milestoneId', 'Vælg en milepæl fra projektets milepælsplan.');
    }
    return storeMeetingItem(tx, actor, ACTIONS, { projectId, meetingId, id: actionId }, a);
  });
}

export async function deleteAction(db: Db, actor: Actor, projectId: number, meetingId: number, actionId: number): Promise<void> {
  await requireLeaderOf(db, actor, projectId);
  await door(db, actor, async (tx) => {
    const before = await getAction(tx, projectId, meetingId, actionId);
    if (!before || !(await remove(tx, projectId, meetingId, actionId))) throw notFound('Handlingen');
    return { value: undefined, audit: { action: 'slet', entity: 'moedehandling', detail: { projectId, meetingId, id: actionId, before } } };
  });
}
