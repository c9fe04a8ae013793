/** Record a change of her visitation in her current enrolment (date, new category, reason). */
import type { z } from 'zod';
import type { Visitation } from '../../core/codes.ts';
import { insertVisitationChange, listVisitationChanges } from '../../db/casework/visitation.ts';
import { makeVisitationChangeSchema, visitationOn } from '../../domain/visitation.ts';
import { changeInEnrolment } from './save-change-in-enrolment.ts';

export const saveVisitationChange = changeInEnrolment({
  purpose: 'opret_visitationsaendring',
  entity: 'visitation',
  fields: ['date', 'visitation', 'reason'],
  notEnrolled: 'Visitationen kan kun ændres, mens hun er indskrevet.',
  async prepare(tx, p, e, { actor, today }) {
    const changes = (await listVisitationChanges(tx, p.id)).filter((c) => c.enrolmentId === e.id);
    const atEnrolment = e.visitation as Visitation;
    const schema = makeVisitationChangeSchema({ today, enrolledOn: e.enrolledOn, current: (d) => visitationOn(atEnrolment, changes, d) });
    return {
      schema,
      async store(change: z.output<typeof schema>) {
        const from = visitationOn(atEnrolment, changes, change.date);
        const id = await insertVisitationChange(tx, p.id, p.municipalityCode, e.id, change, actor.userId);
        return { id, detail: { enrolmentId: e.id, date: change.date, from, to: change.visitation } };
      },
    };
  },
});
