/**
 * Steering group and committee meetings (issue 14, item 7): the project leader "er ansvarlig for
 * indkaldelse, afholdelse og opfølgning på møderne i styregruppen". Types, form schemas with
 * Danish messages, and the pure rules: how many steering group meetings a year the plan falls
 * short of, which actions are overdue, and the agenda drawn from Styring.
 */
import { z } from 'zod';
import { ACTION_STATUSES, MEETING_KINDS, type ActionStatus, type AgendaSource, type MeetingKind } from '../core/codes.ts';
import { isoDateField } from './form-fields.ts';
import { hasControlChars, requiredText } from './steering-goals.ts';

export interface Meeting {
  id: number;
  projectId: number;
  kind: MeetingKind;
  heldOn: string;
  title: string;
  place: string | null;
  participants: string | null;
}

export interface AgendaPoint {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  body: string | null;
  source: AgendaSource;
  minutes: string | null;
  decision: string | null;
}

export interface MeetingAction {
  id: number;
  meetingId: number;
  description: string;
  owner: string;
  /** The project's user who owns it, when chosen from the list (null: named in words only, e.g. "Styregruppen"). */
  ownerUserId: number | null;
  dueDate: string;
  status: ActionStatus;
  milestoneId: number | null;
}

/** The number of steering group meetings a year a project promises when it has set none. */
export const DEFAULT_MEETINGS_PER_YEAR = 4;

const CONTROL = { message: 'Teksten indeholder et ugyldigt tegn.' };
const optional = (max: number, long: string) =>
  z
    .string()
    .trim()
    .max(max, { message: long })
    .refine((s) => !hasControlChars(s), CONTROL)
    .transform((s) => (s === '' ? null : s));

export const meetingFormSchema = z.object({
  kind: z.enum(MEETING_KINDS, { error: 'Vælg, hvilket slags møde det er.' }),
  heldOn: isoDateField,
  title: requiredText(
    2,
    200,
    'Skriv en overskrift på mindst 2 tegn, fx «Styregruppemøde 1. kvartal».',
    'Overskriften må højst være 200 tegn.',
  ),
  place: optional(200, 'Stedet må højst være 200 tegn.'),
  participants: optional(2000, 'Deltagerlisten må højst være 2.000 tegn.'),
});
export type MeetingInput = z.output<typeof meetingFormSchema>;
export const MEETING_FIELDS = ['kind', 'heldOn', 'title', 'place', 'participants'] as const;

export const pointFormSchema = z.object({
  title: requiredText(2, 300, 'Skriv punktets overskrift (mindst 2 tegn).', 'Overskriften må højst være 300 tegn.'),
  body: optional(2000, 'Beskrivelsen må højst være 2.000 tegn.'),
  minutes: optional(5000, 'Referatet må højst være 5.000 tegn.'),
  decision: optional(5000, 'Beslutningen må højst være 5.000 tegn.'),
});
export type PointInput = z.output<typeof pointFormSchema>;
export const POINT_FIELDS = ['title', 'body', 'minutes', 'decision'] as const;

/** The id of a row chosen from a list, or null when none is chosen; `notChosen` answers any other text. */
const optionalIdField = (notChosen: string) =>
  z.preprocess(
    (v) => (v === '' || v == null ? null : v),
    z
      .string()
      .regex(/^\d{1,9}$/, { message: notChosen })
      .transform(Number)
      .nullable(),
  );

export const actionFormSchema = z
  .object({
    description: requiredText(2, 1000, 'Beskriv handlingen (mindst 2 tegn).', 'Beskrivelsen må højst være 1.000 tegn.'),
    /** One of the project's users (checked against the list by the use case), or none: then `owner` names someone else. */
    ownerUserId: optionalIdField('Vælg en ansvarlig fra listen, eller skriv en anden.'),
    owner: optional(200, 'Den ansvarlige må højst være 200 tegn.'),
    dueDate: isoDateField,
    status: z.enum(ACTION_STATUSES, { error: 'Vælg en status.' }),
    milestoneId: optionalIdField('Vælg en milepæl fra listen.'),
  })
  .superRefine((v, ctx) => {
    if (v.ownerUserId === null && v.owner === null)
      ctx.addIssue({ code: 'custom', path: ['owner'], message: 'Skriv, hvem der er ansvarlig for handlingen.' });
  });
export type ActionForm = z.output<typeof actionFormSchema>;
/** An action as stored: the owner always named in words (the chosen user's name, or what was written). */
export type ActionInput = Omit<ActionForm, 'owner'> & { owner: string };
export const ACTION_FIELDS = ['description', 'ownerUserId', 'owner', 'dueDate', 'status', 'milestoneId'] as const;

export const settingFormSchema = z.object({
  meetingsPerYear: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, { message: 'Skriv antallet som et helt tal, fx 4.' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 24, { message: 'Antallet skal være mellem 1 og 24 møder om året.' }),
});

/** Still to be done: open or in progress. */
export const isOpen = (a: Pick<MeetingAction, 'status'>) => a.status === 'aaben' || a.status === 'i_gang';
/** Open and past its due date. */
export const isActionOverdue = (a: Pick<MeetingAction, 'status' | 'dueDate'>, today: string) => isOpen(a) && a.dueDate < today;

