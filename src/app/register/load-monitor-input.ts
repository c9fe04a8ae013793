/**
 * The monitoring engine's input built from stored data: each enrolment is a participant
 * (spec §1.1: a woman enrolled twice counts twice), linked to her register row by CPR hash.
 * Two doors: `tenantMonitorInput` for a municipality's own users (through the door, row-level
 * security and the audit log) and `nationalMonitorInput` for the agency's aggregated views, whose
 * callers must only ever show suppressed aggregates.
 */
import type { Actor } from '../../core/actor.ts';
import { door, type Db } from '../../db/door.ts';
import { enrolmentRegisterRows, type EnrolmentScope, type RegisterReader } from '../../db/register-input.ts';
import { loadCodeTable } from '../../db/register-store.ts';
import type { MonitorInput, Participant, PersonHours, PersonWeeks } from '../../monitoring/types.ts';
import { unpackPerson } from '../../register/pack.ts';

export interface EnrolmentRef {
  enrolmentId: string;
  participantId: string;
  municipalityCode: string;
  projectId: number;
  cprHash: string;
}

export interface StoredMonitorInput {
  input: MonitorInput;
  /** Same order as `input.participants`. */
  refs: EnrolmentRef[];
}

/** Which deliveries to compute from: all (the latest data), or those up to and including a batch. */
export interface AsOf {
  asOfBatch?: number;
}

/** Build the engine's input from the rows: one participant per enrolment, one register row per woman. */
async function build(reader: RegisterReader, scope: EnrolmentScope, asOf: AsOf = {}): Promise<StoredMonitorInput> {
  const rows = await enrolmentRegisterRows(reader, scope, asOf.asOfBatch);
  const codeTable = await loadCodeTable(reader);
  const weeks = new Map<string, PersonWeeks>();
  const hours = new Map<string, PersonHours>();
  const participants: Participant[] = [];
  const refs: EnrolmentRef[] = [];
  for (const r of rows) {
    const cpr = r.cprHash;
    if (r.data && !weeks.has(cpr)) {
      const u = unpackPerson(r.data);
      weeks.set(cpr, u.weeks);
      hours.set(cpr, u.hours);
    }
    participants.push({
      id: r.enrolmentId,
      cpr,
      birthDate: r.birthDate,
      kommune: r.name,
      visitation: r.visitation,
      indskrevet: r.enrolledOn,
      udskrevet: r.exitedOn,
    });
    refs.push({
      enrolmentId: r.enrolmentId,
      participantId: r.participantId,
      municipalityCode: r.code.trim(),
      projectId: r.projectId,
      cprHash: r.cprHash,
    });
  }
  return { input: { participants, register: { weeks, hours }, codeTable }, refs };
}

/** A municipality's own women (optionally one project), audited as one computation. */
export function tenantMonitorInput(db: Db, actor: Actor, opts: { projectId?: number } & AsOf = {}) {
  return door(db, actor, async (tx) => {
    const r = await build(tx, opts.projectId ? { projectId: opts.projectId } : {}, opts);
    return {
      value: r,
      audit: {
        action: 'beregning',
        entity: 'monitoring',
        detail: { participants: r.refs.length, projectId: opts.projectId ?? null, asOfBatch: opts.asOfBatch ?? null },
      },
    };
  });
}

/** Every municipality (system path): only for suppressed aggregates in the national view. */
export async function nationalMonitorInput(reader: RegisterReader, opts: { municipalities?: string[] } & AsOf = {}) {
  return build(reader, opts.municipalities ? { municipalities: opts.municipalities } : {}, opts);
}

/**
 * The enrolments of these people (by CPR hash) with their register rows as stored now, inside
 * an import's transaction (system path): the revision summary compares their results before
 * and after the new delivery.
 */
export async function monitorInputForPeople(reader: RegisterReader, cprHashes: string[]): Promise<StoredMonitorInput> {
  return build(reader, { cprHashes });
}

/** `YYYY-MM` → the month's last day, `YYYY-MM-DD`. */
const endOfMonth = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * The population a report month names: the women enrolled by the end of that month. A woman
 * enrolled later is not in any figure for the month (issue 18: 121 counted for a month with 120);
 * `later` says how many were left out, for views that show them apart. An invalid month is left
 * for the engine to refuse.
 */
export function cohortOf(input: MonitorInput, month: string): { input: MonitorInput; later: number } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { input, later: 0 };
  const end = endOfMonth(month);
  const participants = input.participants.filter((p) => p.indskrevet <= end);
  return { input: { ...input, participants }, later: input.participants.length - participants.length };
}
