/**
 * The monitoring engine's input built from stored data: each enrolment is a participant
 * (spec §1.1: a woman enrolled twice counts twice), linked to her register row by CPR hash.
 * Two doors: `tenantMonitorInput` for a municipality's own users (through `withTenant`, row-level
 * security and the audit log) and `nationalMonitorInput` for the agency's aggregated views, whose
 * callers must only ever show suppressed aggregates.
 */
import type { Actor } from '../../core/actor.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { loadCodeTable } from '../../db/register-store.ts';
import { withTenant } from '../../db/tenant.ts';
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

interface Row {
  enrolmentId: string;
  participantId: string;
  code: string;
  name: string;
  projectId: number;
  enrolledOn: string;
  exitedOn: string | null;
  visitation: Participant['visitation'];
  birthDate: string;
  cprHash: string;
  data: Uint8Array | null;
}

const SELECT = `SELECT e.id AS "enrolmentId", p.id AS "participantId", p.municipality_code AS code, m.name,
    e.project_id AS "projectId", e.enrolled_on AS "enrolledOn", e.exited_on AS "exitedOn", e.visitation,
    p.birth_date AS "birthDate", p.cpr_hash AS "cprHash", r.data
  FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.code = p.municipality_code`;
/** Her register row now, or as it stood after batch $1 (the latest version up to it). */
const LATEST = 'LEFT JOIN register_person r ON r.cpr_hash = p.cpr_hash';
const AS_OF = `LEFT JOIN LATERAL (SELECT v.data FROM register_person_version v WHERE v.cpr_hash = p.cpr_hash AND v.batch_id <= $1
    ORDER BY v.batch_id DESC LIMIT 1) r ON true`;

/** Which deliveries to compute from: all (the latest data), or those up to and including a batch. */
export interface AsOf {
  asOfBatch?: number;
}

/**
 * Women are keyed by the CPR hash and carry their birth date, so no CPR number is decrypted to
 * compute results (the engine takes age from `birthDate` when given).
 */
async function build(q: Queryable, where: string, params: unknown[], asOf: AsOf = {}): Promise<StoredMonitorInput> {
  // With a batch, it is parameter $1 and the others move up one.
  const sql = asOf.asOfBatch === undefined
    ? `${SELECT} ${LATEST} ${where}`
    : `${SELECT} ${AS_OF} ${where.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + 1}`)}`;
  const args = asOf.asOfBatch === undefined ? params : [asOf.asOfBatch, ...params];
  const rows = (await q.query<Row>(`${sql} ORDER BY e.enrolled_on, e.id`, args)).rows;
  const codeTable = await loadCodeTable(q);
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
    participants.push({ id: r.enrolmentId, cpr, birthDate: r.birthDate, kommune: r.name, visitation: r.visitation, indskrevet: r.enrolledOn, udskrevet: r.exitedOn });
    refs.push({ enrolmentId: r.enrolmentId, participantId: r.participantId, municipalityCode: r.code.trim(), projectId: r.projectId, cprHash: r.cprHash });
  }
  return { input: { participants, register: { weeks, hours }, codeTable }, refs };
}

/** A municipality's own women (optionally one project), audited as one computation. */
export function tenantMonitorInput(db: Database, actor: Actor, opts: { projectId?: number } & AsOf = {}) {
  return withTenant(db, actor, async (q, audit) => {
    const r = opts.projectId ? await build(q, 'WHERE e.project_id = $1', [opts.projectId], opts) : await build(q, '', [], opts);
    await audit({ action: 'beregning', entity: 'monitoring', detail: { participants: r.refs.length, projectId: opts.projectId ?? null, asOfBatch: opts.asOfBatch ?? null } });
    return r;
  });
}

/** Every municipality (system path): only for suppressed aggregates in the national view. */
export async function nationalMonitorInput(db: Queryable, opts: { municipalities?: string[] } & AsOf = {}) {
  return opts.municipalities ? build(db, 'WHERE p.municipality_code = ANY($1::text[])', [opts.municipalities], opts) : build(db, '', [], opts);
}

/**
 * The enrolments of these people (by CPR hash) with their register rows as stored now, inside
 * an import's transaction (system path): the revision summary compares their results before
 * and after the new delivery.
 */
export async function monitorInputForPeople(q: Queryable, cprHashes: string[]): Promise<StoredMonitorInput> {
  return build(q, 'WHERE p.cpr_hash = ANY($1::text[])', [cprHashes]);
}

/** `YYYY-MM` → the month's last day, `YYYY-MM-DD`. */
const endOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

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
