/**
 * Result goals (resultatmål) and milestones (milepæle): measures, statuses and the form
 * schemas with Danish messages. A goal's measure comes either from the monitoring engine
 * (spec kib-2019.1) or from the case data.
 */
import { z } from 'zod';

import {
  MEASURES,
  MILESTONE_STATUSES,
  POPULATIONS,
  TARGET_KINDS,
  type Measure,
  type MilestoneStatus,
  type Population,
  type TargetKind,
} from '../core/codes.ts';

export interface Goal {
  id: number;
  projectId: number;
  title: string;
  measure: Measure;
  population: Population;
  targetKind: TargetKind;
  targetValue: number;
  deadline: string;
  note: string | null;
}

export interface Milestone {
  id: number;
  projectId: number;
  phase: number;
  phaseName: string;
  number: number;
  content: string;
  dueDate: string;
  responsible: string;
  status: MilestoneStatus;
  note: string | null;
}

/** A date typed as dd-mm-åååå (as on the casework forms) or ÅÅÅÅ-MM-DD, stored as ISO. */
const isoDate = z
  .string()
  .trim()
  .transform((s) =>
    /^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/.test(s)
      ? ((d, m, y) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)(...(s.split(/[-./]/) as [string, string, string]))
      : s,
  )
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Skriv datoen som dd-mm-åååå, fx 31-12-2022.' }))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'Datoen findes ikke.',
  });
/** PostgreSQL text cannot hold NUL; other control characters but tab and line breaks are typing accidents. */
export const hasControlChars = (s: string) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s);
const CONTROL = { message: 'Teksten indeholder et ugyldigt tegn.' };
/** Trimmed text of `min` to `max` characters without control characters; `empty` and `long` are the Danish messages. */
export const requiredText = (min: number, max: number, empty: string, long: string) =>
  z
    .string()
    .trim()
    .min(min, { message: empty })
    .max(max, { message: long })
    .refine((s) => !hasControlChars(s), CONTROL);

const optionalNote = z
  .string()
  .trim()
  .refine((s) => !hasControlChars(s), CONTROL)
  .max(1000, { message: 'Bemærkningen må højst være 1.000 tegn.' })
  .transform((s) => (s === '' ? null : s));
const intText = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `Angiv ${what} som et helt tal.` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `${what[0].toUpperCase()}${what.slice(1)} skal være mellem ${min} og ${max}.` });

export const goalFormSchema = z
  .object({
    title: requiredText(2, 200, 'Skriv en titel på mindst 2 tegn.', 'Titlen må højst være 200 tegn.'),
    measure: z.enum(MEASURES, { error: 'Vælg et måletal.' }),
    population: z.preprocess(
      (v) => (v === '' || v == null ? 'alle' : v),
      z.enum(POPULATIONS, { error: 'Vælg, hvilke kvinder målet gælder.' }),
    ),
    targetKind: z.enum(TARGET_KINDS, { error: 'Vælg andel eller antal.' }),
    targetValue: z
      .string()
      .trim()
      .regex(/^\d+([.,]\d+)?$/, { message: 'Angiv målet som et tal, fx 50 eller 12,5.' })
      .transform((s) => Number(s.replace(',', '.'))),
    deadline: isoDate,
    note: optionalNote,
  })
  .superRefine((g, ctx) => {
    if (g.targetKind === 'andel' && g.targetValue > 100) {
      ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'En andel kan højst være 100 %.' });
    }
    if (g.targetKind === 'antal' && !Number.isInteger(g.targetValue)) {
      ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Et antal skal være et helt tal.' });
    }
    if (g.measure === 'indskrevne' && g.targetKind !== 'antal') {
      ctx.addIssue({ code: 'custom', path: ['targetKind'], message: 'Antal indskrevne måles som et antal.' });
    }
  });
export type GoalInput = z.output<typeof goalFormSchema>;

export const milestoneFormSchema = z.object({
  phase: intText(1, 20, 'fasen'),
  phaseName: requiredText(1, 100, 'Skriv fasens navn.', 'Fasens navn må højst være 100 tegn.'),
  number: intText(1, 999, 'nummeret'),
  content: requiredText(2, 1000, 'Beskriv milepælens indhold.', 'Indholdet må højst være 1.000 tegn.'),
  dueDate: isoDate,
  responsible: requiredText(1, 200, 'Skriv, hvem der er ansvarlig.', 'Højst 200 tegn.'),
  status: z.enum(MILESTONE_STATUSES, { error: 'Vælg en status.' }),
  note: optionalNote,
});
export type MilestoneInput = z.output<typeof milestoneFormSchema>;

export const GOAL_FIELDS = ['title', 'measure', 'population', 'targetKind', 'targetValue', 'deadline', 'note'] as const;
export const MILESTONE_FIELDS = ['phase', 'phaseName', 'number', 'content', 'dueDate', 'responsible', 'status', 'note'] as const;
