/** Assign her company consultant (virksomhedskonsulent) from a date, or end the assignment (issue 14 build 2). */
import type { Actor } from '../../core/actor.ts';
import { addDays } from '../../core/dates.ts';
import { insertConsultantChange, listConsultantChanges } from '../../db/casework/consultants.ts';
import { caseworkersOf } from '../../db/casework/project-config.ts';
import { consultantOn, makeConsultantChangeSchema } from '../../domain/consultant.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

type Db = Parameters<typeof withCase>[0];

export const CONSULTANT_FIELDS = ['fromDate', 'consultantId'] as const;

export async function saveConsultantChange(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, 'opret_virksomhedskonsulent', async (tx, p) => {
    const e = p.enrolment;
    if (!e || e.exitedOn)
      return unaudited({ status: 'invalid', errors: { _form: 'Virksomhedskonsulenten kan kun skiftes, mens hun er indskrevet.' } });
    const changes = await listConsultantChanges(tx, p.id);
    const allowed = (await caseworkersOf(tx, actor.organisationId)).map((c) => c.id);
    const schema = makeConsultantChangeSchema({
      enrolledOn: e.enrolledOn,
      latest: addDays(today, 365),
      allowed,
      current: (d) => consultantOn(changes, d)?.consultantId ?? null,
    });
    const parsed = schema.safeParse(Object.fromEntries(CONSULTANT_FIELDS.map((f) => [f, str(form, f)])));
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    const from = consultantOn(changes, parsed.data.fromDate)?.consultantId ?? null;
    const id = await insertConsultantChange(tx, p, parsed.data.fromDate, parsed.data.consultantId, actor.userId);
    return audited(
      { status: 'ok', id },
      {
        action: 'opret',
        entity: 'virksomhedskonsulent',
        ...about(p),
        detail: { id, fromDate: parsed.data.fromDate, from, to: parsed.data.consultantId },
      },
    );
  });
}
