/** Outcomes of casework saves: done, denied (not her tenant / not her record) or invalid input. */
import type { z } from 'zod';
import type { AlertCode, Severity } from '../../core/codes.ts';

export type FieldErrors = Record<string, string>;

/** Alerts a save raised (new, or more severe) and cleared, to tell the caseworker at once. */
export interface AlertChange {
  raised: { code: AlertCode; severity: Severity }[];
  cleared: { code: AlertCode }[];
}

export type SaveResult<T = string> =
  | { status: 'ok'; id: T; alerts?: AlertChange }
  | { status: 'denied' }
  | { status: 'forbidden' }
  | { status: 'invalid'; errors: FieldErrors };

export type FormData = Record<string, unknown>;

/** The first Danish message for each field; the field name is the issue path joined by dots. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** A single string value from a parsed form body (the first when repeated), without NUL characters (PostgreSQL text cannot hold them). */
export function str(form: FormData, key: string): string {
  const v = form[key];
  const s = Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
  return s.replace(/\u0000/g, '');
}

export const denied = (): SaveResult<never> => ({ status: 'denied' });
export const invalid = (errors: FieldErrors): SaveResult<never> => ({ status: 'invalid', errors });

/** Only the one who entered a record (or a project leader) may correct or delete it. */
export function mayCorrect(actor: { userId: number; role: string }, createdBy: number | null): boolean {
  return actor.role === 'projektleder' || createdBy === null || createdBy === actor.userId;
}
