/** Exit (udskrivning) of her open enrolment with a reason; the enrolment stays as history. */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { closeEnrolment } from '../../db/casework/enrolments.ts';
import { makeExitSchema } from '../../domain/exit.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

export async function exitParticipant(db: Db, actor: Actor, participantId: string, form: FormData): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'udskriv', async (tx, p) => {
    const e = p.enrolment;
    if (!e || e.exitedOn) return unaudited({ status: 'invalid', errors: { _form: 'Borgeren er ikke indskrevet i et projekt.' } });
    const parsed = makeExitSchema(e.enrolledOn).safeParse({
      exitDate: str(form, 'exitDate'),
      reason: str(form, 'reason'),
      note: str(form, 'note'),
    });
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    await closeEnrolment(tx, e.id, parsed.data);
    return audited(
      { status: 'ok', id: e.id },
      {
        action: 'udskriv',
        entity: 'enrolment',
        ...about(p),
        detail: { enrolmentId: e.id, reason: parsed.data.reason, exitDate: parsed.data.exitDate },
      },
    );
  });
}
