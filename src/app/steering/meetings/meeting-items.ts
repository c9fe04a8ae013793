/**
 * What saving a meeting's agenda point and saving its follow-up action share: change the item
 * with its id (audited with before and after) or, without an id, add it (audited with what was saved).
 */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { Audited, Tx } from '../../../db/door.ts';
import type { SaveOutcome } from '../../form.ts';

/** The repository of one kind of meeting item, the audit log's name for it and the Danish name for a 404. */
export interface MeetingItems<T> {
  entity: string;
  notFound: string;
  get(tx: Tx, projectId: number, meetingId: number, id: number): Promise<unknown>;
  update(tx: Tx, projectId: number, meetingId: number, id: number, item: T, userId: number): Promise<void>;
  insert(tx: Tx, projectId: number, meetingId: number, item: T, userId: number): Promise<number>;
}

export async function storeMeetingItem<T>(
  tx: Tx,
  actor: Actor,
  items: MeetingItems<T>,
  at: { projectId: number; meetingId: number; id?: number },
  item: T,
): Promise<Audited<SaveOutcome>> {
  const { projectId, meetingId } = at;
  if (at.id !== undefined) {
    const id = at.id;
    const before = await items.get(tx, projectId, meetingId, id);
    if (!before) throw notFound(items.notFound);
    await items.update(tx, projectId, meetingId, id, item, actor.userId);
    return {
      value: { status: 'ok', id },
      audit: { action: 'ret', entity: items.entity, detail: { projectId, meetingId, id, before, after: item } },
    };
  }
  const id = await items.insert(tx, projectId, meetingId, item, actor.userId);
  return {
    value: { status: 'ok', id },
    audit: { action: 'opret', entity: items.entity, detail: { projectId, meetingId, id, after: item } },
  };
}
