/**
 * Her timeline: enrolments, activities, conversations, assessments and plan changes in one
 * list, newest first. Register statuses per month (from the monitoring engine) are optional:
 * pass them in, or register a source with `setRegisterStatusSource` so the participant page
 * shows them.
 */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { buildTimeline, type RegisterLevel, type TimelineEntry } from '../../domain/timeline.ts';
import { EXIT_REASONS, type ExitReason } from '../../core/codes.ts';
import type { CaseFile } from './case-file.ts';
import { ATTENDANCE_LABELS, GROUP_SESSION_KIND_LABELS } from '../../domain/group-sessions.ts';
import { danishTimeline } from '../../domain/danish.ts';

export interface RegisterStatus {
  month: string;
  level: RegisterLevel;
  snapshot: string;
}

export type RegisterStatusSource = (db: Db, actor: Actor, participantId: string) => Promise<RegisterStatus[]>;

let registerStatusSource: RegisterStatusSource = async () => [];

/** The lead's hook: where monthly register statuses for a woman come from (default: none). */
export function setRegisterStatusSource(source: RegisterStatusSource) {
  registerStatusSource = source;
}

export function loadRegisterStatuses(db: Db, actor: Actor, participantId: string) {
  return registerStatusSource(db, actor, participantId);
}

/** The stored exit reason as a known code (migration 0095 turned stored labels into codes). */
const reasonKey = (code: string | null): ExitReason | null =>
  code !== null && (EXIT_REASONS as readonly string[]).includes(code) ? (code as ExitReason) : null;

/** Newest first. Every enrolment (also earlier ones) contributes its start and exit. */
export function buildCaseTimeline(file: CaseFile, registerStatuses: readonly RegisterStatus[] = []): TimelineEntry[] {
  const periods = file.participant.enrolments.flatMap((e) =>
    buildTimeline({ enrolment: { date: e.enrolledOn, exitDate: e.exitedOn, exitReason: reasonKey(e.exitReason) } }).map((t) =>
      t.kind === 'udskrivning' && !reasonKey(e.exitReason) && e.exitReason ? { ...t, detail: `Årsag: ${e.exitReason}` } : { ...t, detail: t.detail || e.projectName },
    ),
  );
  const rest = buildTimeline({
    activities: file.activities,
    conversations: file.conversations,
    assessments: file.assessments,
    planChanges: file.planChanges.map((c) => ({ date: c.changedOn, by: c.changedByName, changes: c.changes })),
    registerStatuses,
    exemptions: file.exemptions,
    visitationChanges: file.visitationSteps.map((s) => ({ date: s.change.date, from: s.from, to: s.to, reason: s.change.reason })),
    extraActivityTypes: file.config.extraTypes,
    extraInstruments: file.projectInstruments.instruments,
  });
  // Group sessions she was registered at (a cancelled one shows as cancelled).
  const sessions: TimelineEntry[] = file.groupAttendance.map((a) => ({
    date: a.heldOn, kind: 'gruppemoede',
    title: `${GROUP_SESSION_KIND_LABELS[a.kind]}: ${a.cancelled ? 'aflyst' : ATTENDANCE_LABELS[a.status].toLowerCase()}`,
    detail: [a.title, `kl. ${a.startsAt.replace(':', '.')}`, a.place].filter(Boolean).join(' · '),
  }));
  const all = [...periods, ...rest, ...sessions, ...danishTimeline(file.danish)];
  const order = all.map((entry, i) => ({ entry, i }));
  order.sort((x, y) => y.entry.date.localeCompare(x.entry.date) || y.i - x.i);
  return order.map((x) => x.entry);
}
