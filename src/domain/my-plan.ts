/**
 * "Min plan": the woman's own view of her plan, built from her case data by pure rules. It holds
 * only what she is shown — her first name, job goal, ABC strategy, sub-goals, current and next
 * activities, the date of her next conversation and her latest Fremdriftstrappen steps — never
 * her CPR number, conversation notes, WHO-5 scores, plan history or alerts.
 */
import { findActivityType, type ActivityType } from './activities.ts';
import type { FollowUpInput } from './alert-types.ts';
import type { IsoDate } from '../core/dates.ts';
import type { ActivityStatus, GoalStatus } from '../core/codes.ts';
import { dueDates } from './follow-up.ts';
import { FREMDRIFTSTRAPPEN } from './fremdriftstrappen.ts';
import type { Plan } from './plan.ts';

export interface MyPlanActivity {
  /** Built-in type key (translated) or null for a project's own type (shown by its Danish name). */
  typeKey: string | null;
  /** Danish name of the type, used for a project's own types. */
  typeNameDa: string;
  /** Where: the provider or company as the caseworker wrote it. */
  place: string | null;
  /** The address she goes to, as written. */
  address: string | null;
  /** The days and times, as written (e.g. "Mandag og onsdag kl. 9–12"). */
  schedule: string | null;
  start: IsoDate;
  end: IsoDate | null;
  hoursPerWeek: number | null;
}

export interface MyPlanView {
  firstName: string;
  planUpdatedOn: IsoDate | null;
  jobGoal: string | null;
  abc: { a: string | null; b: string | null; c: string | null } | null;
  goals: { text: string; dueDate: IsoDate; status: GoalStatus }[];
  current: MyPlanActivity[];
  next: MyPlanActivity[];
  /** The latest day of her next conversation (the follow-up rule's deadline); null when none is due. */
  nextConversation: IsoDate | null;
  caseworkerName: string | null;
  /** Latest Fremdriftstrappen: one step (1–5) per dimension, in the ladder's order. */
  progress: { date: IsoDate; steps: { key: string; step: number }[] } | null;
}

export interface MyPlanInput {
  firstName: string;
  plan: Plan | null;
  planUpdatedOn: IsoDate | null;
  activities: readonly {
    typeKey: string;
    provider: string | null;
    address?: string | null;
    schedule?: string | null;
    startDate: IsoDate;
    endDate: IsoDate | null;
    hoursPerWeek: number | string | null;
    status: ActivityStatus;
  }[];
  assessments: readonly { instrumentKey: string; date: IsoDate; answers: Record<string, number> }[];
  extraTypes: readonly ActivityType[];
  caseworkerName: string | null;
  /** Her follow-up input (null when she is not enrolled), for the next conversation's date. */
  followUp: FollowUpInput | null;
  today: IsoDate;
}

/** How many upcoming activities the plan shows. */
export const NEXT_ACTIVITIES = 3;

const isBuiltIn = (key: string) => findActivityType(key) !== undefined;

function activity(a: MyPlanInput['activities'][number], extra: readonly ActivityType[]): MyPlanActivity {
  return {
    typeKey: isBuiltIn(a.typeKey) ? a.typeKey : null,
    typeNameDa: findActivityType(a.typeKey, extra)?.name ?? a.typeKey,
    place: a.provider,
    address: a.address ?? null,
    schedule: a.schedule ?? null,
    start: a.startDate,
    end: a.endDate,
    hoursPerWeek: a.hoursPerWeek == null ? null : Number(a.hoursPerWeek),
  };
}

export function buildMyPlanView(i: MyPlanInput): MyPlanView {
  const running = (a: MyPlanInput['activities'][number]) =>
    a.status !== 'afsluttet' && a.status !== 'afbrudt' && a.startDate <= i.today && (!a.endDate || a.endDate >= i.today);
  const upcoming = (a: MyPlanInput['activities'][number]) => a.status !== 'afsluttet' && a.status !== 'afbrudt' && a.startDate > i.today;
  const byStart = (x: { startDate: string }, y: { startDate: string }) => x.startDate.localeCompare(y.startDate);
  const current = i.activities
    .filter(running)
    .sort(byStart)
    .map((a) => activity(a, i.extraTypes));
  const next = i.activities
    .filter(upcoming)
    .sort(byStart)
    .slice(0, NEXT_ACTIVITIES)
    .map((a) => activity(a, i.extraTypes));

  const trappen = [...i.assessments]
    .filter((a) => a.instrumentKey === FREMDRIFTSTRAPPEN.key)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  const progress = trappen
    ? {
        date: trappen.date,
        steps: FREMDRIFTSTRAPPEN.dimensions
          .filter((d) => Number.isInteger(trappen.answers[d.key]))
          .map((d) => ({ key: d.key, step: Math.min(5, Math.max(1, trappen.answers[d.key])) })),
      }
    : null;

  const p = i.plan;
  const abc = p && (p.abcStrategy.a || p.abcStrategy.b || p.abcStrategy.c) ? { ...p.abcStrategy } : null;
  return {
    firstName: i.firstName,
    planUpdatedOn: p ? i.planUpdatedOn : null,
    jobGoal: p?.jobGoal ?? null,
    abc,
    goals: (p?.goals ?? [])
      .map((g) => ({ text: g.text, dueDate: g.dueDate, status: g.status }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    current,
    next,
    nextConversation: i.followUp ? (dueDates(i.followUp).find((d) => d.kind === 'samtale')?.date ?? null) : null,
    caseworkerName: i.caseworkerName,
    progress: progress && progress.steps.length ? progress : null,
  };
}
