/**
 * Her timeline: enrolments, activities, conversations, assessments and plan changes in one
 * list, newest first. Register statuses per month (from the monitoring engine) are optional:
 * pass them in, or read them from the dependency bundle's source with `loadCaseTimeline`.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps, RegisterStatus } from '../../core/deps.ts';
import { buildTimeline, type TimelineEntry } from '../../domain/timeline.ts';
import { EXIT_REASONS, type ExitReason } from '../../core/codes.ts';
import { getCaseFile, type CaseFile } from './case-file.ts';
import { ATTENDANCE_LABELS, GROUP_SESSION_KIND_LABELS } from '../../domain/group-sessions.ts';
import { danishTimeline } from '../../domain/danish.ts';

/**
 * Her case file for a section of her page and, when the section shows it, her timeline with the
 * monthly register statuses from the bundle's source (deps.registerStatuses; only then are her
 * register data read). Null when she is not in the actor's case load.
 */
export async function loadCaseSection(
  deps: Pick<AppDeps, 'db' | 'registerStatuses'>,
  actor: Actor,
  participantId: string,
  withTimeline: boolean,
) {
  const file = await getCaseFile(deps.db, actor, participantId);
  if (!file) return null;
  const timeline = withTimeline ? buildCaseTimeline(file, await deps.registerStatuses(deps.db, actor, participantId)) : [];
  return { file, timeline };
}

/** The stored exit reason as a known code (migration 0095 turned stored labels into codes). */
const reasonKey = (code: string | null): ExitReason | null =>
  code !== null && (EXIT_REASONS as readonly string[]).includes(code) ? (code as ExitReason) : null;

/** Newest first. Every enrolment (also earlier ones) contributes its start and exit. */
export function buildCaseTimeline(file: CaseFile, registerStatuses: readonly RegisterStatus[] = []): TimelineEntry[] {
  const periods = file.participant.enrolments.flatMap((e) =>
    buildTimeline({ enrolment: { date: e.enrolledOn, exitDate: e.exitedOn, exitReason: reasonKey(e.exitReason) } }).map((t) =>
      t.kind === 'udskrivning' && !reasonKey(e.exitReason) && e.exitReason
        ? { ...t, detail: `Årsag: ${e.exitReason}` }
        : { ...t, detail: t.detail || e.projectName },
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
    date: a.heldOn,
    kind: 'gruppemoede',
    title: `${GROUP_SESSION_KIND_LABELS[a.kind]}: ${a.cancelled ? 'aflyst' : ATTENDANCE_LABELS[a.status].toLowerCase()}`,
    detail: [a.title, `kl. ${a.startsAt.replace(':', '.')}`, a.place].filter(Boolean).join(' · '),
  }));
  const all = [...periods, ...rest, ...sessions, ...danishTimeline(file.danish)];
  const order = all.map((entry, i) => ({ entry, i }));
  order.sort((x, y) => y.entry.date.localeCompare(x.entry.date) || y.i - x.i);
  return order.map((x) => x.entry);
}
