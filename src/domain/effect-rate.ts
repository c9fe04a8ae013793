/** The form of one weekly rate of the investment case (spec effekt-2026.1 §6): category, year, kroner per week and its source. */
import { z } from 'zod';
import { SUPPORT_CATEGORIES } from '../core/labels.ts';
import { hasControlChars } from './steering-goals.ts';
import { kronerField, yearField } from './form-fields.ts';

export const RATE_FIELDS = ['category', 'year', 'rate', 'source'] as const;

export const rateFormSchema = z
  .object({
    category: z.enum(SUPPORT_CATEGORIES, { error: 'Vælg en forsørgelseskategori.' }),
    year: yearField('Skriv året med fire cifre, fx 2023.'),
    rate: kronerField('Skriv satsen i kroner pr. uge, fx 3.663,23. Tomt fjerner satsen.', 1e8, 'Satsen er for stor.'),
    source: z
      .string()
      .trim()
      .max(500, { message: 'Kilden må højst være 500 tegn.' })
      .refine((s) => !hasControlChars(s), { message: 'Teksten indeholder et ugyldigt tegn.' }),
  })
  .superRefine((v, ctx) => {
    if (v.rate !== null && v.source.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'Skriv, hvor satsen kommer fra, fx «Beskæftigelsesministeriet, Satser for 2023».',
      });
  });
export type RateInput = z.output<typeof rateFormSchema>;
