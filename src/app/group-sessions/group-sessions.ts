/**
 * Group sessions' use cases (issue 14 build 3): list, show, create (one or a repeating series),
 * correct one session, cancel and undo, record attendance, and the attendance rate for Styring.
 * Everything runs behind the door: the session page shows the women of the project (each woman
 * shown is audited as a read of hers), and every attendance written or removed is audited on her.
 */
import type { Actor } from '../../core/actor.ts';
import { door, refusedRead, type AuditEntry } from '../../db/door.ts';
import { projectsOf } from '../../db/casework/project-config.ts';
import {
  getGroupSession,
  insertGroupSessions,
  listGroupSessions,
  projectSessionFacts,
  sessionRoster,
  setAttendance,
  setCancelled,
  updateGroupSession,
  updateSeriesSessions,
  type AttendanceRow,
  type GroupSessionListRow,
  type GroupSessionRow,
} from '../../db/group-sessions.ts';
import {
  attendanceRates,
  cancelSchema,
  parseAttendance,
  parseGroupSession,
  seriesDates,
  seriesScopeOf,
  type AttendanceRate,
} from '../../domain/group-sessions.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { audited, unaudited } from '../casework/with-case.ts';
import { todayInDenmark } from '../casework/today.ts';

type Db = Parameters<typeof door>[0];

export type { AttendanceRow, GroupSessionListRow, GroupSessionRow, AttendanceRate };

export const SESSION_FIELDS = [
  'projectId',
  'kind',
  'title',
  'heldOn',
  'startsAt',
  'endsAt',
  'place',
  'languages',
  'note',
  'repeatWeeks',
  'repeatUntil',
] as const;

const sessionAudit = (s: { id: string; municipalityCode: string }, action: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  action,
  entity: 'gruppemoede',
  municipality: s.municipalityCode,
  detail: { sessionId: s.id, ...detail },
});

export async function listSessions(db: Db, actor: Actor): Promise<GroupSessionListRow[]> {
  return door(db, actor, async (tx) => ({ value: await listGroupSessions(tx), audit: { action: 'liste', entity: 'gruppemoede' } }));
}

/**
 * The actor's projects for the form: a new session only in a project still running (as a new
 * enrolment); a correction of a held session also in the project it belongs to, ended or not.
 */
export async function sessionProjects(db: Db, actor: Actor, existing = false): Promise<{ id: number; name: string }[]> {
  return door(db, actor, async (tx) => ({
    value: await projectsOf(tx, actor.municipalities, existing ? undefined : todayInDenmark()),
    audit: [],
  }));
}

export interface SessionPage {
  session: GroupSessionRow;
  roster: AttendanceRow[];
  today: string;
}

/** A session with the women who may be registered and their attendance (each woman shown audited). */
export async function getSessionPage(db: Db, actor: Actor, id: string, today = todayInDenmark()): Promise<SessionPage | null> {
  return door(db, actor, async (tx) => {
    const session = await getGroupSession(tx, id);
    if (!session) return refusedRead('gruppemoede', id, 'vis_gruppemoede');
    const roster = await sessionRoster(tx, session);
    return {
      value: { session, roster, today },
      audit: [
        sessionAudit(session, 'vis'),
        ...roster.map((w) => ({
          action: 'vis',
          entity: 'gruppemoede_fremmoede',
          participantId: w.participantId,
          municipality: w.municipalityCode,
          detail: { sessionId: session.id },
        })),
      ],
    };
  });
}

