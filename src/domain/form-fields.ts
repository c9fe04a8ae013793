/**
 * Small zod building blocks shared by the form schemas: dates, decimal numbers with a
 * Danish decimal comma, trimmed optional text. Error messages are Danish.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/** Accepts YYYY-MM-DD (HTML date input) or DD-MM-YYYY / DD.MM.YYYY (typed by hand). */
export function normaliseDateInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim();
  const da = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(s);
  if (da) return `${da[3]}-${da[2].padStart(2, '0')}-${da[1].padStart(2, '0')}`;
  return s;
}

export const isoDateField = z.preprocess(
  normaliseDateInput,
  z
    .string({ error: 'Angiv en dato.' })
    .refine(isIsoDate, { message: 'Datoen er ugyldig (brug ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ).' }),
);

/** Optional date: empty string and null become null. */
export const optionalIsoDateField = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  isoDateField.nullable(),
);

/** "18,5" → 18.5; numbers pass through; empty → undefined (so `required` errors show). */
export function parseDecimalInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** Trimmed text; empty becomes null. */
export const optionalTextField = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v ?? null),
    z.string().max(max, { message: tooLong }).nullable(),
  );

/** Checkbox values from HTML forms ("on", "true", "ja") as well as real booleans. */
export const booleanField = z.preprocess((v) => {
  if (typeof v === 'string') return ['on', 'true', 'ja', '1'].includes(v.trim().toLowerCase());
  return v ?? false;
}, z.boolean());