export interface YearPlan {
  year: number;
  /** Steering group meetings planned or held that year. */
  planned: number;
  /** What the promise asks of that year: the yearly number, in proportion for a year the project only partly runs. */
  required: number;
  short: boolean;
}

/** Months of `year` within [start, end] (whole months counted from the start month to the end month). */
function monthsIn(year: number, start: string, end: string): number {
  const from = Math.max(year * 12, Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1);
  const to = Math.min(year * 12 + 11, Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1);
  return Math.max(0, to - from + 1);
}

/**
 * Steering group meetings per year of the project period against the promised number: a year the
 * project runs for only some months asks for its share, rounded up (four a year, September to
 * December: two).
 */
export function meetingPlanByYear(
  meetings: Pick<Meeting, 'kind' | 'heldOn'>[],
  project: { startDate: string; endDate: string },
  perYear: number,
): YearPlan[] {
  const out: YearPlan[] = [];
  for (let y = Number(project.startDate.slice(0, 4)); y <= Number(project.endDate.slice(0, 4)); y++) {
    const planned = meetings.filter((m) => m.kind === 'styregruppe' && m.heldOn.startsWith(`${y}-`)).length;
    const required = Math.ceil((perYear * monthsIn(y, project.startDate, project.endDate)) / 12);
    out.push({ year: y, planned, required, short: planned < required });
  }
  return out;
}

/** A point the agenda draft proposes (the leader edits, reorders or deletes it afterwards). */
export interface DraftPoint {
  title: string;
  body: string | null;
  source: AgendaSource;
}

export interface AgendaFacts {
  /** Goals not reached (behind target), with how far they have come, in words. */
  goalsBehind: { title: string; result: string; target: string; deadline: string; final: boolean }[];
  overdueMilestones: { number: number; content: string; dueDate: string; responsible: string }[];
  /** Actions still open from the last meeting before this one. */
  openActions: { description: string; owner: string; dueDate: string; overdue: boolean }[];
  lastMeeting: { title: string; heldOn: string } | null;
}

const d = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

/**
 * The agenda drawn from Styring: approval of the last minutes, then open actions from the last
 * meeting, goals behind target and milestones past their date, then "Eventuelt".
 */
export function draftAgenda(f: AgendaFacts): DraftPoint[] {
  const points: DraftPoint[] = [];
  if (f.lastMeeting)
    points.push({
      title: 'Godkendelse af referat fra sidste møde',
      body: `${f.lastMeeting.title}, ${d(f.lastMeeting.heldOn)}.`,
      source: 'manuel',
    });
  for (const a of f.openActions) {
    points.push({
      title: `Opfølgning: ${a.description}`,
      body: `Ansvarlig: ${a.owner}. Frist ${d(a.dueDate)}${a.overdue ? ', overskredet' : ''}.`,
      source: 'handling',
    });
  }
  for (const g of f.goalsBehind) {
    points.push({
      title: `Resultatmål ikke nået: ${g.title}`,
      body: `${g.result} mod målsætningen ${g.target}, frist ${d(g.deadline)}${g.final ? ' (fristen er nået)' : ''}.`,
      source: 'maal',
    });
  }
  for (const m of f.overdueMilestones) {
    points.push({
      title: `Milepæl ${m.number} er forsinket: ${m.content}`,
      body: `Tidspunkt ${d(m.dueDate)}. Ansvarlig: ${m.responsible}.`,
      source: 'milepael',
    });
  }
  points.push({ title: 'Eventuelt', body: null, source: 'manuel' });
  return points.map((p) => ({ ...p, title: p.title.length > 300 ? `${p.title.slice(0, 299)}…` : p.title }));
}

const sameTitle = (t: string) => t.trim().toLocaleLowerCase('da-DK').replace(/\s+/g, ' ');

/**
 * The drafted points not yet on the agenda (same title, ignoring case and spacing): drawing the
 * agenda twice adds nothing the first time already added, only what Styring has found since.
 */
export function pointsNotOnAgenda(draft: DraftPoint[], agenda: Pick<AgendaPoint, 'title'>[]): DraftPoint[] {
  const have = new Set(agenda.map((p) => sameTitle(p.title)));
  return draft.filter((p) => !have.has(sameTitle(p.title)));
}

/** Point ids in agenda order with "Eventuelt" moved last (where it belongs after points are appended). */
export function eventueltLast(agenda: Pick<AgendaPoint, 'id' | 'title'>[]): number[] {
  const isEventuelt = (p: Pick<AgendaPoint, 'title'>) => sameTitle(p.title) === 'eventuelt';
  return [...agenda.filter((p) => !isEventuelt(p)), ...agenda.filter(isEventuelt)].map((p) => p.id);
}

/**
 * The committee meeting a committee brief with figures to the end of `month` is for: the first
 * committee meeting after that month (the brief goes to the next meeting); null when none is planned.
 */
export function committeeMeetingFor<M extends Pick<Meeting, 'kind' | 'heldOn'>>(meetings: M[], month: string): M | null {
  const after = meetings
    .filter((m) => m.kind === 'udvalg' && m.heldOn.slice(0, 7) > month)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return after[0] ?? null;
}
