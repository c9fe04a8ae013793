/** Assign her company consultant (virksomhedskonsulent) from a date, or end the assignment (issue 14 build 2). */
import { addDays } from '../../core/dates.ts';
import { insertConsultantChange, listConsultantChanges } from '../../db/casework/consultants.ts';
import { caseworkersOf } from '../../db/casework/project-config.ts';
import { consultantOn, makeConsultantChangeSchema } from '../../domain/consultant.ts';
import { changeInEnrolment } from './save-change-in-enrolment.ts';

export const saveConsultantChange = changeInEnrolment({
  purpose: 'opret_virksomhedskonsulent',
  entity: 'virksomhedskonsulent',
  fields: ['fromDate', 'consultantId'],
  notEnrolled: 'Virksomhedskonsulenten kan kun skiftes, mens hun er indskrevet.',
  async prepare(tx, p, e, { actor, today }) {
    const changes = await listConsultantChanges(tx, p.id);
    const allowed = (await caseworkersOf(tx, actor.organisationId)).map((c) => c.id);
    const schema = makeConsultantChangeSchema({
      enrolledOn: e.enrolledOn,
      latest: addDays(today, 365),
      allowed,
      current: (d) => consultantOn(changes, d)?.consultantId ?? null,
    });
    return {
      schema,
      async store({ fromDate, consultantId }) {
        const from = consultantOn(changes, fromDate)?.consultantId ?? null;
        const id = await insertConsultantChange(tx, p, fromDate, consultantId, actor.userId);
        return { id, detail: { fromDate, from, to: consultantId } };
      },
    };
  },
});
