/**
 * Small zod building blocks shared by the form schemas: dates, decimal numbers with a
 * Danish decimal comma, trimmed optional text. Error messages are Danish.
 */
import { z } from 'zod';
import { isIsoDate, MONTH_NAMES_DA } from '../core/dates.ts';

/** Accepts YYYY-MM-DD (HTML date input) or DD-MM-YYYY / DD.MM.YYYY (typed by hand). */
export function normaliseDateInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim();
  const da = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(s);
  if (da) return `${da[3]}-${da[2].padStart(2, '0')}-${da[1].padStart(2, '0')}`;
  return s;
}

export const DATE_FORMAT_HINT = 'Skriv datoen som d.m.åååå, fx 3.2.2025.';

/**
 * Why a typed date is not a date, in Danish, or null when it is one: empty ("Angiv datoen."), a
 * day the calendar does not have ("31. februar 2025 findes ikke.") or another form.
 */
export function dateInputProblem(input: unknown): string | null {
  const s = typeof input === 'string' ? input.trim() : input == null ? '' : String(input);
  if (s === '') return 'Angiv datoen.';
  const iso = normaliseDateInput(s) as string;
  if (isIsoDate(iso)) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1) return `${d}. ${MONTH_NAMES_DA[mo - 1]} ${y} findes ikke.`;
    if (mo < 1 || mo > 12) return `Måned ${mo} findes ikke. ${DATE_FORMAT_HINT}`;
  }
  return DATE_FORMAT_HINT;
}

export const isoDateField = z.preprocess(
  (v) => (v == null ? '' : normaliseDateInput(v)),
  z.string().superRefine((v, ctx) => {
    const problem = dateInputProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/** Optional date: empty string and null become null. */
export const optionalIsoDateField = z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDateField.nullable());

/** "18,5" → 18.5; numbers pass through; empty → undefined (so `required` errors show). */
export function parseDecimalInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/**
 * An amount in kroner as typed: 1.250.000, 1250000, 1 250 000 or 1250000,50, with or without "kr.";
 * empty becomes null (remove). `notAmount` and `tooLarge` (at `max` or more) are the Danish messages.
 */
export const kronerField = (notAmount: string, max: number, tooLarge: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s\u00a0]/g, '').replace(/kr\.?$/i, ''))
    .refine((s) => s === '' || /^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(s), { message: notAmount })
    .transform((s) => (s === '' ? null : Number(s.replace(/\./g, '').replace(',', '.'))))
    .refine((n) => n === null || n < max, { message: tooLarge });

/** A year from 2000 to 2100 typed with four digits; `notYear` is the message for any other text. */
export const yearField = (notYear: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: notYear })
    .transform(Number)
    .refine((n) => n >= 2000 && n <= 2100, { message: 'Året skal være mellem 2000 og 2100.' });

/** Trimmed text; empty becomes null. */
export const optionalTextField = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null)),
    z.string().max(max, { message: tooLong }).nullable(),
  );

/** Checkbox values from HTML forms ("on", "true", "ja") as well as real booleans. */
export const booleanField = z.preprocess((v) => {
  if (typeof v === 'string') return ['on', 'true', 'ja', '1'].includes(v.trim().toLowerCase());
  return v ?? false;
}, z.boolean());
