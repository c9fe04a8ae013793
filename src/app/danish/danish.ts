/**
 * Her Danish tuition (issue 14 build 4): read her courses, attendance, tests and sprogmakker;
 * record, correct and delete each. Behind the door, every read and write audited on her.
 */
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { door, type Db, type Tx } from '../../db/door.ts';
import { auditDeniedRecord, findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import { attendanceInMonth, danishRecords, listDanish, type DanishKind, type DanishRecords } from '../../db/danish.ts';
import { attendanceSchema, buddyOn, buddySchema, courseSchema, testSchema } from '../../domain/danish.ts';
import { formatMonthDa } from '../../core/dates.ts';
import { mayCorrect, str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withCase } from '../casework/with-case.ts';
import { todayInDenmark } from '../casework/today.ts';

export type { DanishKind, DanishRecords };

export interface DanishView {
  participant: CaseParticipant;
  today: string;
  records: DanishRecords;
  /** Her sprogmakker today (a row with no name: none), or null when never recorded. */
  buddyToday: DanishRecords['buddies'][number] | null;
}

/** Her Danish tuition (audited as `vis` of `dansk`), or null when she is not visible. */
export function getDanishView(db: Db, actor: Actor, participantId: string, today = todayInDenmark()): Promise<DanishView | null> {
  return door(db, actor, async (tx) => {
    const p = await findCaseParticipant(tx, participantId, 'vis_dansk');
    if (!p) return { value: null, audit: [] };
    const records = await listDanish(tx, p.id);
    return {
      value: { participant: p, today, records, buddyToday: buddyOn(records.buddies, today) },
      audit: { action: 'vis', entity: 'dansk', ...about(p) },
    };
  });
}

/**
 * Her Danish tuition for one of its forms and, for a correction or deletion (`recordId`), her
 * record of this kind; not found (Deltageren) when she is not visible, (Posten) when the record is not hers.
 */
export async function danishRecordForm(db: Db, actor: Actor, participantId: string, kind: DanishKind, recordId?: string) {
  const view = await getDanishView(db, actor, participantId);
  if (!view) throw notFound('Deltageren');
  if (!recordId) return { view, record: null };
  const r = view.records;
  const list: { id: string }[] =
    kind === 'kursus' ? r.courses : kind === 'fremmoede' ? r.attendance : kind === 'proeve' ? r.tests : r.buddies;
  const record = list.find((x) => x.id === recordId) as Record<string, unknown> | undefined;
  if (!record) throw notFound('Posten');
  return { view, record };
}

export const DANISH_FIELDS: Record<DanishKind, readonly string[]> = {
  kursus: ['education', 'module', 'provider', 'startDate', 'endDate'],
  fremmoede: ['month', 'percent'],
  proeve: ['kind', 'module', 'takenOn', 'outcome', 'result'],
  sprogmakker: ['fromDate', 'hasBuddy', 'buddyName'],
};

/** The audit entity of each kind. */
const ENTITY: Record<DanishKind, string> = {
  kursus: 'danskkursus',
  fremmoede: 'danskfremmoede',
  proeve: 'danskproeve',
  sprogmakker: 'sprogmakker',
};

/** What the audit log keeps of a record: not the sprogmakker's name (a third person), only whether there is one. */
function forAudit(x: object | undefined): Record<string, unknown> | undefined {
  if (!x) return undefined;
  const { buddyName, createdByName: _n, ...rest } = x as Record<string, unknown>;
  return buddyName === undefined ? rest : { ...rest, sprogmakker: buddyName !== null };
}

type Parsed = { ok: true; data: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

function parse(kind: DanishKind, form: FormData, today: string): Parsed {
  const raw = Object.fromEntries(DANISH_FIELDS[kind].map((f) => [f, str(form, f)]));
  const schema =
    kind === 'kursus' ? courseSchema : kind === 'fremmoede' ? attendanceSchema(today) : kind === 'proeve' ? testSchema(today) : buddySchema;
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data as Record<string, unknown> } : { ok: false, errors: zodFieldErrors(r.error) };
}

async function write(tx: Tx, kind: DanishKind, p: CaseParticipant, data: never, userId: number, id?: string): Promise<string> {
  const records = danishRecords[kind];
  return id ? (await records.update(tx, p.id, id, data), id) : records.insert(tx, p, data, userId);
}

/** Record (no `recordId`) or correct one of her Danish records from a form. */
export function saveDanish(
  db: Db,
  actor: Actor,
  participantId: string,
  kind: DanishKind,
  form: FormData,
  recordId?: string,
  today = todayInDenmark(),
): Promise<SaveResult> {
  const entity = ENTITY[kind];
  return withCase<string>(db, actor, participantId, `${recordId ? 'ret' : 'opret'}_${entity}`, async (tx, p) => {
    const before = recordId ? await danishRecords[kind].get(tx, p.id, recordId) : undefined;
    if (recordId && !before) {
      await auditDeniedRecord(tx, p, entity, recordId, `ret_${entity}`);
      return unaudited({ status: 'denied' });
    }
    if (before && !mayCorrect(actor, before.createdBy)) return unaudited({ status: 'forbidden' });
    const parsed = parse(kind, form, today);
    if (!parsed.ok) return unaudited({ status: 'invalid', errors: parsed.errors });
    if (kind === 'fremmoede') {
      const month = String(parsed.data.month);
      const taken = await attendanceInMonth(tx, p.id, month);
      if (taken && taken.id !== recordId) {
        return unaudited({
          status: 'invalid',
          errors: { month: `Fremmødet for ${formatMonthDa(month)} er allerede registreret. Ret det i stedet.` },
        });
      }
    }
    const id = await write(tx, kind, p, parsed.data as never, actor.userId, recordId);
    return audited(
      { status: 'ok', id },
      {
        action: recordId ? 'ret' : 'opret',
        entity,
        ...about(p),
        detail: recordId ? { id, before: forAudit(before), after: forAudit(parsed.data) } : { id, ...forAudit(parsed.data) },
      },
    );
  });
}

/** Delete one of her Danish records (a correction), audited with what was deleted. */
export function deleteDanishRecord(db: Db, actor: Actor, participantId: string, kind: DanishKind, recordId: string): Promise<SaveResult> {
  const entity = ENTITY[kind];
  return withCase<string>(db, actor, participantId, `slet_${entity}`, async (tx, p) => {
    const before = await danishRecords[kind].get(tx, p.id, recordId);
    if (!before) {
      await auditDeniedRecord(tx, p, entity, recordId, `slet_${entity}`);
      return unaudited({ status: 'denied' });
    }
    if (!mayCorrect(actor, before.createdBy)) return unaudited({ status: 'forbidden' });
    await danishRecords[kind].delete(tx, p.id, recordId);
    return audited(
      { status: 'ok', id: recordId },
      { action: 'slet', entity, ...about(p), detail: { id: recordId, deleted: forAudit(before) } },
    );
  });
}
