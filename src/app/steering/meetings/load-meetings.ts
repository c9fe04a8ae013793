/**
 * Reading a project's meetings (issue 14): the meeting plan with the yearly steering group count,
 * one meeting with its agenda, minutes and actions, and the actions overdue on Styring. Project
 * data read on the tenant path; like the milestone plan it names no woman, so reading writes no
 * audit record (changes are audited where they are made).
 */
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import { caseworkersOf } from '../../../db/casework/project-config.ts';
import { door, type Db } from '../../../db/door.ts';
import { listMilestones } from '../../../db/steering/milestones.ts';
import { getMeeting, listActions, listMeetings, listPoints, loadMeetingsPerYear } from '../../../db/steering/meetings.ts';
import type { Milestone } from '../../../domain/steering-goals.ts';
import {
  committeeMeetingFor,
  DEFAULT_MEETINGS_PER_YEAR,
  isActionOverdue,
  meetingPlanByYear,
  type AgendaPoint,
  type Meeting,
  type MeetingAction,
  type YearPlan,
} from '../../../domain/steering-meetings.ts';
import { todayInDenmark } from '../../casework/today.ts';
import { chooseProject, type ProjectChoice } from '../access.ts';

export interface MeetingPlan {
  meetings: Meeting[];
  perYear: number;
  years: YearPlan[];
  /** Open actions past their due date, with the meeting they came from. */
  overdue: (MeetingAction & { meeting: Meeting })[];
  today: string;
}

export async function loadMeetingPlan(db: Db, actor: Actor, choice: ProjectChoice, today = todayInDenmark()): Promise<MeetingPlan> {
  const pid = choice.project.id;
  return door(db, actor, async (tx) => {
    const meetings = await listMeetings(tx, pid);
    const perYear = (await loadMeetingsPerYear(tx, pid)) ?? DEFAULT_MEETINGS_PER_YEAR;
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const overdue = (await listActions(tx, pid))
      .filter((a) => isActionOverdue(a, today))
      .map((a) => ({ ...a, meeting: byId.get(a.meetingId)! }));
    return { value: { meetings, perYear, years: meetingPlanByYear(meetings, choice.project, perYear), overdue, today }, audit: [] };
  });
}

export interface MeetingView {
  meeting: Meeting;
  points: AgendaPoint[];
  actions: MeetingAction[];
  milestones: Milestone[];
  today: string;
  /** Who can own a follow-up action: the project's users (the jobcentre's caseworkers and project leaders). */
  users: { id: number; name: string }[];
}

export async function loadMeeting(db: Db, actor: Actor, projectId: number, meetingId: number): Promise<MeetingView> {
  await chooseProject(db, actor, projectId);
  return door(db, actor, async (tx) => {
    const meeting = await getMeeting(tx, projectId, meetingId);
    if (!meeting) throw notFound('Mødet');
    return {
      value: {
        meeting,
        points: await listPoints(tx, projectId, meetingId),
        actions: await listActions(tx, projectId, meetingId),
        milestones: await listMilestones(tx, projectId),
        today: todayInDenmark(),
        users: await caseworkersOf(tx, actor.organisationId),
      },
      audit: [],
    };
  });
}

/** A meeting and one of its agenda points or follow-up actions (to correct or delete), or not found (Punktet, Handlingen). */
export async function loadMeetingPart<K extends 'points' | 'actions'>(
  db: Db,
  actor: Actor,
  projectId: number,
  meetingId: number,
  part: K,
  id: number,
): Promise<{ view: MeetingView; item: MeetingView[K][number] }> {
  const view = await loadMeeting(db, actor, projectId, meetingId);
  const item = (view[part] as MeetingView[K][number][]).find((x) => x.id === id);
  if (!item) throw notFound(part === 'points' ? 'Punktet' : 'Handlingen');
  return { view, item };
}

/** What Styring and the committee brief show of the meetings. */
export interface MeetingSteering {
  perYear: number;
  years: YearPlan[];
  overdue: MeetingPlan['overdue'];
  /** The committee meeting a brief with figures to the report month goes to, and the decisions recorded there. */
  committee: { meeting: Meeting; decisions: { point: string; decision: string }[] } | null;
}

export async function loadMeetingSteering(
  db: Db,
  actor: Actor,
  choice: ProjectChoice,
  month: string,
  today = todayInDenmark(),
): Promise<MeetingSteering> {
  const plan = await loadMeetingPlan(db, actor, choice, today);
  const meeting = committeeMeetingFor(plan.meetings, month);
  const decisions = meeting
    ? await door(db, actor, async (tx) => ({
        value: (await listPoints(tx, choice.project.id, meeting.id))
          .filter((p) => p.decision)
          .map((p) => ({ point: p.title, decision: p.decision! })),
        audit: [],
      }))
    : [];
  return { perYear: plan.perYear, years: plan.years, overdue: plan.overdue, committee: meeting ? { meeting, decisions } : null };
}

/** Actions tied to milestones, with their meeting, for the milestone plan. */
export async function loadMilestoneActions(db: Db, actor: Actor, projectId: number): Promise<(MeetingAction & { meeting: Meeting })[]> {
  await chooseProject(db, actor, projectId);
  return door(db, actor, async (tx) => {
    const meetings = new Map((await listMeetings(tx, projectId)).map((m) => [m.id, m]));
    const actions = (await listActions(tx, projectId))
      .filter((a) => a.milestoneId !== null)
      .map((a) => ({ ...a, meeting: meetings.get(a.meetingId)! }));
    return { value: actions, audit: [] };
  });
}
