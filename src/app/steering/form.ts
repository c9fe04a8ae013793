/** Form outcomes for steering edits: saved, or invalid with a Danish message per field. */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type SaveOutcome = { status: 'ok'; id: number } | { status: 'invalid'; errors: FieldErrors; values: FormValues };

/** The submitted strings for `fields` (the first value when a field repeats). */
export function formValues(form: Record<string, unknown>, fields: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = form[f];
    out[f] = Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
  }
  return out;
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
