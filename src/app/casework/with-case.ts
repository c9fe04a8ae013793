/** Run a use case on one woman's case behind the door, her visibility checked first. */
import type { Actor } from '../../core/actor.ts';
import { door, type Audited, type AuditEntry, type Db, type Tx } from '../../db/door.ts';
import { auditDeniedRecord, findCaseParticipant, type CaseParticipant } from '../../db/casework/access.ts';
import type { Alert } from '../../domain/alerts.ts';
import { mayCorrect, type AlertChange, type FormData, type SaveResult } from '../form.ts';
import { loadCaseData } from './case-file.ts';
import { todayInDenmark } from './today.ts';

/** Her alerts today, read inside the caller's transaction (none when she has no enrolment). */
async function alertsOf(tx: Tx, p: CaseParticipant): Promise<Alert[]> {
  return p.enrolment ? (await loadCaseData(tx, p, todayInDenmark())).alerts : [];
}

/** What changed between two lists of her alerts: new or more severe ones, and ones gone. */
export function alertChange(before: readonly Alert[], after: readonly Alert[]): AlertChange {
  const rank = (a: Alert) => (a.severity === 'kritisk' ? 2 : 1);
  const was = new Map(before.map((a) => [a.code, rank(a)]));
  const now = new Set(after.map((a) => a.code));
  return {
    raised: after.filter((a) => rank(a) > (was.get(a.code) ?? 0)).map((a) => ({ code: a.code, severity: a.severity })),
    cleared: [...was.keys()].filter((c) => !now.has(c)).map((code) => ({ code })),
  };
}

/**
 * Run a use case on one woman's case; a successful write also reports the alerts it raised or
 * cleared (her alerts computed in the same transaction, before and after), for the "Gemt" notice.
 */
export function withCase<T>(
  db: Db,
  actor: Actor,
  participantId: string,
  purpose: string,
  fn: (tx: Tx, p: CaseParticipant) => Promise<Audited<SaveResult<T>>>,
): Promise<SaveResult<T>> {
  return door(db, actor, async (tx) => {
    const p = await findCaseParticipant(tx, participantId, purpose);
    if (!p) return { value: { status: 'denied' } as const, audit: [] };
    const before = await alertsOf(tx, p);
    const out = await fn(tx, p);
    if (out.value.status !== 'ok') return out;
    return { value: { ...out.value, alerts: alertChange(before, await alertsOf(tx, p)) }, audit: out.audit };
  });
}

/** Audit fields for a record of hers. */
export const about = (p: CaseParticipant) => ({ participantId: p.id, municipality: p.municipalityCode });

/** A result with nothing to record (a refusal already audited, or a form refused before any change). */
export const unaudited = <T>(value: T): Audited<T> => ({ value, audit: [] });

/** A result and the audit record that describes it. */
export const audited = <T>(value: T, audit: AuditEntry): Audited<T> => ({ value, audit });

/**
 * The record of hers that a form corrects, read in the transaction (undefined for a new one), or the answer instead:
 * denied when it is not one of hers (audited as a refused `ret_<entity>`), forbidden when the actor neither
 * created it nor leads the project.
 */
export async function recordToCorrect<R extends { createdBy: number | null }>(
  tx: Tx,
  actor: Actor,
  p: CaseParticipant,
  entity: string,
  id: string | undefined,
  get: (tx: Tx, participantId: string, id: string) => Promise<R | undefined>,
): Promise<{ before: R | undefined } | { answer: Audited<SaveResult<never>> }> {
  if (!id) return { before: undefined };
  const before = await get(tx, p.id, id);
  if (!before) {
    await auditDeniedRecord(tx, p, entity, id, `ret_${entity}`);
    return { answer: unaudited({ status: 'denied' }) };
  }
  if (!mayCorrect(actor, before.createdBy)) return { answer: unaudited({ status: 'forbidden' }) };
  return { before };
}

/**
 * Create (no `id`) or correct one record of hers: `withCase` for `opret_<entity>` or `ret_<entity>`, the record to
 * correct read first (denied or forbidden as `recordToCorrect` answers), then `fn` with it (undefined for a new one).
 */
export function withRecord<R extends { createdBy: number | null }>(
  db: Db,
  actor: Actor,
  participantId: string,
  entity: string,
  id: string | undefined,
  get: (tx: Tx, participantId: string, id: string) => Promise<R | undefined>,
  fn: (tx: Tx, p: CaseParticipant, before: R | undefined) => Promise<Audited<SaveResult<string>>>,
): Promise<SaveResult<string>> {
  return withCase<string>(db, actor, participantId, id ? `ret_${entity}` : `opret_${entity}`, async (tx, p) => {
    const found = await recordToCorrect(tx, actor, p, entity, id, get);
    if ('answer' in found) return found.answer;
    return fn(tx, p, found.before);
  });
}

/** A record of hers saved: `ok` with its id, audited as created or corrected with the id first in the detail. */
export const savedRecord = (p: CaseParticipant, action: 'opret' | 'ret', entity: string, id: string, detail: Record<string, unknown>) =>
  audited<SaveResult>({ status: 'ok', id }, { action, entity, ...about(p), detail: { id, ...detail } });

/** A use case that saves one form of her case; `today` is given by tests (Danish time otherwise). */
export type CaseFormSave<T = string> = (
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  today?: string,
) => Promise<SaveResult<T>>;
