/** Assign her company consultant (virksomhedskonsulent) from a date, or end the assignment (issue 14 build 2). */
import { addDays } from '../../core/dates.ts';
import { insertConsultantChange, listConsultantChanges } from '../../db/casework/consultants.ts';
import { caseworkersOf } from '../../db/casework/project-config.ts';
import { consultantOn, makeConsultantChangeSchema } from '../../domain/consultant.ts';
import type { CaseFormSave } from './with-case.ts';
import { saveChangeInEnrolment } from './save-change-in-enrolment.ts';
import { todayInDenmark } from './today.ts';

export const CONSULTANT_FIELDS = ['fromDate', 'consultantId'] as const;

export const saveConsultantChange: CaseFormSave = (db, actor, participantId, form, today = todayInDenmark()) => {
  return saveChangeInEnrolment(db, actor, participantId, form, {
    purpose: 'opret_virksomhedskonsulent',
    entity: 'virksomhedskonsulent',
    fields: CONSULTANT_FIELDS,
    notEnrolled: 'Virksomhedskonsulenten kan kun skiftes, mens hun er indskrevet.',
    async prepare(tx, p, e) {
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
};