/** `id` undefined → new session(s), a series when repeating; otherwise a correction of that one session. `id` of the result: the (first) session. */
export async function saveSession(db: Db, actor: Actor, f: FormData, id?: string): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const before = id ? await getGroupSession(tx, id) : undefined;
    if (id && !before) return unaudited({ status: 'denied' });
    const projects = (await projectsOf(tx, actor.municipalities, before ? undefined : todayInDenmark())).map((p) => p.id);
    const parsed = parseGroupSession(Object.fromEntries(SESSION_FIELDS.map((k) => [k, str(f, k)])), { projects, creating: !before });
    // A session of a series: this one only, or the whole series' date-independent fields.
    const scope = before?.seriesId ? seriesScopeOf(str(f, 'scope')) : 'kun_denne';
    const scopeError: Record<string, string> = scope ? {} : { scope: 'Vælg, om ændringen gælder kun dette møde eller hele serien.' };
    if (!parsed.ok || !scope) return unaudited({ status: 'invalid', errors: { ...(parsed.ok ? {} : parsed.errors), ...scopeError } });
    const v = parsed.value;
    if (before) {
      await updateGroupSession(tx, before.id, v);
      const others = scope === 'hele_serien' && before.seriesId ? await updateSeriesSessions(tx, before.seriesId, before.id, v) : [];
      return audited(
        { status: 'ok', id: before.id },
        sessionAudit(before, 'ret', {
          scope,
          ...(others.length ? { seriesId: before.seriesId, alsoChanged: others } : {}),
          before: { ...before, note: undefined },
          after: { ...v, note: undefined },
        }),
      );
    }
    const dates = seriesDates(v.heldOn, v.repeatWeeks, v.repeatUntil);
    const municipality = actor.municipalities[0];
    const ids = await insertGroupSessions(tx, municipality, v, dates);
    return audited(
      { status: 'ok', id: ids[0] },
      sessionAudit({ id: ids[0], municipalityCode: municipality }, 'opret', { kind: v.kind, dates, ids }),
    );
  });
}

/** Cancel with a reason, or (`undo`) take the cancellation back. */
export async function cancelSession(
  db: Db,
  actor: Actor,
  id: string,
  f: FormData,
  undo = false,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return door<SaveResult>(db, actor, async (tx) => {
    const s = await getGroupSession(tx, id);
    if (!s) return unaudited({ status: 'denied' });
    if (undo) {
      await setCancelled(tx, s.id, null, null);
      return audited({ status: 'ok', id: s.id }, sessionAudit(s, 'genoptag', { cancelledOn: s.cancelledOn }));
    }
    const parsed = cancelSchema.safeParse({ reason: str(f, 'reason') });
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    await setCancelled(tx, s.id, today, parsed.data.reason);
    return audited({ status: 'ok', id: s.id }, sessionAudit(s, 'aflys', { heldOn: s.heldOn }));
  });
}

/**
 * Attendance for the women on the roster: the form names each as `a_<her id>` with '', mødt,
 * afbud or udeblevet; '' removes a registration (undo). Only changes are written, each audited on
 * her. A woman not on the roster, or an unknown status, refuses the whole form.
 */
export async function recordAttendance(db: Db, actor: Actor, id: string, f: FormData): Promise<SaveResult<{ changed: number }>> {
  return door<SaveResult<{ changed: number }>>(db, actor, async (tx) => {
    const s = await getGroupSession(tx, id);
    if (!s) return unaudited({ status: 'denied' });
    if (s.cancelledOn)
      return unaudited({ status: 'invalid', errors: { _form: 'Mødet er aflyst. Genoptag det for at registrere fremmøde.' } });
    const roster = new Map((await sessionRoster(tx, s)).map((w) => [w.participantId, w]));
    const errors: Record<string, string> = {};
    const changes: { w: AttendanceRow; to: ReturnType<typeof parseAttendance> }[] = [];
    for (const key of Object.keys(f).filter((k) => k.startsWith('a_'))) {
      const w = roster.get(key.slice(2));
      const to = parseAttendance(str(f, key));
      if (!w) errors._form = 'Fremmøde kan kun registreres for kvinder i projektet på mødets dato.';
      else if (to === undefined) errors[key] = `Vælg mødt, afbud eller udeblevet for ${w.firstName} ${w.lastName}.`;
      else if (to !== w.status) changes.push({ w, to });
    }
    if (Object.keys(errors).length) return unaudited({ status: 'invalid', errors });
    for (const c of changes) await setAttendance(tx, s.id, c.w, c.to ?? null);
    return {
      value: { status: 'ok', id: { changed: changes.length } },
      audit: changes.map((c): AuditEntry => ({
        action: c.to ? (c.w.status ? 'ret' : 'opret') : 'slet',
        entity: 'gruppemoede_fremmoede',
        participantId: c.w.participantId,
        municipality: c.w.municipalityCode,
        detail: { sessionId: s.id, kind: s.kind, heldOn: s.heldOn, from: c.w.status, to: c.to ?? null },
      })),
    };
  });
}

/** Attendance rate per kind of session for Styring (counts only, no person): held sessions up to `day`. */
export async function sessionSteering(db: Db, actor: Actor, projectId: number, day: string): Promise<AttendanceRate[]> {
  return door(db, actor, async (tx) => ({ value: attendanceRates(await projectSessionFacts(tx, projectId, day)), audit: [] }));
}
