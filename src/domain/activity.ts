/**
 * One activity in a woman's course (aktivitet): type from the catalogue, provider or company,
 * CVR where it happens at a company, the address and the days and times she goes there (for her
 * plan), dates, hours per week and status; at a company, her consent to what the company may be told.
 */
import { z } from 'zod';
import { findActivityType, type ActivityType } from './activities.ts';
import { parseCvr } from './cvr.ts';
import { ACTIVITY_STATUSES, COMPANY_CONSENTS } from '../core/codes.ts';
import { isoDateField, optionalIsoDateField, optionalTextField, parseDecimalInput } from './form-fields.ts';

export const MAX_HOURS_PER_WEEK = 37;

/**
 * Build the activity form schema for a project's catalogue (built-in + `extraTypes`).
 * The end date may be empty while an activity is planned or ongoing; it is required once the
 * activity is finished or interrupted (afsluttet/afbrudt).
 */
export function makeActivitySchema(extraTypes: readonly ActivityType[] = []) {
  return z
    .object({
      typeKey: z.string({ error: 'Vælg en aktivitetstype.' }).refine((k) => findActivityType(k, extraTypes) !== undefined, {
        message: 'Vælg en aktivitetstype fra kataloget.',
      }),
      provider: optionalTextField(200, 'Navnet må højst være 200 tegn.'),
      address: optionalTextField(200, 'Adressen må højst være 200 tegn.'),
      schedule: optionalTextField(200, 'Tidspunktet må højst være 200 tegn.'),
      cvr: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null)), z.string().nullable()),
      startDate: isoDateField,
      endDate: optionalIsoDateField,
      hoursPerWeek: z.preprocess(
        (v) => parseDecimalInput(v) ?? null, // optional: empty means not stated
        z
          .number({ error: 'Angiv timer pr. uge som et tal, fx 18,5.' })
          .min(0, { message: 'Timer pr. uge kan ikke være negativ.' })
          .max(MAX_HOURS_PER_WEEK, { message: `Timer pr. uge kan højst være ${MAX_HOURS_PER_WEEK}.` })
          .nullable(),
      ),
      status: z.enum(ACTIVITY_STATUSES, { error: 'Vælg en status.' }),
      /** Her consent on a placement: what the company may be told about her (required with a CVR number). */
      companyConsent: z.preprocess(
        (v) => (v === '' ? null : (v ?? null)),
        z.enum(COMPANY_CONSENTS, { error: 'Vælg ja eller nej.' }).nullable(),
      ),
    })
    .superRefine((a, ctx) => {
      const type = findActivityType(a.typeKey, extraTypes);
      if (type?.atCompany) {
        if (!a.provider) ctx.addIssue({ code: 'custom', path: ['provider'], message: 'Angiv virksomhedens navn.' });
        if (!a.cvr)
          ctx.addIssue({
            code: 'custom',
            path: ['cvr'],
            message: `Angiv virksomhedens CVR-nummer (påkrævet for ${type.name.toLowerCase()}).`,
          });
      }
      if (a.cvr) {
        const r = parseCvr(a.cvr);
        if (!r.ok) ctx.addIssue({ code: 'custom', path: ['cvr'], message: r.error });
      }
      if (a.cvr && !a.companyConsent)
        ctx.addIssue({ code: 'custom', path: ['companyConsent'], message: 'Angiv om virksomheden må få oplysninger om hende.' });
      if (a.endDate && a.endDate < a.startDate) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Slutdatoen kan ikke ligge før startdatoen.' });
      }
      if (!a.endDate && (a.status === 'afsluttet' || a.status === 'afbrudt')) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Angiv slutdato for en afsluttet eller afbrudt aktivitet.' });
      }
    })
    .transform((a) => {
      const r = a.cvr ? parseCvr(a.cvr) : null;
      // Consent belongs to a placement at a company: none without a CVR number.
      return { ...a, cvr: r && r.ok ? r.value : null, companyConsent: r && r.ok ? a.companyConsent : null };
    });
}

/** The built-in catalogue's schema; use makeActivitySchema(extraTypes) for a project. */
export const activitySchema = makeActivitySchema();

export type Activity = z.output<typeof activitySchema>;
export type ActivityInput = z.input<typeof activitySchema>;
