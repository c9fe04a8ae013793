/**
 * One woman's register data, explained: her month-by-month status from the monitoring engine and,
 * for any month, which weeks' codes and which hours put her there. Read through `withTenant`
 * (row-level security lets a municipality read only its own women's register rows) and audited.
 */
import type { Actor } from '../context.ts';
import type { Database } from '../../db/database.ts';
import type { ParticipantView } from '../../db/participants.ts';
import { loadCodeTable } from '../../db/register-store.ts';
import { withTenant } from '../../db/tenant.ts';
import { monthOfWeek, monthString } from '../../monitoring/calendar.ts';
import { explainParticipant, participantTimeline, type MonthExplanation, type TimelineMonth } from '../../monitoring/explain.ts';
import type { MonitorInput } from '../../monitoring/types.ts';
import { unpackPerson } from '../../register/pack.ts';
import type { Vault } from '../../security/vault.ts';

export interface ParticipantRegister {
  input: MonitorInput;
  hasData: boolean;
  /** Months covered by her register data, `YYYY-MM`. */
  firstMonth: string | null;
  lastMonth: string | null;
}

export async function loadParticipantRegister(db: Database, vault: Vault, actor: Actor, p: ParticipantView): Promise<ParticipantRegister> {
  return withTenant(db, actor, async (q, audit) => {
    const row = (await q.query<{ data: Uint8Array }>('SELECT data FROM register_person WHERE cpr_hash = $1', [vault.hashCpr(p.cpr)])).rows[0];
    const codeTable = await loadCodeTable(q);
    await audit({ action: 'vis_registerdata', entity: 'register_person', participantId: p.id, municipality: p.municipalityCode });
    const weeks: MonitorInput['register']['weeks'] = new Map();
    const hours: MonitorInput['register']['hours'] = new Map();
    let firstMonth: string | null = null;
    let lastMonth: string | null = null;
    if (row) {
      const u = unpackPerson(row.data);
      weeks.set(p.cpr, u.weeks);
      hours.set(p.cpr, u.hours);
      const ms: number[] = [];
      if (u.weeks.codes.length) ms.push(monthOfWeek(u.weeks.weekStart), monthOfWeek(u.weeks.weekStart + u.weeks.codes.length - 1));
      if (u.hours.hours.length) ms.push(u.hours.monthStart, u.hours.monthStart + u.hours.hours.length - 1);
      if (ms.length) {
        firstMonth = monthString(Math.min(...ms));
        lastMonth = monthString(Math.max(...ms));
      }
    }
    const participants = p.enrolments.map((e) => ({
      id: e.id, cpr: p.cpr, kommune: p.municipalityName, visitation: e.visitation as MonitorInput['participants'][number]['visitation'],
      indskrevet: e.enrolledOn, udskrevet: e.exitedOn,
    }));
    return { input: { participants, register: { weeks, hours }, codeTable }, hasData: !!row, firstMonth, lastMonth };
  });
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
