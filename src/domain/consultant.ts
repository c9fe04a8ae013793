/**
 * The company consultant (virksomhedskonsulent, issue 14 build 2): a second responsible person
 * per woman, who owns the company work. Assignments are dated changes; the one in force on a day
 * is the latest from on or before it, and a change to "none" ends the assignment.
 */
import { z } from 'zod';
import { formatDateDa, type IsoDate } from '../core/dates.ts';
import { isoDateField } from './form-fields.ts';

export interface ConsultantChange {
  fromDate: IsoDate;
  consultantId: number | null;
}

/** Her consultant on `date` (null when none is assigned then). Later rows win over earlier ones of the same day. */
export function consultantOn<T extends ConsultantChange>(changes: readonly T[], date: IsoDate): T | null {
  let now: T | null = null;
  for (const c of changes) if (c.fromDate <= date && (now === null || c.fromDate >= now.fromDate)) now = c;
  return now && now.consultantId !== null ? now : null;
}

/** The change form: from a date (not before her enrolment, at most a year ahead) to a consultant of the jobcentre or none. */
export function makeConsultantChangeSchema(o: {
  enrolledOn: IsoDate;
  latest: IsoDate;
  allowed: readonly number[];
  current: (d: IsoDate) => number | null;
}) {
  return z
    .object({
      fromDate: isoDateField,
      consultantId: z.preprocess(
        (v) => (typeof v === 'string' && v.trim() !== '' ? (v === 'ingen' ? null : Number(v)) : undefined),
        z.number({ error: 'Vælg en virksomhedskonsulent, eller "Ingen".' }).int().nullable(),
      ),
    })
    .superRefine((v, ctx) => {
      if (v.consultantId !== null && !o.allowed.includes(v.consultantId)) {
        ctx.addIssue({ code: 'custom', path: ['consultantId'], message: 'Vælg en virksomhedskonsulent fra dit jobcenter.' });
      } else if (v.fromDate < o.enrolledOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['fromDate'],
          message: `Datoen kan ikke ligge før indskrivningen (${formatDateDa(o.enrolledOn)}).`,
        });
      } else if (v.fromDate > o.latest) {
        ctx.addIssue({
          code: 'custom',
          path: ['fromDate'],
          message: `Datoen kan højst ligge et år frem (senest ${formatDateDa(o.latest)}).`,
        });
      } else if (o.current(v.fromDate) === v.consultantId) {
        ctx.addIssue({
          code: 'custom',
          path: ['consultantId'],
          message:
            v.consultantId === null
              ? 'Hun har ingen virksomhedskonsulent på datoen.'
              : 'Hun har allerede den virksomhedskonsulent på datoen.',
        });
      }
    });
}
