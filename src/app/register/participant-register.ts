/**
 * One woman's register data, explained: her month-by-month status from the monitoring engine and,
 * for any month, which weeks' codes and which hours put her there. Read through the door
 * (row-level security lets a municipality read only its own women's register rows) and audited.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { participantRegisterRows } from '../../db/register-input.ts';
import { loadCodeTable } from '../../db/register-store.ts';
import { monthOfWeek, monthString } from '../../monitoring/calendar.ts';
import { explainParticipant, participantTimeline, type MonthExplanation, type TimelineMonth } from '../../monitoring/explain.ts';
import type { MonitorInput, Participant } from '../../monitoring/types.ts';
import { unpackPerson } from '../../register/pack.ts';

export interface ParticipantRegister {
  input: MonitorInput;
  hasData: boolean;
  /** Months covered by her register data, `YYYY-MM`. */
  firstMonth: string | null;
  lastMonth: string | null;
}

/**
 * Her register row joined through her participant row (no CPR number needed), and her
 * enrolments as the engine's participants, keyed by the CPR hash with her birth date.
 */
export function loadParticipantRegister(db: Db, actor: Actor, participantId: string): Promise<ParticipantRegister> {
  // Her page asks twice in one request (the register section and the timeline): the actor is
  // built per request, so it keys a memo that reads and audits once per page view.
  let mine = perRequest.get(actor);
  if (!mine) perRequest.set(actor, (mine = new Map()));
  let loading = mine.get(participantId);
  if (!loading) mine.set(participantId, (loading = readParticipantRegister(db, actor, participantId)));
  return loading;
}

const perRequest = new WeakMap<Actor, Map<string, Promise<ParticipantRegister>>>();

function readParticipantRegister(db: Db, actor: Actor, participantId: string): Promise<ParticipantRegister> {
  return door(db, actor, async (tx) => {
    const rows = await participantRegisterRows(tx, participantId);
    const codeTable = await loadCodeTable(tx);
    const audit = { action: 'vis_registerdata', entity: 'register_person', participantId, municipality: rows[0]?.code ?? null };
    const weeks: MonitorInput['register']['weeks'] = new Map();
    const hours: MonitorInput['register']['hours'] = new Map();
    let firstMonth: string | null = null;
    let lastMonth: string | null = null;
    const data = rows[0]?.data;
    if (data) {
      const u = unpackPerson(data);
      weeks.set(rows[0].hash, u.weeks);
      hours.set(rows[0].hash, u.hours);
      const ms: number[] = [];
      if (u.weeks.codes.length) ms.push(monthOfWeek(u.weeks.weekStart), monthOfWeek(u.weeks.weekStart + u.weeks.codes.length - 1));
      if (u.hours.hours.length) ms.push(u.hours.monthStart, u.hours.monthStart + u.hours.hours.length - 1);
      if (ms.length) {
        firstMonth = monthString(Math.min(...ms));
        lastMonth = monthString(Math.max(...ms));
      }
    }
    const participants: Participant[] = rows.map((r) => ({
      id: r.id,
      cpr: r.hash,
      birthDate: r.birthDate,
      kommune: r.kommune,
      visitation: r.visitation,
      indskrevet: r.enrolledOn,
      udskrevet: r.exitedOn,
    }));
    return { value: { input: { participants, register: { weeks, hours }, codeTable }, hasData: !!data, firstMonth, lastMonth }, audit };
  });
}

/** Monthly statuses for her timeline (the casework timeline's register source). */
export async function registerStatusesFor(db: Db, actor: Actor, participantId: string) {
  const r = await loadParticipantRegister(db, actor, participantId);
  return registerTimeline(r).map((m) => ({ month: m.month, level: m.level, snapshot: m.snapshot }));
}

/** Her months for an enrolment (default: the latest), from enrolment to the last month with data. */
export function registerTimeline(r: ParticipantRegister, enrolmentId?: string): TimelineMonth[] {
  const who = enrolmentId ?? r.input.participants[0]?.id;
  const p = r.input.participants.find((x) => x.id === who);
  if (!p || !r.lastMonth) return [];
  const from = p.indskrevet.slice(0, 7);
  const to = p.udskrevet && p.udskrevet.slice(0, 7) < r.lastMonth ? p.udskrevet.slice(0, 7) : r.lastMonth;
  return participantTimeline(r.input, p.id, from, to);
}

export function explainMonth(r: ParticipantRegister, month: string, enrolmentId?: string): MonthExplanation {
  return explainParticipant(r.input, enrolmentId ?? r.input.participants[0].id, month);
}
