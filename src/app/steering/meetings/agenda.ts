/**
 * The agenda and minutes of a meeting (projektleder only; audited with before and after): add,
 * change (with what was said and decided), delete and move points, and draw the agenda from
 * Styring — open actions from the last meeting, goals behind target, milestones past their date.
 */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { door, type Db } from '../../../db/door.ts';
import {
  deletePoint as remove,
  getMeeting,
  getPoint,
  insertPoint,
  listActions,
  listMeetings,
  listPoints,
  lockMeeting,
  renumberPoints,
  updatePoint,
} from '../../../db/steering/meetings.ts';
import {
  draftAgenda,
  eventueltLast,
  isActionOverdue,
  isOpen,
  POINT_FIELDS,
  pointFormSchema,
  pointsNotOnAgenda,
  type AgendaFacts,
  type Meeting,
  type PointInput,
} from '../../../domain/steering-meetings.ts';
import { todayInDenmark } from '../../casework/today.ts';
import { requireLeaderOf } from '../access.ts';
import { leaderForm, type SaveOutcome, type FormData } from '../../form.ts';
import type { SteeringData } from '../steering-data.ts';
import type { GoalOutcome } from '../evaluate-goals.ts';
import type { Count } from '../../../monitoring/types.ts';
import { storeMeetingItem, type MeetingItems } from './meeting-items.ts';

const POINTS: MeetingItems<PointInput> = {
  entity: 'dagsordenspunkt',
  notFound: 'Punktet',
  get: getPoint,
  update: updatePoint,
  insert: insertPoint,
};

export async function savePoint(
  db: Db,
  actor: Actor,
  projectId: number,
  meetingId: number,
  form: FormData,
  pointId?: number,
): Promise<SaveOutcome> {
  const parsed = await leaderForm(db, actor, projectId, form, POINT_FIELDS, pointFormSchema);
  if (!parsed.ok) return parsed.outcome;
  return door(db, actor, async (tx) => {
    if (!(await getMeeting(tx, projectId, meetingId))) throw notFound('Mødet');
    return storeMeetingItem(tx, actor, POINTS, { projectId, meetingId, id: pointId }, parsed.data);
  });
}

export async function deletePoint(db: Db, actor: Actor, projectId: number, meetingId: number, pointId: number): Promise<void> {
  await requireLeaderOf(db, actor, projectId);
  await door(db, actor, async (tx) => {
    const before = await getPoint(tx, projectId, meetingId, pointId);
    if (!before || !(await remove(tx, projectId, meetingId, pointId))) throw notFound('Punktet');
    await renumberPoints(
      tx,
      projectId,
      meetingId,
      (await listPoints(tx, projectId, meetingId)).map((x) => x.id),
    );
    return {
      value: undefined,
      audit: { action: 'slet', entity: 'dagsordenspunkt', detail: { projectId, meetingId, id: pointId, before } },
    };
  });
}

/** Moves a point one place up or down the agenda (a no-op at either end). */
export async function movePoint(
  db: Db,
  actor: Actor,
  projectId: number,
  meetingId: number,
  pointId: number,
  direction: 'op' | 'ned',
): Promise<void> {
  await requireLeaderOf(db, actor, projectId);
  await door(db, actor, async (tx) => {
    const ids = (await listPoints(tx, projectId, meetingId)).map((x) => x.id);
    const i = ids.indexOf(pointId);
    if (i < 0) throw notFound('Punktet');
    const j = direction === 'op' ? i - 1 : i + 1;
    if (j < 0 || j >= ids.length) return { value: undefined, audit: [] };
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await renumberPoints(tx, projectId, meetingId, ids);
    return {
      value: undefined,
      audit: {
        action: 'ret',
        entity: 'dagsordenspunkt',
        detail: { projectId, meetingId, id: pointId, moved: direction, from: i + 1, to: j + 1 },
      },
    };
  });
}

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const countText = (c: Count) => (typeof c === 'number' ? nf.format(c) : c);

