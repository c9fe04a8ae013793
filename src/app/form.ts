/**
 * The one form stack for every use case that takes a submitted form (casework, steering, citizen, companies,
 * group sessions, recruitment, Danish tuition, effect rates): the submitted body, the outcome types, the
 * zod-error mapper that gives one Danish message per field, and the reading of submitted strings.
 * Date fields are normalised and checked by `domain/form-fields.ts`, which the schemas use.
 */
import type { z } from 'zod';
import type { Actor } from '../core/actor.ts';
import type { AlertCode, Severity } from '../core/codes.ts';
import type { Db } from '../db/door.ts';
import { requireLeaderOf } from './steering/access.ts';

/** A submitted form as the route hands it over (a parsed urlencoded body). */
export type FormData = Record<string, unknown>;
export type FieldErrors = Record<string, string>;
/** What was typed, field by field, to show again beside the errors. */
export type FormValues = Record<string, string>;

/** Alerts a save raised (new, or more severe) and cleared, to tell the caseworker at once. */
export interface AlertChange {
  raised: { code: AlertCode; severity: Severity }[];
  cleared: { code: AlertCode }[];
}

/** Outcome of a casework-style save: done, denied (not her tenant / not her record), forbidden or invalid input. */
export type SaveResult<T = string> =
  | { status: 'ok'; id: T; alerts?: AlertChange }
  | { status: 'denied' }
  | { status: 'forbidden' }
  | { status: 'invalid'; errors: FieldErrors };

/** Outcome of a steering save: saved, or invalid with a Danish message per field and what was typed. */
export type SaveOutcome = { status: 'ok'; id: number } | { status: 'invalid'; errors: FieldErrors; values: FormValues };

/** The first Danish message for each field; the field name is the issue path joined by dots. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The submitted string for `key`: the first value when the field repeats, '' when it is missing. */
function firstValue(form: FormData, key: string): string {
  const v = form[key];
  return Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
}

/** A single string value from a parsed form body (the first when repeated), without NUL characters (PostgreSQL text cannot hold them). */
export function str(form: FormData, key: string): string {
  return firstValue(form, key).replace(/\u0000/g, '');
}

/** A control character other than TAB and LF (what `multilineText` leaves in a text that must not hold one). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** The Danish message for a text with a control character. */
export const CONTROL_CHAR_MESSAGE = 'Teksten må ikke indeholde kontroltegn.';

/** A multi-line text field as stored: `str`, its line breaks (CRLF or a lone CR) as LF, trimmed. */
export function multilineText(form: FormData, key: string): string {
  return str(form, key).replace(/\r\n?/g, '\n').trim();
}

/** True when `text` holds a control character other than TAB and LF (see `CONTROL_CHAR_MESSAGE`). */
export function hasControlChar(text: string): boolean {
  return CONTROL.test(text);
}

/** The submitted strings for `fields` (the first value when a field repeats). */
export function formValues(form: FormData, fields: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f] = firstValue(form, f);
  return out;
}

/** Only the one who entered a record (or a project leader) may correct or delete it. */
export function mayCorrect(actor: { userId: number; role: string }, createdBy: number | null): boolean {
  return actor.role === 'projektleder' || createdBy === null || createdBy === actor.userId;
}

/**
 * A project leader's form on `projectId` (refused for anyone else): the submitted `fields` checked by
 * `schema`, giving the data and what was typed, or the invalid outcome to answer with.
 */
export async function leaderForm<S extends z.ZodType>(
  db: Db,
  actor: Actor,
  projectId: number,
  form: FormData,
  fields: readonly string[],
  schema: S,
): Promise<{ ok: true; data: z.output<S>; values: FormValues } | { ok: false; outcome: SaveOutcome }> {
  await requireLeaderOf(db, actor, projectId);
  const values = formValues(form, fields);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, outcome: { status: 'invalid', errors: zodFieldErrors(parsed.error), values } };
  return { ok: true, data: parsed.data, values };
}
