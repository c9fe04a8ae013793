/**
 * A dated change recorded in her current enrolment (her visitation, her company consultant): only
 * while she is enrolled; the form checked by a schema built from her history of such changes; the
 * change stored and audited as created, with what it changed from and to.
 */
import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { CaseEnrolment, CaseParticipant } from '../../db/casework/access.ts';
import type { Tx } from '../../db/door.ts';
import { str, zodFieldErrors } from '../form.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase, type CaseFormSave } from './with-case.ts';

export interface ChangeInEnrolment<T> {
  /** The purpose her case is opened for (audited with a refused look-up). */
  purpose: string;
  /** The audit entity of the change. */
  entity: string;
  fields: readonly string[];
  /** Shown when she is not enrolled now. */
  notEnrolled: string;
  /**
   * Her history read inside the transaction: the schema of a change, and how to store a checked one
   * (its id and audit detail). `today` is the save's date (a test may fix it).
   */
  prepare(
    tx: Tx,
    p: CaseParticipant,
    e: CaseEnrolment,
    by: { actor: Actor; today: string },
  ): Promise<{ schema: z.ZodType<T>; store(change: T): Promise<{ id: string; detail: Record<string, unknown> }> }>;
}

/** The save of one kind of change: the form's use case. */
export function changeInEnrolment<T>(change: ChangeInEnrolment<T>): CaseFormSave {
  return (db, actor, participantId, form, today = todayInDenmark()) =>
    withCase<string>(db, actor, participantId, change.purpose, async (tx, p) => {
      const e = p.enrolment;
      if (!e || e.exitedOn) return unaudited({ status: 'invalid', errors: { _form: change.notEnrolled } });
      const { schema, store } = await change.prepare(tx, p, e, { actor, today });
      const parsed = schema.safeParse(Object.fromEntries(change.fields.map((f) => [f, str(form, f)])));
      if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
      const { id, detail } = await store(parsed.data);
      return audited({ status: 'ok', id }, { action: 'opret', entity: change.entity, ...about(p), detail: { id, ...detail } });
    });
}