/** A goal's result in words: "12 af 40 kvinder (30 %)" or "12 kvinder". */
function resultText(o: GoalOutcome): string {
  if (o.denominator === null) return `${countText(o.count)} kvinder`;
  const share =
    typeof o.count === 'number' && typeof o.denominator === 'number' && o.denominator > 0
      ? ` (${nf.format((100 * o.count) / o.denominator)} %)`
      : '';
  return `${countText(o.count)} af ${countText(o.denominator)} kvinder${share}`;
}

/** What Styring says the meeting should take up. */
export function agendaFacts(
  d: Pick<SteeringData, 'goals' | 'milestones' | 'today'>,
  meetings: Meeting[],
  actions: { meetingId: number; description: string; owner: string; dueDate: string; status: 'aaben' | 'i_gang' | 'udfoert' | 'udgaaet' }[],
  meeting: Meeting,
): AgendaFacts {
  const earlier = meetings.filter(
    (m) => m.id !== meeting.id && (m.heldOn < meeting.heldOn || (m.heldOn === meeting.heldOn && m.id < meeting.id)),
  );
  const last = earlier[earlier.length - 1] ?? null;
  return {
    lastMeeting: last ? { title: last.title, heldOn: last.heldOn } : null,
    openActions: last
      ? actions.filter((a) => a.meetingId === last.id && isOpen(a)).map((a) => ({ ...a, overdue: isActionOverdue(a, d.today) }))
      : [],
    goalsBehind: d.goals
      .filter((o) => o.status === 'ikke_naaet' || o.status === 'undervejs')
      .map((o) => ({
        title: o.goal.title,
        result: resultText(o),
        deadline: o.goal.deadline,
        final: o.status === 'ikke_naaet',
        target: o.goal.targetKind === 'andel' ? `${nf.format(o.goal.targetValue)} %` : `${nf.format(o.goal.targetValue)} kvinder`,
      })),
    overdueMilestones: d.milestones.filter((m) => m.dueDate < d.today && m.status !== 'naaet' && m.status !== 'udgaaet'),
  };
}

/**
 * Adds the points Styring proposes to the end of the agenda (the leader then edits, reorders or
 * deletes them), "Eventuelt" kept last. Idempotent: a point already on the agenda (by title) is not
 * added again, so pressing "Hent punkter" twice (or two presses at once: the meeting row is locked)
 * adds only what is new. `d` is the project's steering data (unsuppressed: the meeting is internal).
 * Returns how many points were added.
 */
export async function draftAgendaFromSteering(
  db: Db,
  actor: Actor,
  d: Pick<SteeringData, 'goals' | 'milestones' | 'today' | 'choice'>,
  meetingId: number,
): Promise<number> {
  const projectId = d.choice.project.id;
  await requireLeaderOf(db, actor, projectId);
  return door(db, actor, async (tx) => {
    const meeting = await lockMeeting(tx, projectId, meetingId);
    if (!meeting) throw notFound('Mødet');
    const draft = draftAgenda(
      agendaFacts(
        { ...d, today: d.today || todayInDenmark() },
        await listMeetings(tx, projectId),
        await listActions(tx, projectId),
        meeting,
      ),
    );
    const points = pointsNotOnAgenda(draft, await listPoints(tx, projectId, meetingId));
    if (points.length === 0) return { value: 0, audit: [] };
    for (const p of points) await insertPoint(tx, projectId, meetingId, { ...p, minutes: null, decision: null }, actor.userId);
    await renumberPoints(tx, projectId, meetingId, eventueltLast(await listPoints(tx, projectId, meetingId)));
    return {
      value: points.length,
      audit: {
        action: 'opret',
        entity: 'dagsordenspunkt',
        detail: { projectId, meetingId, drawnFromSteering: points.map((p) => p.title) },
      },
    };
  });
}
