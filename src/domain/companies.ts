/**
 * The company register (issue 14): a company by its CVR number, its contact people and the
 * jobcentre's logged contacts, and the follow-up on a hiring — is she still there 1, 3 and 6
 * months after she started? Pure: schemas and rules; pass `today`.
 *
 * A hiring (ansættelse) is a placement where the company pays her wage: ordinary paid hours or
 * a small job (loentimer), IGU and løntilskud. A praktik is a placement but not a hiring.
 */
import { z } from 'zod';
import { parseCvr } from './cvr.ts';
import { addDays, addMonths, daysBetween, formatDateDa, isIsoDate, type IsoDate } from '../core/dates.ts';
import { isoDateField, optionalTextField } from './form-fields.ts';
import { COMPANY_CONTACT_KINDS, FOLLOW_UP_CHECKPOINTS, type FollowUpCheckpoint } from '../core/codes.ts';
import type { Alert } from './alert-types.ts';

/** Activity types whose placement is a hiring: followed up after 1, 3 and 6 months. */
export const HIRING_TYPES: readonly string[] = ['loentimer', 'igu', 'loentilskud'];
export const isHiring = (typeKey: string) => HIRING_TYPES.includes(typeKey);

/** A check is due from its day; it is overdue (kritisk) this many days after it. */
export const FOLLOW_UP_GRACE_DAYS = 14;
/** It is announced (advarsel) this many days before it. */
export const FOLLOW_UP_LEAD_DAYS = 7;

const requiredText = (max: number, missing: string, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
    z.string().min(1, { message: missing }).max(max, { message: tooLong }),
  );

export const companySchema = z
  .object({
    cvr: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
    name: requiredText(200, 'Angiv virksomhedens navn.', 'Navnet må højst være 200 tegn.'),
    address: optionalTextField(300, 'Adressen må højst være 300 tegn.'),
    industry: optionalTextField(200, 'Branchen må højst være 200 tegn.'),
    notes: optionalTextField(2000, 'Noterne må højst være 2000 tegn.'),
  })
  .superRefine((c, ctx) => {
    const r = parseCvr(c.cvr);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['cvr'], message: c.cvr.trim() === '' ? 'Angiv virksomhedens CVR-nummer.' : r.error });
  })
  .transform((c) => {
    const r = parseCvr(c.cvr);
    return { ...c, cvr: r.ok ? r.value : c.cvr };
  });
export type CompanyInput = z.output<typeof companySchema>;

export const contactPersonSchema = z.object({
  name: requiredText(200, 'Angiv kontaktpersonens navn.', 'Navnet må højst være 200 tegn.'),
  title: optionalTextField(200, 'Stillingen må højst være 200 tegn.'),
  phone: optionalTextField(40, 'Telefonnummeret må højst være 40 tegn.').refine((p) => p === null || /^[+0-9 ()-]{6,40}$/.test(p), {
    message: 'Skriv telefonnummeret med cifre, fx 98 12 34 56.',
  }),
  email: optionalTextField(200, 'E-mailadressen må højst være 200 tegn.').refine(
    (e) => e === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e),
    {
      message: 'Skriv en e-mailadresse som navn@virksomhed.dk.',
    },
  ),
});
export type ContactPersonInput = z.output<typeof contactPersonSchema>;

/** A logged contact with the company; not in the future. */
export const makeCompanyContactSchema = (today: IsoDate) =>
  z
    .object({
      occurredOn: isoDateField,
      kind: z.enum(COMPANY_CONTACT_KINDS, { error: 'Vælg hvilken slags kontakt det var.' }),
      note: optionalTextField(2000, 'Noten må højst være 2000 tegn.'),
    })
    .superRefine((c, ctx) => {
      if (c.occurredOn > today) ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: 'Datoen kan ikke ligge i fremtiden.' });
    });
export type CompanyContactInput = z.output<ReturnType<typeof makeCompanyContactSchema>>;

