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

const SQL = `SELECT e.id AS "enrolmentId", p.id AS "participantId", p.municipality_code AS code, m.name,
    e.project_id AS "projectId", e.enrolled_on AS "enrolledOn", e.exited_on AS "exitedOn", e.visitation,
    p.birth_date AS "birthDate", p.cpr_hash AS "cprHash", r.data
  FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.code = p.municipality_code
  LEFT JOIN register_person r ON r.cpr_hash = p.cpr_hash`;

/**
 * Women are keyed by the CPR hash and carry their birth date, so no CPR number is decrypted to
 * compute results (the engine takes age from `birthDate` when given).
 */
async function build(q: Queryable, where: string, params: unknown[]): Promise<StoredMonitorInput> {
  const rows = (await q.query<Row>(`${SQL} ${where} ORDER BY e.enrolled_on, e.id`, params)).rows;
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
export function tenantMonitorInput(db: Database, actor: Actor, opts: { projectId?: number } = {}) {
  return withTenant(db, actor, async (q, audit) => {
    const r = opts.projectId ? await build(q, 'WHERE e.project_id = $1', [opts.projectId]) : await build(q, '', []);
    await audit({ action: 'beregning', entity: 'monitoring', detail: { participants: r.refs.length, projectId: opts.projectId ?? null } });
    return r;
  });
}

/** Every municipality (system path): only for suppressed aggregates in the national view. */
export async function nationalMonitorInput(db: Queryable, opts: { municipalities?: string[] } = {}) {
  return opts.municipalities ? build(db, 'WHERE p.municipality_code = ANY($1::text[])', [opts.municipalities]) : build(db, '', []);
}
