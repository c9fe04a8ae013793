/** Record a change of her visitation in her current enrolment (date, new category, reason). */
import type { Actor } from '../../core/actor.ts';
import type { Visitation } from '../../core/codes.ts';
import { insertVisitationChange, listVisitationChanges } from '../../db/casework/visitation.ts';
import { makeVisitationChangeSchema, visitationOn } from '../../domain/visitation.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

/** The database as withCase takes it (no import of db/database.ts above db/). */
type Db = Parameters<typeof withCase>[0];

export const VISITATION_CHANGE_FIELDS = ['date', 'visitation', 'reason'] as const;

export async function saveVisitationChange(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'opret_visitationsaendring', async (tx, p) => {
    const e = p.enrolment;
    if (!e || e.exitedOn)
      return unaudited({ status: 'invalid', errors: { _form: 'Visitationen kan kun ændres, mens hun er indskrevet.' } });
    const changes = (await listVisitationChanges(tx, p.id)).filter((c) => c.enrolmentId === e.id);
    const atEnrolment = e.visitation as Visitation;
    const schema = makeVisitationChangeSchema({ today, enrolledOn: e.enrolledOn, current: (d) => visitationOn(atEnrolment, changes, d) });
    const parsed = schema.safeParse(Object.fromEntries(VISITATION_CHANGE_FIELDS.map((f) => [f, str(form, f)])));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const from = visitationOn(atEnrolment, changes, parsed.data.date);
    const id = await insertVisitationChange(tx, p.id, p.municipalityCode, e.id, parsed.data, actor.userId);
    return audited(
      { status: 'ok', id },
      {
        action: 'opret',
        entity: 'visitation',
        ...about(p),
        detail: { id, enrolmentId: e.id, date: parsed.data.date, from, to: parsed.data.visitation },
      },
    );
  });
}