/** The answer at a checkpoint: checked on a day (not before she started, not in the future), still employed or not. */
export const makeFollowUpSchema = (startDate: IsoDate, today: IsoDate) =>
  z
    .object({
      checkpointMonths: z.preprocess(
        (v) => Number(v),
        z.number().refine((m) => (FOLLOW_UP_CHECKPOINTS as readonly number[]).includes(m), {
          message: 'Vælg opfølgningen (1, 3 eller 6 måneder).',
        }),
      ),
      // Checked per field, so the date's error shows together with the other fields' errors.
      checkedOn: isoDateField.superRefine((d, ctx) => {
        if (!isIsoDate(d)) return;
        if (d > today) ctx.addIssue({ code: 'custom', message: 'Datoen kan ikke ligge i fremtiden.' });
        else if (d < startDate)
          ctx.addIssue({ code: 'custom', message: `Opfølgningen kan ikke ligge før ansættelsen begyndte (${formatDateDa(startDate)}).` });
      }),
      stillEmployed: z.enum(['ja', 'nej'], { error: 'Svar om hun stadig er ansat.' }).transform((v) => v === 'ja'),
      note: optionalTextField(2000, 'Noten må højst være 2000 tegn.'),
    })
    .transform((f) => ({ ...f, checkpointMonths: f.checkpointMonths as FollowUpCheckpoint }));
export type FollowUpInput = z.output<ReturnType<typeof makeFollowUpSchema>>;

export interface HiringPeriod {
  id: string;
  typeKey: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface RecordedFollowUp {
  activityId: string;
  checkpointMonths: number;
  stillEmployed: boolean;
}

export type CheckpointState = 'udfoert' | 'mangler' | 'kommende' | 'bortfaldet';

export interface Checkpoint {
  activityId: string;
  months: FollowUpCheckpoint;
  /** The day she has been there `months` months. */
  date: IsoDate;
  /** After this day a missing check is overdue. */
  deadline: IsoDate;
  state: CheckpointState;
  stillEmployed: boolean | null;
}

/**
 * The checkpoints of one hiring. A checkpoint lapses (bortfaldet) when the hiring ended before
 * it (the answer is known: she is no longer there); a recorded answer makes it done (udfoert);
 * otherwise it is missing from its day on, and coming (kommende) before.
 */
export function hiringCheckpoints(h: HiringPeriod, recorded: readonly RecordedFollowUp[], today: IsoDate): Checkpoint[] {
  return FOLLOW_UP_CHECKPOINTS.map((months) => {
    const date = addMonths(h.startDate, months);
    const r = recorded.find((x) => x.activityId === h.id && x.checkpointMonths === months);
    const base = {
      activityId: h.id,
      months,
      date,
      deadline: addDays(date, FOLLOW_UP_GRACE_DAYS),
      stillEmployed: r ? r.stillEmployed : null,
    };
    if (r) return { ...base, state: 'udfoert' as const };
    if (h.endDate !== null && h.endDate < date) return { ...base, state: 'bortfaldet' as const };
    return { ...base, state: date <= today ? ('mangler' as const) : ('kommende' as const) };
  });
}

/** Follow-up alerts for her hirings: announced a week before a checkpoint, kritisk after its grace period. */
export function hiringFollowUpAlerts(hirings: readonly HiringPeriod[], recorded: readonly RecordedFollowUp[], today: IsoDate): Alert[] {
  const out: Alert[] = [];
  for (const h of hirings.filter((x) => isHiring(x.typeKey))) {
    // A later checkpoint answered "no longer employed" closes the earlier missing ones too.
    const answeredGone = recorded.some((r) => r.activityId === h.id && !r.stillEmployed);
    if (answeredGone) continue;
    for (const c of hiringCheckpoints(h, recorded, today)) {
      if (c.state === 'udfoert' || c.state === 'bortfaldet') continue;
      if (today > c.deadline) {
        out.push({
          code: 'ansaettelse_opfoelgning',
          severity: 'kritisk',
          dueDate: c.deadline,
          message: `Opfølgning ${c.months} ${c.months === 1 ? 'måned' : 'måneder'} efter ansættelsen (${formatDateDa(h.startDate)}) mangler; fristen var ${formatDateDa(c.deadline)}.`,
        });
      } else if (daysBetween(today, c.date) <= FOLLOW_UP_LEAD_DAYS) {
        out.push({
          code: 'ansaettelse_opfoelgning',
          severity: 'advarsel',
          dueDate: c.deadline,
          message: `Følg op på ansættelsen ${c.months} ${c.months === 1 ? 'måned' : 'måneder'} efter start (${formatDateDa(c.date)}), senest ${formatDateDa(c.deadline)}.`,
        });
      }
    }
  }
  return out;
}
