/**
 * Visitation over time (issue 13): her category at enrolment is kept (results by visitation use
 * it, as SIRI does); each later change has a date, the new category and a reason. The history
 * is derived from the changes in date order, so a deleted or corrected change never leaves a
 * stale "from". Viborg's goal "opvisitering fra aktivitetsparat til jobparat" counts women
 * enrolled as aktivitetsparat who were later changed to jobparat.
 */
import { z } from 'zod';
import { formatDateDa, type IsoDate } from '../core/dates.ts';
import { VISITATIONS, type Visitation } from '../core/codes.ts';
import { isoDateField, optionalTextField } from './form-fields.ts';

export interface VisitationChangeInput {
  date: IsoDate;
  visitation: Visitation;
}

export interface VisitationStep<T extends VisitationChangeInput = VisitationChangeInput> {
  change: T;
  from: Visitation;
  to: Visitation;
}

export const MAX_VISITATION_REASON = 500;

/** The form: date within her enrolment and not in the future, the new category, a reason. */
export function makeVisitationChangeSchema(o: { today: IsoDate; enrolledOn: IsoDate; current: (date: IsoDate) => Visitation }) {
  return z
    .object({
      date: isoDateField,
      visitation: z.enum(VISITATIONS, { error: 'Vælg den nye visitation.' }),
      reason: optionalTextField(MAX_VISITATION_REASON, `Begrundelsen må højst være ${MAX_VISITATION_REASON} tegn.`),
    })
    .superRefine((v, ctx) => {
      if (v.date > o.today)
        ctx.addIssue({ code: 'custom', path: ['date'], message: `Datoen kan ikke ligge i fremtiden (senest ${formatDateDa(o.today)}).` });
      else if (v.date < o.enrolledOn)
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `Datoen kan ikke ligge før indskrivningen (${formatDateDa(o.enrolledOn)}).`,
        });
      else if (o.current(v.date) === v.visitation)
        ctx.addIssue({ code: 'custom', path: ['visitation'], message: 'Hun har allerede den visitation på datoen.' });
    });
}

/** Changes in date order (stable), each with the category it came from. A change to the same category is left out. */
export function visitationHistory<T extends VisitationChangeInput>(atEnrolment: Visitation, changes: readonly T[]): VisitationStep<T>[] {
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.date.localeCompare(b.c.date) || a.i - b.i)
    .map((x) => x.c);
  const out: VisitationStep<T>[] = [];
  let current = atEnrolment;
  for (const c of sorted) {
    if (c.visitation === current) continue;
    out.push({ change: c, from: current, to: c.visitation });
    current = c.visitation;
  }
  return out;
}

/** Her category on `date` (the enrolment's before any change). */
export function visitationOn(atEnrolment: Visitation, changes: readonly VisitationChangeInput[], date: IsoDate): Visitation {
  let v = atEnrolment;
  for (const s of visitationHistory(atEnrolment, changes)) if (s.change.date <= date) v = s.to;
  return v;
}

/** The first day she was changed from aktivitetsparat to jobparat (opvisiteret), or null. */
export function upgradedOn(atEnrolment: Visitation, changes: readonly VisitationChangeInput[]): IsoDate | null {
  return visitationHistory(atEnrolment, changes).find((s) => s.from === 'aktivitetsparat' && s.to === 'jobparat')?.change.date ?? null;
}
