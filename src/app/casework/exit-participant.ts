/** Exit (udskrivning) of her open enrolment with a reason; the enrolment stays as history. */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { makeExitSchema } from '../../domain/exit.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { about, withCase } from './with-case.ts';

export async function exitParticipant(db: Database, actor: Actor, participantId: string, form: FormData): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'udskriv', async (q, audit, p) => {
    const e = p.enrolment;
    if (!e || e.exitedOn) return { status: 'invalid', errors: { _form: 'Borgeren er ikke indskrevet i et projekt.' } };
    const parsed = makeExitSchema(e.enrolledOn).safeParse({ exitDate: str(form, 'exitDate'), reason: str(form, 'reason'), note: str(form, 'note') });
    if (!parsed.success) return { status: 'invalid', errors: zodFieldErrors(parsed.error) };
    // The reason is stored by its Danish label, as the rest of the enrolment table (and the demo) does.
    await q.query('UPDATE enrolment SET exited_on = $2, exit_reason = $3, exit_note = $4 WHERE id = $1 AND exited_on IS NULL',
      [e.id, parsed.data.exitDate, parsed.data.reason, parsed.data.note]);
    await audit({ action: 'udskriv', entity: 'enrolment', ...about(p), detail: { enrolmentId: e.id, reason: parsed.data.reason, exitDate: parsed.data.exitDate } });
    return { status: 'ok', id: e.id };
  });
}
